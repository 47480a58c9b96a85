package org.vavl.knime.nodes.videoreader;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.vavl.core.media.ClipListing;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.SettingModels;

/**
 * The Video Reader's dialog: tabs Options and Execution. The node lists a folder when no table is connected and
 * reads a path column when one is: the dialog enables the folder settings or the path column accordingly.
 */
final class VideoReaderNodeDialog extends DefaultNodeSettingsPane {

    private final SettingsModelString m_folder = VideoReaderSettings.folder();

    private final SettingsModelBoolean m_recursive = SettingModels.flag(ClipListing.RECURSIVE);

    private final SettingsModelString m_pattern = SettingModels.string(ClipListing.PATTERNS);

    private final SettingsModelString m_pathColumn = VideoReaderSettings.pathColumn();

    @SuppressWarnings("unchecked")
    VideoReaderNodeDialog() {
        createNewGroup("Clips from a folder (when no table is connected)");
        final DialogComponentFileChooser folder = new DialogComponentFileChooser(m_folder,
            "vavl.videoreader.folder", JFileChooser.OPEN_DIALOG, true);
        folder.setBorderTitle("Folder with the videos");
        addDialogComponent(folder);
        addDialogComponent(SettingModels.component(ClipListing.RECURSIVE, m_recursive));
        addDialogComponent(new DialogComponentString(m_pattern, ClipListing.PATTERNS.label(), true, 30));
        closeCurrentGroup();
        createNewGroup("Clips from a table (when a table is connected)");
        addDialogComponent(new DialogComponentColumnNameSelection(m_pathColumn, "Path column", 0,
            false, true, StringValue.class));
        closeCurrentGroup();
        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(CommonSettings.threads(),
            "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(CommonSettings.onError(), "On error", false,
            new String[] {"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));
    }

    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final boolean table = specs != null && specs.length > 0 && specs[0] != null;
        for (SettingsModel m : new SettingsModel[] {m_folder, m_recursive, m_pattern}) {
            m.setEnabled(!table);
        }
        m_pathColumn.setEnabled(table);
    }
}
