package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.ButtonGroup;
import javax.swing.JPanel;
import javax.swing.JRadioButton;

import org.knime.core.node.port.PortObjectSpec;

/**
 * Radio buttons choosing one of fixed strings, in a panel with a titled border (the label); the selected button's
 * action command is the model's value.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentButtonGroup.java
 * (own implementation, test-kit subset).
 */
public class DialogComponentButtonGroup extends DialogComponent {

    private final List<String> m_actionCommands;

    private final List<JRadioButton> m_buttons = new ArrayList<>();

    private final ButtonGroup m_group = new ButtonGroup();

    private final JPanel m_box;

    /** @param stringModel model @param label border label @param vertical layout
     * @param elements button texts @param actionCommands the values stored (one per button) */
    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final String[] elements, final String[] actionCommands) {
        super(stringModel);
        if (elements.length != actionCommands.length) {
            throw new IllegalArgumentException("Elements and action commands must have the same length");
        }
        m_actionCommands = Arrays.asList(actionCommands.clone());
        m_box = new JPanel() {
            @Override
            public java.awt.Dimension getPreferredSize() {
                // wide enough for the border's title
                final java.awt.Dimension d = super.getPreferredSize();
                if (getBorder() instanceof javax.swing.border.TitledBorder) {
                    d.width = Math.max(d.width,
                        ((javax.swing.border.TitledBorder)getBorder()).getMinimumSize(this).width);
                }
                return d;
            }
        };
        m_box.setLayout(new BoxLayout(m_box, vertical ? BoxLayout.Y_AXIS : BoxLayout.X_AXIS));
        if (label != null) {
            m_box.setBorder(BorderFactory.createTitledBorder(BorderFactory.createEtchedBorder(), label));
        }
        for (int i = 0; i < elements.length; i++) {
            final JRadioButton b = new JRadioButton(elements[i]);
            b.setActionCommand(actionCommands[i]);
            b.addItemListener(e -> {
                if (b.isSelected()) {
                    stringModel.setStringValue(b.getActionCommand());
                }
            });
            m_group.add(b);
            m_buttons.add(b);
            m_box.add(b);
        }
        getComponentPanel().add(m_box);
        followModel();
        updateComponent();
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

    /** @return the button storing the action command, or null */
    public AbstractButton getButton(final String actionCommand) {
        for (JRadioButton b : m_buttons) {
            if (b.getActionCommand().equals(actionCommand)) {
                return b;
            }
        }
        return null;
    }

    @Override
    protected void updateComponent() {
        final String v = ((SettingsModelString)getModel()).getStringValue();
        for (JRadioButton b : m_buttons) {
            if (Objects.equals(b.getActionCommand(), v) && !b.isSelected()) {
                b.setSelected(true);
            }
        }
        setEnabledComponents(getModel().isEnabled());
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
        m_box.setEnabled(enabled);
        for (JRadioButton b : m_buttons) {
            b.setEnabled(enabled);
        }
    }

    @Override
    public void setToolTipText(final String text) {
        for (JRadioButton b : m_buttons) {
            b.setToolTipText(text);
        }
    }
}
