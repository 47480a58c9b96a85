package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A dialog made of {@link DialogComponent}s, laid out as KNIME lays them out: a tab ("Options" until
 * {@link #setDefaultTabTitle(String)} renames it; {@link #createNewTab(String)} starts another) is a panel stacking
 * its content top to bottom; {@link #createNewGroup(String)} starts a group, a panel with an etched titled border;
 * components are stacked in a vertical box (side by side after {@code setHorizontalPlacement(true)}).
 * <p>
 * Mirrors knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DefaultNodeSettingsPane.java (own
 * implementation).
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private static final String TAB_TITLE = "Options";

    private final List<DialogComponent> m_components = new ArrayList<>();

    private String m_defaultTitle = TAB_TITLE;

    /** The tab's panel. */
    private JPanel m_composite;

    /** The group (or the tab's panel outside groups). */
    private JPanel m_current;

    /** The box receiving components. */
    private Box m_box;

    private boolean m_horizontal;

    /** An empty dialog with one tab "Options". */
    public DefaultNodeSettingsPane() {
        newPanels();
        addTab(m_defaultTitle, m_composite);
    }

    private void newPanels() {
        m_composite = new JPanel();
        m_composite.setLayout(new BoxLayout(m_composite, BoxLayout.Y_AXIS));
        m_current = m_composite;
        m_box = box(m_horizontal);
        m_current.add(m_box);
    }

    private static Box box(final boolean horizontal) {
        final Box b = new Box(horizontal ? BoxLayout.X_AXIS : BoxLayout.Y_AXIS);
        b.add(horizontal ? Box.createVerticalGlue() : Box.createHorizontalGlue());
        return b;
    }

    private void dropEmptyBox() {
        if (m_box.getComponentCount() <= 1) { // the glue only
            m_current.remove(m_box);
        }
    }

    /** Adds a component to the current tab / group. */
    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        m_box.add(diaC.getComponentPanel());
        m_box.add(m_horizontal ? Box.createVerticalGlue() : Box.createHorizontalGlue());
    }

    /** Starts a titled group (closing the current one). */
    public void createNewGroup(final String title) {
        dropEmptyBox();
        final JPanel g = new JPanel();
        g.setLayout(new BoxLayout(g, BoxLayout.Y_AXIS));
        g.setBorder(BorderFactory.createTitledBorder(BorderFactory.createEtchedBorder(), title));
        m_composite.add(g);
        m_current = g;
        m_box = box(m_horizontal);
        m_current.add(m_box);
    }

    /** Closes the current group. */
    public void closeCurrentGroup() {
        dropEmptyBox();
        if (m_current != m_composite && m_current.getComponentCount() == 0) {
            m_composite.remove(m_current);
        }
        m_current = m_composite;
        m_box = box(m_horizontal);
        m_current.add(m_box);
    }

    /** Starts a new tab at the index. */
    public void createNewTabAt(final String tabTitle, final int index) {
        if (tabTitle == null || tabTitle.isEmpty()) {
            throw new IllegalArgumentException("The title of a tab can't be null nor empty.");
        }
        if (getTab(tabTitle) != null) {
            throw new IllegalArgumentException("A tab with the specified new name (" + tabTitle
                + ") already exists.");
        }
        newPanels();
        addTabAt(index, tabTitle, m_composite);
    }

    /** Starts a new tab (the last one). */
    public void createNewTab(final String tabTitle) {
        createNewTabAt(tabTitle, Integer.MAX_VALUE);
    }

    /** Brings the tab to front. */
    public void selectTab(final String tabTitle) {
        setSelected(tabTitle);
    }

    /** Renames the first tab. */
    public void setDefaultTabTitle(final String tabTitle) {
        if (tabTitle == null || tabTitle.isEmpty()) {
            throw new IllegalArgumentException("The title of a tab can't be null or empty.");
        }
        if (tabTitle.equals(m_defaultTitle)) {
            return;
        }
        if (getTab(tabTitle) != null) {
            throw new IllegalArgumentException("A tab with the specified new name (" + tabTitle
                + ") already exists.");
        }
        renameTab(m_defaultTitle, tabTitle);
        m_defaultTitle = tabTitle;
    }

    /** Lays out following components side by side ({@code true}) or below each other. */
    public void setHorizontalPlacement(final boolean horizontal) {
        if (m_horizontal != horizontal) {
            m_horizontal = horizontal;
            dropEmptyBox();
            m_box = box(m_horizontal);
            m_current.add(m_box);
        }
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    /**
     * Loads settings not handled by components; called after the components loaded theirs. By default calls the
     * table-spec variant when every input is a table (a missing spec as an empty table spec).
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] t = new DataTableSpec[specs == null ? 0 : specs.length];
        for (int i = 0; i < t.length; i++) {
            if (specs[i] == null) {
                t[i] = new DataTableSpec();
            } else if (specs[i] instanceof DataTableSpec) {
                t[i] = (DataTableSpec)specs[i];
            } else {
                return;
            }
        }
        loadAdditionalSettingsFrom(settings, t);
    }

    /** Loads settings not handled by components, when every input is a table. */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
    }

    /** Saves settings not handled by components. */
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
    }
}
