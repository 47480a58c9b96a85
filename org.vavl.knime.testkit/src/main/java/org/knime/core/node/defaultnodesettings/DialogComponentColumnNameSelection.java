package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A combo box choosing a column of the input table whose type is compatible with one of the value classes.
 * Without a compatible column the dialog cannot be opened (NotConfigurableException), as in KNIME.
 * <p>
 * Mirrors knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentColumnNameSelection.java
 * (test-kit subset).
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final JLabel m_label;

    private final int m_specIndex;

    private final boolean m_isRequired;

    private final Class<? extends DataValue>[] m_classFilter;

    /** @param model model @param label label @param specIndex input port @param classFilter accepted value types */
    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    /**
     * @param model model @param label label @param specIndex input port @param isRequired a column must exist
     * @param classFilter accepted value types
     */
    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        super(model);
        m_label = new JLabel(label);
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_classFilter = classFilter.clone();
        getComponentPanel().add(m_label);
    }

    private List<String> compatible(final PortObjectSpec spec) {
        List<String> names = new ArrayList<>();
        if (spec instanceof DataTableSpec) {
            for (DataColumnSpec c : (DataTableSpec)spec) {
                for (Class<? extends DataValue> v : m_classFilter) {
                    if (c.getType().isCompatible(v)) {
                        names.add(c.getName());
                        break;
                    }
                }
                if (m_classFilter.length == 0) {
                    names.add(c.getName());
                }
            }
        }
        return names;
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || m_specIndex >= specs.length || specs[m_specIndex] == null) {
            if (m_isRequired) {
                throw new NotConfigurableException("Need configured connection at input port " + m_specIndex + ".");
            }
            return;
        }
        if (m_isRequired && compatible(specs[m_specIndex]).isEmpty()) {
            throw new NotConfigurableException("No column in spec compatible to the required types.");
        }
    }

    @Override
    protected void updateComponent() {
        SettingsModelString m = (SettingsModelString)getModel();
        List<String> names = compatible(getLastTableSpec(m_specIndex));
        if (!names.isEmpty() && (m.getStringValue() == null || !names.contains(m.getStringValue()))) {
            m.setStringValue(names.get(0)); // the combo box shows the first compatible column
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        SettingsModelString m = (SettingsModelString)getModel();
        if (m_isRequired && m.getStringValue() == null) {
            throw new InvalidSettingsException("Please select an item from the list.");
        }
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
