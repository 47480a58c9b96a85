package org.vavl.knime.nodes.port;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/**
 * The dialog components of a {@link FeatureSource}, for the AuxFormer nodes' dialogs: the path columns are enabled
 * in columns mode, the folders in folders mode.
 */
public final class FeatureSourceDialog {

    private FeatureSourceDialog() {
    }

    /** Adds the feature source components to a dialog; {@code port} is the table's input port. */
    @SuppressWarnings("unchecked")
    public static void add(final DefaultNodeSettingsPane pane, final FeatureSource.Settings s, final int port) {
        pane.addDialogComponent(new DialogComponentButtonGroup(s.m_mode, "Read feature sequences from", false,
            new String[] {"Path columns", "Folders of <clip>.npy"}, new String[] {FeatureSource.COLUMNS,
                FeatureSource.FOLDERS}));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.m_audioColumn, "Audio features column", port, false,
            StringValue.class));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.m_visualColumn, "Visual features column", port,
            false, StringValue.class));
        final DialogComponentFileChooser audio = new DialogComponentFileChooser(s.m_audioFolder,
            "vavl-audio-features", JFileChooser.OPEN_DIALOG, true);
        audio.setBorderTitle("Audio features folder (folders mode)");
        pane.addDialogComponent(audio);
        final DialogComponentFileChooser visual = new DialogComponentFileChooser(s.m_visualFolder,
            "vavl-visual-features", JFileChooser.OPEN_DIALOG, true);
        visual.setBorderTitle("Visual features folder (folders mode)");
        pane.addDialogComponent(visual);
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.m_clipColumn, "Clip id column", port, false,
            StringValue.class));
        s.m_mode.addChangeListener(e -> updateEnabled(s));
        updateEnabled(s);
    }

    /** Enables the path columns in columns mode and the folders in folders mode. */
    public static void updateEnabled(final FeatureSource.Settings s) {
        final boolean folders = FeatureSource.FOLDERS.equals(s.m_mode.getStringValue());
        s.m_audioColumn.setEnabled(!folders);
        s.m_visualColumn.setEnabled(!folders);
        s.m_audioFolder.setEnabled(folders);
        s.m_visualFolder.setEnabled(folders);
    }
}
