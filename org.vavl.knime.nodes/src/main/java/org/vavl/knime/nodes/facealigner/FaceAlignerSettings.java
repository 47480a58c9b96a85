package org.vavl.knime.nodes.facealigner;

import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.knime.nodes.common.CommonSettings;

/**
 * The Face Aligner's own settings; the engine's ({@link org.vavl.core.face.FaceAlignerSettings}: detector, alignment,
 * crop, tracking, policies, format, PNG folder) come with their keys, defaults and bounds from the engine
 * ({@link AlignmentSettings}).
 */
final class FaceAlignerSettings {

    /** Default of the output folder. */
    static final String DEFAULT_OUTPUT_FOLDER = "knime://knime.workflow/vavl-data/face-tracks";

    static final String PATH_COLUMN = "path column";

    /** Added in 1.1 (issue 18): how the face is levelled and placed. */
    static final String ALIGNMENT = org.vavl.core.face.FaceAlignerSettings.ALIGNMENT.key();

    static final String PNG_FOLDER = org.vavl.core.face.FaceAlignerSettings.PNG_FOLDER.key();

    static final String LOW_RATIO = "low face ratio";

    private FaceAlignerSettings() {
    }

    /** The column with the video paths; default {@code Path} (the Video Reader's). */
    static SettingsModelString pathColumn() {
        return CommonSettings.pathColumn();
    }

    /** The column with the clip ids (names the face tracks); default {@code Clip}; without it the file name. */
    static SettingsModelString clipColumn() {
        return CommonSettings.clipIdColumn();
    }

    /** Where the face tracks go, absolute or relative to the workflow folder. */
    static SettingsModelString outputFolder() {
        return CommonSettings.outputFolder(DEFAULT_OUTPUT_FOLDER);
    }

    /** Clips whose face ratio is below this are counted in a warning. */
    static SettingsModelDoubleBounded lowRatio() {
        return new SettingsModelDoubleBounded(LOW_RATIO, 0.5, 0, 1);
    }

    static SettingsModelIntegerBounded threads() {
        return CommonSettings.threads();
    }

    static SettingsModelString onError() {
        return CommonSettings.onError();
    }

    static SettingsModelString overwrite() {
        return CommonSettings.overwrite();
    }
}
