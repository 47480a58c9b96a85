package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.List;

import javax.swing.JLabel;

import org.knime.core.node.port.PortObjectSpec;

/**
 * Radio buttons choosing one of fixed strings.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentButtonGroup.java (test-kit subset).
 */
public class DialogComponentButtonGroup extends DialogComponent {

    private final JLabel m_label;

    private final List<String> m_actionCommands;

    /** @param stringModel model @param label border label @param vertical layout
     * @param elements button texts @param actionCommands the values stored (one per button) */
    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final String[] elements, final String[] actionCommands) {
        super(stringModel);
        if (elements.length != actionCommands.length) {
            throw new IllegalArgumentException("Elements and action commands must have the same length");
        }
        m_label = new JLabel(label);
        m_actionCommands = Arrays.asList(actionCommands.clone());
        getComponentPanel().add(m_label);
    }

    /** @param stringModel model @param vertical layout @param label border label @param elements the values
     * (also the button texts) */
    public DialogComponentButtonGroup(final SettingsModelString stringModel, final boolean vertical,
        final String label, final String... elements) {
        this(stringModel, label, vertical, elements, elements);
    }

    /** @return the action commands (the values the buttons store) */
    List<String> actionCommands() {
        return m_actionCommands;
    }

    @Override
    protected void updateComponent() {
        m_label.setEnabled(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() {
        // as in KNIME: the selected button is always one of the action commands
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
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
