package org.knime.core.node.defaultnodesettings;

import javax.swing.JCheckBox;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A check box for a boolean setting; ticking it sets the model.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentBoolean.java
 * (own implementation).
 */
public final class DialogComponentBoolean extends DialogComponent {

    private final JCheckBox m_checkbox;

    /** @param booleanModel model @param label checkbox text */
    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_checkbox = new JCheckBox(label);
        m_checkbox.setSelected(booleanModel.getBooleanValue());
        m_checkbox.addItemListener(e -> booleanModel.setBooleanValue(m_checkbox.isSelected()));
        getComponentPanel().add(m_checkbox);
        followModel();
        updateComponent();
    }

    /** @return whether the box is ticked */
    public boolean isSelected() {
        return m_checkbox.isSelected();
    }

    @Override
    protected void updateComponent() {
        final boolean v = ((SettingsModelBoolean)getModel()).getBooleanValue();
        if (m_checkbox.isSelected() != v) {
            m_checkbox.setSelected(v);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelBoolean)getModel()).setBooleanValue(m_checkbox.isSelected());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_checkbox.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_checkbox.setToolTipText(text);
    }
}
