package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A dialog made of {@link DialogComponent}s, laid out top to bottom in tabs and groups.
 * <p>
 * Mirrors knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DefaultNodeSettingsPane.java (own
 * implementation).
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private final List<DialogComponent> m_components = new ArrayList<>();

    private JPanel m_current;

    private String m_defaultTitle = "Options";

    private final JPanel m_default;

    /** An empty dialog with one tab "Options". */
    public DefaultNodeSettingsPane() {
        m_default = column();
        m_current = m_default;
        addTab(m_defaultTitle, m_default);
    }

    private static JPanel column() {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        return p;
    }

    /** Adds a component to the current tab / group. */
    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        m_current.add(diaC.getComponentPanel());
    }

    /** Starts a titled group. */
    public void createNewGroup(final String title) {
        JPanel g = column();
        g.setBorder(javax.swing.BorderFactory.createTitledBorder(title));
        m_current.add(g);
        m_current = g;
    }

    /** Closes the current group. */
    public void closeCurrentGroup() {
        if (m_current.getParent() instanceof JPanel) {
            m_current = (JPanel)m_current.getParent();
        }
    }

    /** Starts a new tab. */
    public void createNewTab(final String tabTitle) {
        JPanel t = column();
        addTab(tabTitle, t);
        m_current = t;
    }

    /** Renames the first tab. */
    public void setDefaultTabTitle(final String tabTitle) {
        int i = getTabIndex(m_defaultTitle);
        if (i >= 0) {
            removeTab(m_defaultTitle);
        }
        m_defaultTitle = tabTitle;
        addTab(tabTitle, m_default);
    }

    /** Lays out following components side by side (ignored by the test kit). */
    public void setHorizontalPlacement(final boolean horizontal) {
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

    /** Loads settings not handled by components. */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
    }

    /** Saves settings not handled by components. */
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
    }
}
