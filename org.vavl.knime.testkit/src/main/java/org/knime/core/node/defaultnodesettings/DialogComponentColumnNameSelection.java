package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A combo box choosing a column of the input table whose type is compatible with one of the value classes, behaving
 * as KNIME 5.3's (through its {@code ColumnSelectionPanel}): the compatible columns in table order, preceded by
 * {@code <none>} when the component was made with {@code addNoneCol}; the saved column is selected when it is
 * there, otherwise {@code <none>} when offered, otherwise the <b>last</b> compatible column; what the dialog saves
 * is the selection ({@code null} for {@code <none>} or an empty list). A required component cannot be opened
 * without an input spec holding a compatible column (NotConfigurableException); an optional one with no spec
 * shows an empty list.
 * <p>
 * Mirrors knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentColumnNameSelection.java and
 * org.knime.core/src/eclipse/org/knime/core/node/util/ColumnSelectionPanel.java (test-kit subset).
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final JLabel m_label;

    private final int m_specIndex;

    private final boolean m_isRequired;

    private final boolean m_addNoneCol;

    private final Class<? extends DataValue>[] m_classFilter;

    /** What the combo box shows: the compatible columns (after {@code <none>}, if offered). */
    private List<String> m_items = List.of();

    /** The selected column; null for {@code <none>} or an empty combo box. */
    private String m_selected;

    /** Shown for "no column" when the component offers it. */
    private static final String NONE = "<none>";

    private final JComboBox<String> m_combo = new JComboBox<>();

    private boolean m_updating;

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
        this(model, label, specIndex, isRequired, false, classFilter);
    }

    /**
     * @param model model @param label label @param specIndex input port @param isRequired a column must exist
     * @param addNoneCol offer {@code <none>} (saved as {@code null}) before the columns
     * @param classFilter accepted value types
     */
    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol,
        final Class<? extends DataValue>... classFilter) {
        super(model);
        m_label = new JLabel(label);
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_addNoneCol = addNoneCol;
        m_classFilter = classFilter.clone();
        m_combo.setPrototypeDisplayValue("A column name of usual length");
        m_combo.addItemListener(e -> {
            if (!m_updating && m_combo.getSelectedItem() != null) {
                final String v = m_combo.getSelectedItem().toString();
                m_selected = m_addNoneCol && m_combo.getSelectedIndex() == 0 ? null : v;
                m_updating = true;
                try {
                    model.setStringValue(m_selected);
                } finally {
                    m_updating = false;
                }
            }
        });
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_combo);
        followModel();
    }

    /** @return the selected column, null for {@code <none>} or nothing to choose */
    public final String getSelected() {
        return m_selected;
    }

    private void showItems() {
        m_updating = true;
        try {
            m_combo.removeAllItems();
            if (m_addNoneCol) {
                m_combo.addItem(NONE);
            }
            m_items.forEach(m_combo::addItem);
            if (m_selected == null) {
                m_combo.setSelectedIndex(m_addNoneCol ? 0 : -1);
            } else {
                m_combo.setSelectedIndex(m_items.indexOf(m_selected) + (m_addNoneCol ? 1 : 0));
            }
        } finally {
            m_updating = false;
        }
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
        if (specs == null || m_specIndex >= specs.length) {
            throw new NotConfigurableException(
                "Need input table spec to configure dialog. Configure or execute predecessor nodes.");
        }
        if (!m_isRequired) {
            return;
        }
        if (specs[m_specIndex] == null) {
            throw new NotConfigurableException(
                "Need input table spec to configure dialog. Configure or execute predecessor nodes.");
        }
        if (compatible(specs[m_specIndex]).isEmpty()) {
            throw new NotConfigurableException("No column in spec compatible to the required types.");
        }
    }

    @Override
    protected void updateComponent() {
        final SettingsModelString m = (SettingsModelString)getModel();
        final PortObjectSpec spec = getLastTableSpec(m_specIndex);
        // the list is known once the dialog was loaded; a change the combo box made itself is shown already
        if (!m_updating && getLastTableSpecs() != null && (spec != null || !m_isRequired)) {
            m_items = compatible(spec);
            final String saved = m.getStringValue();
            if (saved != null && m_items.contains(saved)) {
                m_selected = saved;
            } else if (m_addNoneCol) {
                m_selected = null;
            } else {
                m_selected = m_items.isEmpty() ? null : m_items.get(m_items.size() - 1);
            }
            showItems();
            // the combo box's selection is the model's value (KNIME updates the model on selection)
            if (!java.util.Objects.equals(saved, m_selected)) {
                m.setStringValue(m_selected);
            }
        }
        setEnabledComponents(m.isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // as KNIME: the model gets the combo box's selection, null for <none> or nothing to choose
        ((SettingsModelString)getModel()).setStringValue(m_selected);
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_label.setEnabled(enabled);
        m_combo.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_label.setToolTipText(text);
        m_combo.setToolTipText(text);
    }
}
