package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A label and a combo box choosing one of fixed strings; the selection is the model's value.
 * <p>
 * Mirrors knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentStringSelection.java (own
 * implementation, test-kit subset).
 */
public final class DialogComponentStringSelection extends DialogComponent {

    private final JLabel m_label;

    private final JComboBox<String> m_combo;

    private final List<String> m_choices;

    private boolean m_updating;

    /** @param stringModel model @param label label @param list the choices */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list));
    }

    /** @param stringModel model @param label label @param list the choices */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        this(stringModel, label, list, false);
    }

    /** @param stringModel model @param label label @param list the choices @param editable free text allowed */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list can't be empty");
        }
        m_label = new JLabel(label);
        m_choices = editable ? null : new ArrayList<>(list);
        m_combo = new JComboBox<>(list.toArray(new String[0]));
        m_combo.setEditable(editable);
        m_combo.addItemListener(e -> {
            if (!m_updating && m_combo.getSelectedItem() != null) {
                stringModel.setStringValue(m_combo.getSelectedItem().toString());
            }
        });
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_combo);
        followModel();
        updateComponent();
    }

    /** Replaces the choices and selects {@code select} (or keeps the selection when null). */
    public void replaceListItems(final Collection<String> newItems, final String select) {
        if (newItems == null || newItems.isEmpty()) {
            throw new IllegalArgumentException("The container with the new items can't be null or empty.");
        }
        final String sel = select != null ? select : ((SettingsModelString)getModel()).getStringValue();
        m_updating = true;
        try {
            m_combo.removeAllItems();
            newItems.forEach(m_combo::addItem);
            if (m_choices != null) {
                m_choices.clear();
                m_choices.addAll(newItems);
            }
        } finally {
            m_updating = false;
        }
        ((SettingsModelString)getModel()).setStringValue(sel);
        updateComponent();
    }

    /** @param width width of the combo box in pixels @param height its height */
    public void setSizeComponents(final int width, final int height) {
        m_combo.setPreferredSize(new java.awt.Dimension(width, height));
    }

    @Override
    protected void updateComponent() {
        final String v = ((SettingsModelString)getModel()).getStringValue();
        if (!Objects.equals(v, m_combo.getSelectedItem())) {
            m_updating = true;
            try {
                m_combo.setSelectedItem(v);
            } finally {
                m_updating = false;
            }
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        final String v = ((SettingsModelString)getModel()).getStringValue();
        if (m_choices != null && !m_choices.contains(v)) {
            throw new InvalidSettingsException("\"" + v + "\" is not one of " + m_choices);
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
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
