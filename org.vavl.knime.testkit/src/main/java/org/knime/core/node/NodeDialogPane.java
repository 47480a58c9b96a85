package org.knime.core.node;

import java.awt.Component;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The settings dialog of a node (Swing; the test kit builds it headless).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeDialogPane.java (test-kit subset).
 */
public abstract class NodeDialogPane {

    private final JPanel m_panel = new JPanel(new java.awt.BorderLayout());

    private final JTabbedPane m_tabs = new JTabbedPane();

    /** Creates an empty dialog. */
    protected NodeDialogPane() {
        m_panel.add(m_tabs);
    }

    /** Writes the dialog's values into the settings. */
    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    /** Loads settings into the dialog; by default calls the table-spec variant. */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] t = new DataTableSpec[specs.length];
        for (int i = 0; i < t.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException("Input port " + i + " does not hold a table spec");
            }
            t[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, t);
    }

    /** Loads settings into the dialog. */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    /** Adds a tab. */
    protected final void addTab(final String title, final Component comp) {
        m_tabs.addTab(title, comp);
    }

    /** @return the component of the tab with the title, or null */
    protected final Component getTab(final String title) {
        final int i = m_tabs.indexOfTab(title);
        return i < 0 ? null : m_tabs.getComponentAt(i);
    }

    /** @return the titles of the tabs, in order */
    protected final java.util.List<String> getTabTitles() {
        final java.util.List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < m_tabs.getTabCount(); i++) {
            titles.add(m_tabs.getTitleAt(i));
        }
        return titles;
    }

    /** Renames a tab. */
    protected final void renameTab(final String oldName, final String newName) {
        final int i = m_tabs.indexOfTab(oldName);
        if (i >= 0) {
            m_tabs.setTitleAt(i, newName);
        }
    }

    /** Adds a tab at the index (or last, if the index is too big). @return the index used */
    protected final int addTabAt(final int index, final String title, final Component comp) {
        final int i = Math.max(0, Math.min(index, m_tabs.getTabCount()));
        m_tabs.insertTab(title, null, comp, null, i);
        return i;
    }

    /** Brings the tab to front. @return whether the tab exists */
    protected final boolean setSelected(final String name) {
        final int i = m_tabs.indexOfTab(name);
        if (i >= 0) {
            m_tabs.setSelectedIndex(i);
        }
        return i >= 0;
    }

    /** Removes a tab. */
    protected final void removeTab(final String name) {
        int i = m_tabs.indexOfTab(name);
        if (i >= 0) {
            m_tabs.removeTabAt(i);
        }
    }

    /** @return the index of the tab, or -1 */
    protected final int getTabIndex(final String title) {
        return m_tabs.indexOfTab(title);
    }

    /** @return the panel holding the tabs */
    public final JPanel getPanel() {
        return m_panel;
    }

    /** Called when the dialog opens. */
    public void onOpen() {
    }

    /** Called when the dialog closes. */
    public void onClose() {
    }

    /** Called when the dialog is cancelled. */
    public void onCancel() {
    }
}
