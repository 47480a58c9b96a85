package org.vavl.knime.nodes.videoreader;

import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The Video Reader's own settings (keys and defaults shared by the node model and its dialog); the listing's
 * settings ({@link org.vavl.core.media.ClipListing#RECURSIVE}, {@link org.vavl.core.media.ClipListing#PATTERNS})
 * come from the engine, threads and on error are the {@link org.vavl.knime.nodes.common.CommonSettings}.
 */
final class VideoReaderSettings {

    static final String FOLDER = "folder";

    static final String PATH_COLUMN = "path column";

    private VideoReaderSettings() {
    }

    /** The clip folder (absolute, or relative to the workflow folder); used when no table is connected. */
    static SettingsModelString folder() {
        return new SettingsModelString(FOLDER, "");
    }

    /** The column with the clip paths when a table is connected; empty: the column "Path", else the first string column. */
    static SettingsModelString pathColumn() {
        return new SettingsModelString(PATH_COLUMN, "");
    }
}
