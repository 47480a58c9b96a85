package org.vavl.knime.nodes.videoreader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.RowKey;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.media.ClipListing;
import org.vavl.core.media.VideoProbe;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.PerClipNodeModel.Clip;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * The Video Reader's folder of clips (used when no table is connected): its settings (folder, sub-folders, file
 * pattern) in the order they are saved, and its clips as listed by {@link ClipListing}.
 */
final class ClipFolder {

    private final SettingsModelString m_folder = VideoReaderSettings.folder();

    private final SettingsModelBoolean m_recursive = SettingModels.flag(ClipListing.RECURSIVE);

    private final SettingsModelString m_pattern = SettingModels.string(ClipListing.PATTERNS);

    /** @return the models, in the order they are saved */
    List<SettingsModel> models() {
        return List.of(m_folder, m_recursive, m_pattern);
    }

    /** Checks the folder and the file pattern. */
    void check() throws InvalidSettingsException {
        folder();
        CommonSettings.parse(m_pattern, ClipListing::compile);
    }

    /** Checks the file pattern among saved settings. */
    static void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        final SettingsModelString pattern = SettingModels.string(ClipListing.PATTERNS);
        pattern.loadSettingsFrom(settings);
        CommonSettings.parse(pattern, ClipListing::compile);
    }

    private Path folder() throws InvalidSettingsException {
        final Path folder = WorkflowPaths.resolveFolder(m_folder.getStringValue(), VideoReaderSettings.FOLDER);
        if (!folder.toFile().isDirectory()) {
            throw new InvalidSettingsException("The clip folder " + folder + (folder.toFile().exists()
                ? " is a file, not a folder (setting '" + VideoReaderSettings.FOLDER + "')."
                : " does not exist: choose an existing folder of videos (setting '" + VideoReaderSettings.FOLDER
                    + "')."));
        }
        return folder;
    }

    /** @return the folder's clips, one per matching file (rows {@code Row0}, {@code Row1}, ...), named by file */
    List<Clip> clips() throws InvalidSettingsException, IOException {
        final List<Path> files = ClipListing.list(folder(), SettingModels.value(ClipListing.RECURSIVE, m_recursive),
            SettingModels.value(ClipListing.PATTERNS, m_pattern));
        final List<Clip> clips = new ArrayList<>(files.size());
        for (Path p : files) {
            clips.add(new Clip(RowKey.createRowKey((long)clips.size()), null, VideoProbe.clipId(p), p, null));
        }
        return clips;
    }
}
