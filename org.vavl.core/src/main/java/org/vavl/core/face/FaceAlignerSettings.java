package org.vavl.core.face;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the face aligner (immutable; make one with {@link #builder()}). Defaults follow the reference
 * (box scaled by 1.25, 224x224 RGB) and keep the aligner fast on a CPU: the detector runs every
 * {@value #DEFAULT_DETECTION_INTERVAL} frames and the face is tracked by its eyes in between.
 */
public final class FaceAlignerSettings {

    /** Default scale of the face box before cropping (the reference's value). */
    public static final double DEFAULT_CROP_SCALE = 1.25;

    /** Default side of the aligned face in pixels (the reference's value). */
    public static final int DEFAULT_OUTPUT_SIZE = 224;

    /** Default number of processed frames between two runs of the detector when tracking. */
    public static final int DEFAULT_DETECTION_INTERVAL = 30;

    /** Default smallest face, as a fraction of the frame's shorter side. */
    public static final double DEFAULT_MIN_FACE_FRACTION = 0.1;

    /** Version of the algorithm, recorded with every face track so that a change makes them again. */
    static final String ALGORITHM_VERSION = "1";

    private final FaceDetectorKind m_detector;

    private final FaceAlignment m_alignment;

    private final Path m_yunetModel;

    private final double m_yunetScoreThreshold;

    private final double m_cropScale;

    private final int m_outputSize;

    private final int m_frameStep;

    private final boolean m_tracking;

    private final int m_detectionInterval;

    private final double m_minFaceFraction;

    private final MainFacePolicy m_mainFace;

    private final MissingFacePolicy m_missingFace;

    private final FaceTrackFormat m_format;

    private final Path m_pngFolder;

    private FaceAlignerSettings(final Builder b) {
        m_detector = b.m_detector;
        m_alignment = b.m_alignment;
        m_yunetModel = b.m_yunetModel;
        m_yunetScoreThreshold = b.m_yunetScoreThreshold;
        m_cropScale = b.m_cropScale;
        m_outputSize = b.m_outputSize;
        m_frameStep = b.m_frameStep;
        m_tracking = b.m_tracking;
        m_detectionInterval = b.m_detectionInterval;
        m_minFaceFraction = b.m_minFaceFraction;
        m_mainFace = b.m_mainFace;
        m_missingFace = b.m_missingFace;
        m_format = b.m_format;
        m_pngFolder = b.m_pngFolder;
    }

    /** @return a builder with the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        final Builder b = new Builder();
        b.m_detector = m_detector;
        b.m_alignment = m_alignment;
        b.m_yunetModel = m_yunetModel;
        b.m_yunetScoreThreshold = m_yunetScoreThreshold;
        b.m_cropScale = m_cropScale;
        b.m_outputSize = m_outputSize;
        b.m_frameStep = m_frameStep;
        b.m_tracking = m_tracking;
        b.m_detectionInterval = m_detectionInterval;
        b.m_minFaceFraction = m_minFaceFraction;
        b.m_mainFace = m_mainFace;
        b.m_missingFace = m_missingFace;
        b.m_format = m_format;
        b.m_pngFolder = m_pngFolder;
        return b;
    }

    /** @return the face detector */
    public FaceDetectorKind detector() {
        return m_detector;
    }

    /** @return how the face is levelled and placed: by the detector's eyes or by the landmark network */
    public FaceAlignment alignment() {
        return m_alignment;
    }

    /** @return the YuNet ONNX model file (only used with {@link FaceDetectorKind#YUNET}), or null */
    public Path yunetModel() {
        return m_yunetModel;
    }

    /** @return the smallest YuNet score that counts as a face */
    public double yunetScoreThreshold() {
        return m_yunetScoreThreshold;
    }

    /** @return the factor by which the face box is enlarged before cropping */
    public double cropScale() {
        return m_cropScale;
    }

    /** @return the side of the square aligned face in pixels */
    public int outputSize() {
        return m_outputSize;
    }

    /** @return every how many frames of the clip one is processed (1 = every frame) */
    public int frameStep() {
        return m_frameStep;
    }

    /** @return whether the face is tracked between runs of the detector */
    public boolean tracking() {
        return m_tracking;
    }

    /** @return processed frames between two runs of the detector while tracking (1 = every frame) */
    public int detectionInterval() {
        return m_detectionInterval;
    }

    /** @return the smallest face as a fraction of the frame's shorter side */
    public double minFaceFraction() {
        return m_minFaceFraction;
    }

    /** @return which face is followed when there are several */
    public MainFacePolicy mainFace() {
        return m_mainFace;
    }

    /** @return what happens to frames without a face */
    public MissingFacePolicy missingFace() {
        return m_missingFace;
    }

    /** @return the storage format of face tracks */
    public FaceTrackFormat format() {
        return m_format;
    }

    /**
     * @return folder for PNG frames in the reference's layout ({@code <folder>/<clip>/detections/
     *         000001_000.png}), or null for none
     */
    public Path pngFolder() {
        return m_pngFolder;
    }

    /**
     * Everything that determines a face track, as recorded beside it ({@code ClipOutputStore}): a re-run
     * with other values makes the track again.
     */
    public Map<String, String> toRecord() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("algorithm", "face-aligner/" + ALGORITHM_VERSION);
        m.put("detector", m_detector.settingValue());
        if (m_alignment != FaceAlignment.EYES) {
            // recorded only when not the default, so that the records of earlier face tracks stay valid
            m.put("alignment", m_alignment.settingValue());
        }
        if (m_detector == FaceDetectorKind.YUNET && m_yunetModel != null) {
            m.put("yunet model", m_yunetModel.toAbsolutePath().toString());
            try {
                m.put("yunet model bytes", Long.toString(Files.size(m_yunetModel)));
                m.put("yunet model modified", Files.getLastModifiedTime(m_yunetModel).toString());
            } catch (Exception e) {
                m.put("yunet model bytes", "missing");
            }
            m.put("yunet score threshold", fmt(m_yunetScoreThreshold));
        }
        m.put("crop scale", fmt(m_cropScale));
        m.put("output size", Integer.toString(m_outputSize));
        m.put("frame step", Integer.toString(m_frameStep));
        m.put("tracking", Boolean.toString(m_tracking));
        m.put("detection interval", Integer.toString(m_tracking ? m_detectionInterval : 1));
        m.put("min face fraction", fmt(m_minFaceFraction));
        m.put("main face", m_mainFace.settingValue());
        m.put("missing face", m_missingFace.settingValue());
        m.put("format", m_format.settingValue());
        m.put("png frames", m_pngFolder == null ? "none" : m_pngFolder.toAbsolutePath().toString());
        return m;
    }

    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    @Override
    public String toString() {
        return toRecord().toString();
    }

    /** Builds {@link FaceAlignerSettings}; every setter checks its value and names it when it is wrong. */
    public static final class Builder {
        private FaceDetectorKind m_detector = FaceDetectorKind.HAAR;

        private FaceAlignment m_alignment = FaceAlignment.EYES;

        private Path m_yunetModel;

        private double m_yunetScoreThreshold = 0.8;

        private double m_cropScale = DEFAULT_CROP_SCALE;

        private int m_outputSize = DEFAULT_OUTPUT_SIZE;

        private int m_frameStep = 1;

        private boolean m_tracking = true;

        private int m_detectionInterval = DEFAULT_DETECTION_INTERVAL;

        private double m_minFaceFraction = DEFAULT_MIN_FACE_FRACTION;

        private MainFacePolicy m_mainFace = MainFacePolicy.LARGEST;

        private MissingFacePolicy m_missingFace = MissingFacePolicy.SKIP_FRAME;

        private FaceTrackFormat m_format = FaceTrackFormat.MJPEG_AVI;

        private Path m_pngFolder;

        private Builder() {
        }

        public Builder detector(final FaceDetectorKind v) {
            m_detector = Objects.requireNonNull(v, "detector");
            return this;
        }

        public Builder alignment(final FaceAlignment v) {
            m_alignment = Objects.requireNonNull(v, "alignment");
            return this;
        }

        public Builder yunetModel(final Path v) {
            m_yunetModel = v;
            return this;
        }

        public Builder yunetScoreThreshold(final double v) {
            check(v > 0 && v < 1, "YuNet score threshold", v, "between 0 and 1");
            m_yunetScoreThreshold = v;
            return this;
        }

        public Builder cropScale(final double v) {
            check(v >= 0.5 && v <= 4, "crop scale", v, "between 0.5 and 4");
            m_cropScale = v;
            return this;
        }

        public Builder outputSize(final int v) {
            check(v >= 16 && v <= 2048, "output size", v, "between 16 and 2048 pixels");
            m_outputSize = v;
            return this;
        }

        public Builder frameStep(final int v) {
            check(v >= 1, "frame step", v, "at least 1");
            m_frameStep = v;
            return this;
        }

        public Builder tracking(final boolean v) {
            m_tracking = v;
            return this;
        }

        public Builder detectionInterval(final int v) {
            check(v >= 1 && v <= 1000, "detection interval", v, "between 1 and 1000 frames");
            m_detectionInterval = v;
            return this;
        }

        public Builder minFaceFraction(final double v) {
            check(v > 0 && v <= 1, "minimum face size", v, "a fraction of the frame between 0 and 1");
            m_minFaceFraction = v;
            return this;
        }

        public Builder mainFace(final MainFacePolicy v) {
            m_mainFace = Objects.requireNonNull(v, "main face");
            return this;
        }

        public Builder missingFace(final MissingFacePolicy v) {
            m_missingFace = Objects.requireNonNull(v, "missing face");
            return this;
        }

        public Builder format(final FaceTrackFormat v) {
            m_format = Objects.requireNonNull(v, "format");
            return this;
        }

        /** @param v folder for PNG frames in the reference's layout, or null for none */
        public Builder pngFolder(final Path v) {
            m_pngFolder = v;
            return this;
        }

        /** @return the settings; the YuNet model must be set when the YuNet detector is chosen */
        public FaceAlignerSettings build() {
            if (m_detector == FaceDetectorKind.YUNET && m_yunetModel == null) {
                throw new IllegalArgumentException("The YuNet face detector needs its ONNX model file: set "
                    + "'YuNet model' to face_detection_yunet_2023mar.onnx from the OpenCV Zoo "
                    + "(github.com/opencv/opencv_zoo, models/face_detection_yunet).");
            }
            return new FaceAlignerSettings(this);
        }

        private static void check(final boolean ok, final String name, final Object v, final String what) {
            if (!ok) {
                throw new IllegalArgumentException("Setting '" + name + "' is " + v + ": it must be " + what + ".");
            }
        }
    }
}
