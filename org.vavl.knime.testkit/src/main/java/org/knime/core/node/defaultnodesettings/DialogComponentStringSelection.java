package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A combo box choosing one of fixed strings.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentStringSelection.java (test-kit subset).
 */
public final class DialogComponentStringSelection extends DialogComponent {

    private final JLabel m_label;

    private final List<String> m_choices;

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
        getComponentPanel().add(m_label);
    }

    @Override
    protected void updateComponent() {
        m_label.setEnabled(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String v = ((SettingsModelString)getModel()).getStringValue();
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
    }

    @Override
    public void setToolTipText(final String text) {
        m_label.setToolTipText(text);
    }
}
