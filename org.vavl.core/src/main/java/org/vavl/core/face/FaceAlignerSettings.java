package org.vavl.core.face;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * Settings of the face aligner, each stated once (the Face Aligner node's settings models and dialog are derived from
 * the same objects); make one with {@link #builder()}. Defaults follow the reference (box scaled by 1.25, 224x224 RGB)
 * and keep the aligner fast on a CPU: the detector runs every 30 frames and the face is tracked by its eyes in
 * between. The one rule joining settings: the YuNet detector needs its model file.
 *
 * @param detector the face detector
 * @param alignment how the face is levelled and placed: by the detector's eyes or by the landmark network
 * @param yunetModel the YuNet ONNX model file (only used with {@link FaceDetectorKind#YUNET}), or null
 * @param yunetScoreThreshold the smallest YuNet score that counts as a face (strictly between 0 and 1)
 * @param cropScale the factor by which the face box is enlarged before cropping
 * @param outputSize the side of the square aligned face in pixels
 * @param frameStep every how many frames of the clip one is processed (1 = every frame)
 * @param tracking whether the face is tracked between runs of the detector
 * @param detectionInterval processed frames between two runs of the detector while tracking (1 = every frame)
 * @param minFaceFraction the smallest face as a fraction of the frame's shorter side
 * @param mainFace which face is followed when there are several
 * @param missingFace what happens to frames without a face
 * @param format the storage format of face tracks
 * @param pngFolder folder for PNG frames in the reference's layout ({@code <folder>/<clip>/detections/
 *            000001_000.png}), or null for none
 */
public record FaceAlignerSettings(FaceDetectorKind detector, FaceAlignment alignment, Path yunetModel,
    double yunetScoreThreshold, double cropScale, int outputSize, int frameStep, boolean tracking,
    int detectionInterval, double minFaceFraction, MainFacePolicy mainFace, MissingFacePolicy missingFace,
    FaceTrackFormat format, Path pngFolder) {

    /** Version of the algorithm, recorded with every face track so that a change makes them again. */
    static final String ALGORITHM_VERSION = "2";

    /** The face detector, saved by its setting value ("haar", "yunet", "tiny"). */
    public static final Setting<FaceDetectorKind> DETECTOR = Setting.choice("detector", FaceDetectorKind.class,
        FaceDetectorKind.HAAR, FaceDetectorKind::settingValue).withLabel("Detector");

    /** How the face is levelled and placed: "eyes" (what it did before the landmark network) or "landmarks". */
    public static final Setting<FaceAlignment> ALIGNMENT = Setting.choice("alignment", FaceAlignment.class,
        FaceAlignment.EYES, FaceAlignment::settingValue).withLabel("Level and place the face by");

    /** The YuNet ONNX file (face_detection_yunet_2023mar.onnx), used with the YuNet detector only. */
    public static final Setting<Path> YUNET_MODEL = Setting.path("yunetModel").withKey("yunet model")
        .withLabel("YuNet model file (.onnx, for the YuNet detector)");

    /** The smallest YuNet score that counts as a face. */
    public static final Setting<Double> YUNET_SCORE_THRESHOLD = Setting.decimal("yunetScoreThreshold", 0.8, 0, 1)
        .withKey("yunet score threshold").withLabel("YuNet score threshold");

    /** Scale of the face box before cropping (the reference's 1.25). */
    public static final Setting<Double> CROP_SCALE = Setting.decimal("cropScale", 1.25, 0.5, 4)
        .withKey("crop scale").withLabel("Crop scale (face box x)");

    /** Side of the aligned face in pixels (the reference's 224). */
    public static final Setting<Integer> OUTPUT_SIZE = Setting.integer("outputSize", 224, 16, 2048)
        .withKey("output size").withLabel("Output size (pixels)");

    /** Every how many frames one is processed. */
    public static final Setting<Integer> FRAME_STEP = Setting.integer("frameStep", 1, 1, 1000).withKey("frame step")
        .withLabel("Frame step (every Nth frame)");

    /** Whether the face is tracked between runs of the detector. */
    public static final Setting<Boolean> TRACKING = Setting.flag("tracking", true).withKey("track between detections")
        .withLabel("Track the face between detections");

    /** Processed frames between two runs of the detector when tracking. */
    public static final Setting<Integer> DETECTION_INTERVAL = Setting.integer("detectionInterval", 30, 1, 1000)
        .withKey("detection interval").withLabel("Detection interval (frames, when tracking)");

    /** Smallest face, as a fraction of the frame's shorter side. */
    public static final Setting<Double> MIN_FACE_FRACTION = Setting.decimal("minFaceFraction", 0.1, 0.01, 1)
        .withKey("minimum face size").withLabel("Minimum face size (fraction of the frame's shorter side)");

    /** Which face is followed when there are several. */
    public static final Setting<MainFacePolicy> MAIN_FACE = Setting.choice("mainFace", MainFacePolicy.class,
        MainFacePolicy.LARGEST, MainFacePolicy::settingValue).withKey("main face").withLabel("Main face");

    /** What happens to frames without a face. */
    public static final Setting<MissingFacePolicy> MISSING_FACE = Setting.choice("missingFace",
        MissingFacePolicy.class, MissingFacePolicy.SKIP_FRAME, MissingFacePolicy::settingValue)
        .withKey("missing face").withLabel("Frames without a face");

    /** Storage format of face tracks. */
    public static final Setting<FaceTrackFormat> FORMAT = Setting.choice("format", FaceTrackFormat.class,
        FaceTrackFormat.MJPEG_AVI, FaceTrackFormat::settingValue).withKey("face track format").withLabel("Format");

    /** Folder for PNG frames in the reference's layout; none by default. */
    public static final Setting<Path> PNG_FOLDER = Setting.path("pngFolder").withKey("png folder")
        .withLabel("Also write PNG frames into this folder (empty: none)");

    /** All settings, in the record's order. */
    public static final RecordSettings<FaceAlignerSettings> SETTINGS = RecordSettings.of(FaceAlignerSettings.class,
        DETECTOR, ALIGNMENT, YUNET_MODEL, YUNET_SCORE_THRESHOLD, CROP_SCALE, OUTPUT_SIZE, FRAME_STEP, TRACKING,
        DETECTION_INTERVAL, MIN_FACE_FRACTION, MAIN_FACE, MISSING_FACE, FORMAT, PNG_FOLDER);

    /** Checks the rules joining settings: the YuNet detector needs its model file. */
    public FaceAlignerSettings {
        if (yunetScoreThreshold <= 0 || yunetScoreThreshold >= 1) {
            throw new IllegalArgumentException(
                "Setting 'YuNet score threshold' is " + yunetScoreThreshold + ": it must be between 0 and 1.");
        }
        if (detector == FaceDetectorKind.YUNET && yunetModel == null) {
            throw new IllegalArgumentException("The YuNet face detector needs its ONNX model file: set "
                + "'YuNet model' to face_detection_yunet_2023mar.onnx from the OpenCV Zoo "
                + "(github.com/opencv/opencv_zoo, models/face_detection_yunet).");
        }
    }

    /** @return a builder with the default settings */
    public static RecordSettings.Builder<FaceAlignerSettings> builder() {
        return SETTINGS.builder();
    }

    /** @return a builder holding these settings */
    public RecordSettings.Builder<FaceAlignerSettings> toBuilder() {
        return SETTINGS.builder(this);
    }

    /**
     * Everything that determines a face track, as recorded beside it ({@code ClipOutputStore}): a re-run
     * with other values makes the track again.
     */
    public Map<String, String> toRecord() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("algorithm", "face-aligner/" + ALGORITHM_VERSION);
        m.put("detector", detector.settingValue());
        if (alignment != FaceAlignment.EYES) {
            // recorded only when not the default, so that the records of earlier face tracks stay valid
            m.put("alignment", alignment.settingValue());
        }
        if (detector == FaceDetectorKind.YUNET && yunetModel != null) {
            m.put("yunet model", yunetModel.toAbsolutePath().toString());
            try {
                m.put("yunet model bytes", Long.toString(Files.size(yunetModel)));
                m.put("yunet model modified", Files.getLastModifiedTime(yunetModel).toString());
            } catch (Exception e) {
                m.put("yunet model bytes", "missing");
            }
            m.put("yunet score threshold", fmt(yunetScoreThreshold));
        }
        m.put("crop scale", fmt(cropScale));
        m.put("output size", Integer.toString(outputSize));
        m.put("frame step", Integer.toString(frameStep));
        m.put("tracking", Boolean.toString(tracking));
        m.put("detection interval", Integer.toString(tracking ? detectionInterval : 1));
        m.put("min face fraction", fmt(minFaceFraction));
        m.put("main face", mainFace.settingValue());
        m.put("missing face", missingFace.settingValue());
        m.put("format", format.settingValue());
        m.put("png frames", pngFolder == null ? "none" : pngFolder.toAbsolutePath().toString());
        return m;
    }

    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    @Override
    public String toString() {
        return toRecord().toString();
    }
}
