package org.knime.core.node.defaultnodesettings;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import javax.swing.JFormattedTextField;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A label and a spinner for a numeric setting (the bounds of a bounded model are the spinner's); a committed
 * spinner value goes into the model.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentNumber.java
 * (own implementation, test-kit subset).
 */
public class DialogComponentNumber extends DialogComponent {

    private final JLabel m_label;

    private final JSpinner m_spinner;

    /** @param numberModel model @param label label @param stepSize spinner step */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    /** @param numberModel model @param label label @param stepSize spinner step @param compWidth width */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        m_label = new JLabel(label);
        final SpinnerNumberModel sm;
        final String pattern;
        if (numberModel instanceof SettingsModelIntegerBounded) {
            final SettingsModelIntegerBounded m = (SettingsModelIntegerBounded)numberModel;
            sm = new SpinnerNumberModel(m.getIntValue(), m.getLowerBound(), m.getUpperBound(), stepSize.intValue());
            pattern = "0";
        } else if (numberModel instanceof SettingsModelInteger) {
            sm = new SpinnerNumberModel(((SettingsModelInteger)numberModel).getIntValue(), Integer.MIN_VALUE,
                Integer.MAX_VALUE, stepSize.intValue());
            pattern = "0";
        } else if (numberModel instanceof SettingsModelDoubleBounded) {
            final SettingsModelDoubleBounded m = (SettingsModelDoubleBounded)numberModel;
            sm = new SpinnerNumberModel(m.getDoubleValue(), m.getLowerBound(), m.getUpperBound(),
                stepSize.doubleValue());
            pattern = "0.0##########";
        } else if (numberModel instanceof SettingsModelDouble) {
            sm = new SpinnerNumberModel(((SettingsModelDouble)numberModel).getDoubleValue(), -Double.MAX_VALUE,
                Double.MAX_VALUE, stepSize.doubleValue());
            pattern = "0.0##########";
        } else if (numberModel instanceof SettingsModelLong) {
            sm = new SpinnerNumberModel(Long.valueOf(((SettingsModelLong)numberModel).getLongValue()),
                Long.valueOf(Long.MIN_VALUE), Long.valueOf(Long.MAX_VALUE), Long.valueOf(stepSize.longValue()));
            pattern = "0";
        } else {
            throw new IllegalArgumentException("Unsupported number model " + numberModel.getClass().getName());
        }
        m_spinner = new JSpinner(sm);
        final JSpinner.NumberEditor editor = new JSpinner.NumberEditor(m_spinner, pattern);
        ((DecimalFormat)editor.getFormat()).setDecimalFormatSymbols(DecimalFormatSymbols.getInstance(Locale.US));
        m_spinner.setEditor(editor);
        final JFormattedTextField tf = editor.getTextField();
        tf.setColumns(compWidth);
        tf.setFocusLostBehavior(JFormattedTextField.COMMIT_OR_REVERT);
        m_spinner.addChangeListener(e -> spun());
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_spinner);
        followModel();
        updateComponent();
    }

    private void spun() {
        final Number v = (Number)m_spinner.getValue();
        final SettingsModel m = getModel();
        try {
            if (m instanceof SettingsModelInteger) {
                ((SettingsModelInteger)m).setIntValue(v.intValue());
            } else if (m instanceof SettingsModelDouble) {
                ((SettingsModelDouble)m).setDoubleValue(v.doubleValue());
            } else {
                ((SettingsModelLong)m).setLongValue(v.longValue());
            }
        } catch (IllegalArgumentException e) {
            // out of the model's range: the model keeps its value, validation on save reports it
        }
    }

    /** @return the label */
    public JLabel getLabel() {
        return m_label;
    }

    /** @return the spinner */
    public JSpinner getSpinner() {
        return m_spinner;
    }

    private Number modelValue() {
        final SettingsModel m = getModel();
        if (m instanceof SettingsModelInteger) {
            return ((SettingsModelInteger)m).getIntValue();
        } else if (m instanceof SettingsModelDouble) {
            return ((SettingsModelDouble)m).getDoubleValue();
        }
        return ((SettingsModelLong)m).getLongValue();
    }

    @Override
    protected void updateComponent() {
        final Number v = modelValue();
        if (!v.equals(m_spinner.getValue())) {
            m_spinner.setValue(v);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            m_spinner.commitEdit();
        } catch (java.text.ParseException e) {
            throw new InvalidSettingsException("Please enter a valid number for \"" + m_label.getText() + "\".");
        }
        spun();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_label.setEnabled(enabled);
        m_spinner.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_label.setToolTipText(text);
        m_spinner.setToolTipText(text);
    }
}
