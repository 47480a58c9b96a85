package org.vavl.knime.nodes.videoreader;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.vavl.knime.nodes.common.CommonSettings;

/** The Video Reader's dialog. */
final class VideoReaderNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    VideoReaderNodeDialog() {
        createNewGroup("Clips from a folder (when no table is connected)");
        addDialogComponent(new DialogComponentFileChooser(VideoReaderSettings.folder(), "vavl.videoreader.folder",
            JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(new DialogComponentBoolean(VideoReaderSettings.recursive(), "Include sub-folders"));
        addDialogComponent(new DialogComponentString(VideoReaderSettings.pattern(),
            "File pattern (comma separated, case-insensitive)", true, 30));
        closeCurrentGroup();
        createNewGroup("Clips from a table (when a table is connected)");
        addDialogComponent(new DialogComponentColumnNameSelection(VideoReaderSettings.pathColumn(), "Path column", 0,
            false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(VideoReaderSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(VideoReaderSettings.onError(), "On error", false,
            new String[] {"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));
        closeCurrentGroup();
    }
}
