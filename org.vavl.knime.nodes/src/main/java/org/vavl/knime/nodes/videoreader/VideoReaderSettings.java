package org.vavl.knime.nodes.videoreader;

import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.media.ClipListing;
import org.vavl.knime.nodes.common.CommonSettings;

/** The Video Reader's settings: keys and defaults shared by the node model and its dialog. */
final class VideoReaderSettings {

    static final String FOLDER = "folder";

    static final String RECURSIVE = "include sub-folders";

    static final String PATTERN = "file pattern";

    static final String PATH_COLUMN = "path column";

    private VideoReaderSettings() {
    }

    /** The clip folder (absolute, or relative to the workflow folder); used when no table is connected. */
    static SettingsModelString folder() {
        return new SettingsModelString(FOLDER, "");
    }

    /** Whether sub-folders are listed too; default off. */
    static SettingsModelBoolean recursive() {
        return new SettingsModelBoolean(RECURSIVE, false);
    }

    /** File name patterns, comma separated, case-insensitive. */
    static SettingsModelString pattern() {
        return new SettingsModelString(PATTERN, ClipListing.DEFAULT_PATTERNS);
    }

    /** The column with the clip paths when a table is connected; empty: the column "Path", else the first string column. */
    static SettingsModelString pathColumn() {
        return new SettingsModelString(PATH_COLUMN, "");
    }

    static SettingsModelIntegerBounded threads() {
        return CommonSettings.threads();
    }

    static SettingsModelString onError() {
        return CommonSettings.onError();
    }
}
