package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A label (no setting).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentLabel.java
 * (own implementation).
 */
public class DialogComponentLabel extends DialogComponent {

    private final JLabel m_label;

    /** @param label the text shown */
    public DialogComponentLabel(final String label) {
        super(new SettingsModelBoolean("label_only", false) {
        });
        m_label = new JLabel(label);
        getComponentPanel().add(m_label);
    }

    /** @param text the new text */
    public void setText(final String text) {
        m_label.setText(text);
    }

    @Override
    protected void updateComponent() {
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_label.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_label.setToolTipText(text);
    }
}
