package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A label and a text field for a string setting; what is typed goes into the model.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentString.java
 * (own implementation, test-kit subset).
 */
public final class DialogComponentString extends DialogComponent {

    private final JLabel m_label;

    private final JTextField m_field;

    private final boolean m_disallowEmpty;

    /** @param stringModel model @param label label */
    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 15);
    }

    /** @param stringModel model @param label label @param disallowEmptyString reject empty values on save
     * @param compWidth width in columns */
    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        super(stringModel);
        m_label = new JLabel(label);
        m_field = new JTextField(compWidth);
        m_disallowEmpty = disallowEmptyString;
        m_field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(final DocumentEvent e) {
                typed();
            }

            @Override
            public void removeUpdate(final DocumentEvent e) {
                typed();
            }

            @Override
            public void changedUpdate(final DocumentEvent e) {
                typed();
            }
        });
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_field);
        followModel();
        updateComponent();
    }

    private void typed() {
        clearError(m_field);
        ((SettingsModelString)getModel()).setStringValue(m_field.getText());
    }

    /** @param width columns of the text field @param height ignored (one line) */
    public void setSizeComponents(final int width, final int height) {
        m_field.setColumns(width);
    }

    @Override
    protected void updateComponent() {
        final String v = ((SettingsModelString)getModel()).getStringValue();
        final String shown = v == null ? "" : v;
        if (!shown.equals(m_field.getText())) {
            m_field.setText(shown);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        final String v = m_field.getText();
        if (m_disallowEmpty && (v == null || v.trim().isEmpty())) {
            showError(m_field);
            throw new InvalidSettingsException("Please enter a string value.");
        }
        ((SettingsModelString)getModel()).setStringValue(v);
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_label.setEnabled(enabled);
        m_field.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_label.setToolTipText(text);
        m_field.setToolTipText(text);
    }
}
