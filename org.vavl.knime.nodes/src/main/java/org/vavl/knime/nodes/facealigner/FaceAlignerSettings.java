package org.vavl.knime.nodes.facealigner;

import java.util.Arrays;
import java.util.List;

import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.face.FaceAlignment;
import org.vavl.core.face.FaceDetectorKind;
import org.vavl.core.face.FaceTrackFormat;
import org.vavl.core.face.MainFacePolicy;
import org.vavl.core.face.MissingFacePolicy;
import org.vavl.knime.nodes.common.CommonSettings;

/** The Face Aligner's settings: keys and defaults shared by the node model and its dialog. */
final class FaceAlignerSettings {

    /** Default of the output folder. */
    static final String DEFAULT_OUTPUT_FOLDER = "knime://knime.workflow/vavl-data/face-tracks";

    static final String PATH_COLUMN = "path column";

    static final String CLIP_COLUMN = "clip id column";

    static final String OUTPUT_FOLDER = "output folder";

    static final String DETECTOR = "detector";

    static final String YUNET_MODEL = "yunet model";

    /** Added in 1.1 (issue 18): how the face is levelled and placed. */
    static final String ALIGNMENT = "alignment";

    static final String CROP_SCALE = "crop scale";

    static final String OUTPUT_SIZE = "output size";

    static final String FRAME_STEP = "frame step";

    static final String TRACKING = "track between detections";

    static final String DETECTION_INTERVAL = "detection interval";

    static final String MIN_FACE = "minimum face size";

    static final String MAIN_FACE = "main face";

    static final String MISSING_FACE = "missing face";

    static final String FORMAT = "face track format";

    static final String PNG_FOLDER = "png folder";

    static final String LOW_RATIO = "low face ratio";

    static final List<String> DETECTORS =
        Arrays.stream(FaceDetectorKind.values()).map(FaceDetectorKind::settingValue).toList();

    static final List<String> ALIGNMENTS =
        Arrays.stream(FaceAlignment.values()).map(FaceAlignment::settingValue).toList();

    static final List<String> MAIN_FACES =
        Arrays.stream(MainFacePolicy.values()).map(MainFacePolicy::settingValue).toList();

    static final List<String> MISSING_FACES =
        Arrays.stream(MissingFacePolicy.values()).map(MissingFacePolicy::settingValue).toList();

    static final List<String> FORMATS =
        Arrays.stream(FaceTrackFormat.values()).map(FaceTrackFormat::settingValue).toList();

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

    /** "haar" (default), "yunet" or "tiny" (face-api's tiny face detector, a CNN shipped in the engine). */
    static SettingsModelString detector() {
        return new SettingsModelString(DETECTOR, FaceDetectorKind.HAAR.settingValue());
    }

    /**
     * "landmarks" (default for new nodes: face-api's 68-point landmark network, shipped in the engine; chosen from the
     * measurements in docs/face.md) or "eyes" (the eye cascade, or YuNet's eye landmarks). Workflows saved before the
     * setting existed keep "eyes", what they did then ({@link #OLD_ALIGNMENT}).
     */
    static SettingsModelString alignment() {
        return new SettingsModelString(ALIGNMENT, FaceAlignment.LANDMARKS.settingValue());
    }

    /** The alignment of workflows saved before the setting existed (1.0 levelled by the eyes). */
    static final String OLD_ALIGNMENT = FaceAlignment.EYES.settingValue();

    /** Sets the alignment of settings saved before the setting existed to what they did then ("eyes"). */
    static void keepOldAlignment(final NodeSettingsRO settings, final SettingsModelString alignment) {
        if (!settings.containsKey(ALIGNMENT)) {
            alignment.setStringValue(OLD_ALIGNMENT);
        }
    }

    /** The YuNet ONNX file (face_detection_yunet_2023mar.onnx), used with the YuNet detector only. */
    static SettingsModelString yunetModel() {
        return new SettingsModelString(YUNET_MODEL, "");
    }

    static SettingsModelDoubleBounded cropScale() {
        return new SettingsModelDoubleBounded(CROP_SCALE, org.vavl.core.face.FaceAlignerSettings.DEFAULT_CROP_SCALE,
            0.5, 4);
    }

    static SettingsModelIntegerBounded outputSize() {
        return new SettingsModelIntegerBounded(OUTPUT_SIZE, org.vavl.core.face.FaceAlignerSettings.DEFAULT_OUTPUT_SIZE,
            16, 2048);
    }

    static SettingsModelIntegerBounded frameStep() {
        return new SettingsModelIntegerBounded(FRAME_STEP, 1, 1, 1000);
    }

    static SettingsModelBoolean tracking() {
        return new SettingsModelBoolean(TRACKING, true);
    }

    static SettingsModelIntegerBounded detectionInterval() {
        return new SettingsModelIntegerBounded(DETECTION_INTERVAL,
            org.vavl.core.face.FaceAlignerSettings.DEFAULT_DETECTION_INTERVAL, 1, 1000);
    }

    static SettingsModelDoubleBounded minFace() {
        return new SettingsModelDoubleBounded(MIN_FACE, org.vavl.core.face.FaceAlignerSettings.DEFAULT_MIN_FACE_FRACTION,
            0.01, 1);
    }

    static SettingsModelString mainFace() {
        return new SettingsModelString(MAIN_FACE, MainFacePolicy.LARGEST.settingValue());
    }

    static SettingsModelString missingFace() {
        return new SettingsModelString(MISSING_FACE, MissingFacePolicy.SKIP_FRAME.settingValue());
    }

    static SettingsModelString format() {
        return new SettingsModelString(FORMAT, FaceTrackFormat.MJPEG_AVI.settingValue());
    }

    /** Folder for PNG frames in the reference's layout; empty: none. */
    static SettingsModelString pngFolder() {
        return new SettingsModelString(PNG_FOLDER, "");
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
