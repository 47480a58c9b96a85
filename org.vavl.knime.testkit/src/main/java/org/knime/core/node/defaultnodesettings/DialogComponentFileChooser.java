package org.knime.core.node.defaultnodesettings;


import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A file or folder chooser for a string setting.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentFileChooser.java (test-kit subset).
 */
public class DialogComponentFileChooser extends DialogComponent {

    private final JLabel m_label;

    /** @param stringModel model @param historyID history key @param validExtensions file extensions */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final String... validExtensions) {
        this(stringModel, historyID, javax.swing.JFileChooser.OPEN_DIALOG, false, validExtensions);
    }

    /** @param stringModel model @param historyID history key @param dialogType open/save
     * @param directoryOnly select folders */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        this(stringModel, historyID, dialogType, directoryOnly, new String[0]);
    }

    /** @param stringModel model @param historyID history key @param dialogType open/save
     * @param validExtensions file extensions */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final String... validExtensions) {
        this(stringModel, historyID, dialogType, false, validExtensions);
    }

    /** @param stringModel model @param historyID history key @param dialogType open/save
     * @param directoryOnly select folders @param validExtensions file extensions */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
        m_label = new JLabel(historyID);
        getComponentPanel().add(m_label);
    }

    @Override
    protected void updateComponent() {
        m_label.setEnabled(getModel().isEnabled());
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
