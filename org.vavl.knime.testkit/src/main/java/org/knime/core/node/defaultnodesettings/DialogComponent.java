package org.knime.core.node.defaultnodesettings;

import java.awt.Color;

import javax.swing.JPanel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A dialog element bound to a settings model: Swing widgets in a panel ({@link #getComponentPanel()}, a
 * {@code FlowLayout} as KNIME's) that show the model's value and enabled status, follow the model's changes (each
 * component prepends a change listener that calls {@link #updateComponent()}) and write what the user enters back
 * into the model.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponent.java (own
 * implementation, test-kit subset).
 */
public abstract class DialogComponent {

    /** Background of a component without error. */
    protected static final Color DEFAULT_BG = new JTextField().getBackground();

    /** Foreground of a component without error. */
    protected static final Color DEFAULT_FG = new JTextField().getForeground();

    private final SettingsModel m_model;

    private final JPanel m_panel = new JPanel();

    private PortObjectSpec[] m_lastSpecs;

    /** @param model the model this component edits */
    public DialogComponent(final SettingsModel model) {
        m_model = model;
    }

    /** Makes the component follow the model: called by the subclasses once their widgets exist. */
    final void followModel() {
        m_model.prependChangeListener(e -> updateComponent());
    }

    /** @return the panel */
    public JPanel getComponentPanel() {
        return m_panel;
    }

    /** @return the model */
    public final SettingsModel getModel() {
        return m_model;
    }

    /** Loads the model's value from the settings and updates the component. */
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs == null ? null : specs.clone();
        checkConfigurabilityBeforeLoad(specs);
        m_model.dialogLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    /** Validates and saves the model's value. */
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        validateSettingsBeforeSave();
        m_model.dialogSaveSettingsTo(settings);
    }

    /**
     * Enables or disables the model (and so the component).
     *
     * @deprecated as in KNIME: enable or disable the component's settings model instead
     */
    @Deprecated
    public final void setEnabled(final boolean enabled) {
        m_model.setEnabled(enabled);
        setEnabledComponents(enabled);
    }

    /** @return the spec at the input port from the last load, or null */
    protected final PortObjectSpec getLastTableSpec(final int portIdx) {
        return m_lastSpecs == null || portIdx >= m_lastSpecs.length ? null : m_lastSpecs[portIdx];
    }

    /** @return the specs from the last load */
    protected final PortObjectSpec[] getLastTableSpecs() {
        return m_lastSpecs;
    }

    /** Colours a text field as erroneous (red background). */
    protected void showError(final JTextField field) {
        if (m_model.isEnabled()) {
            field.setBackground(Color.RED);
        }
    }

    /** Removes the error colouring. */
    protected void clearError(final JTextField field) {
        field.setForeground(DEFAULT_FG);
        field.setBackground(DEFAULT_BG);
    }

    /** Shows the model's value. */
    protected abstract void updateComponent();

    /** Checks the value before save. */
    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    /** Checks the input before load. */
    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    /** Enables or disables the widgets. */
    protected abstract void setEnabledComponents(boolean enabled);

    /** Sets the tooltip. */
    public abstract void setToolTipText(String text);
}
