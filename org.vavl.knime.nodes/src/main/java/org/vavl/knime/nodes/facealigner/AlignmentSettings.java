package org.vavl.knime.nodes.facealigner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.face.FaceAlignment;
import org.vavl.core.face.FaceDetectorKind;
import org.vavl.core.face.FaceTrackFormat;
import org.vavl.core.face.MainFacePolicy;
import org.vavl.core.face.MissingFacePolicy;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * The Face Aligner's settings models of the engine's {@link org.vavl.core.face.FaceAlignerSettings} (detector,
 * crop, tracking, policies, format, PNG folder, alignment), in the order they are saved, and the engine settings they make.
 */
final class AlignmentSettings {

    private final SettingsModelString m_detector = FaceAlignerSettings.detector();

    private final SettingsModelString m_yunetModel = FaceAlignerSettings.yunetModel();

    private final SettingsModelDoubleBounded m_cropScale = FaceAlignerSettings.cropScale();

    private final SettingsModelIntegerBounded m_outputSize = FaceAlignerSettings.outputSize();

    private final SettingsModelIntegerBounded m_frameStep = FaceAlignerSettings.frameStep();

    private final SettingsModelBoolean m_tracking = FaceAlignerSettings.tracking();

    private final SettingsModelIntegerBounded m_interval = FaceAlignerSettings.detectionInterval();

    private final SettingsModelDoubleBounded m_minFace = FaceAlignerSettings.minFace();

    private final SettingsModelString m_mainFace = FaceAlignerSettings.mainFace();

    private final SettingsModelString m_missingFace = FaceAlignerSettings.missingFace();

    private final SettingsModelString m_format = FaceAlignerSettings.format();

    private final SettingsModelString m_pngFolder = FaceAlignerSettings.pngFolder();

    /** Added in 1.1 (issue 18); older workflows keep "eyes" ({@link #addedLater}, {@link #loaded}). */
    private final SettingsModelString m_alignment = FaceAlignerSettings.alignment();

    /** @return the models, in the order they are saved */
    List<SettingsModel> models() {
        return List.of(m_detector, m_yunetModel, m_cropScale, m_outputSize, m_frameStep, m_tracking, m_interval,
            m_minFace, m_mainFace, m_missingFace, m_format, m_pngFolder, m_alignment);
    }

    /** After loading: settings saved before the alignment setting existed keep "eyes". */
    void loaded(final NodeSettingsRO settings) {
        FaceAlignerSettings.keepOldAlignment(settings, m_alignment);
    }

    /** @return the models added after 1.0, to their keys (for {@code settingsAddedLater}) */
    java.util.Map<SettingsModel, String> addedLater() {
        return java.util.Map.of(m_alignment, FaceAlignerSettings.ALIGNMENT);
    }

    /** @return whether the detector gives a detection confidence (YuNet and the tiny detector do, Haar does not) */
    boolean withConfidence() {
        try {
            return FaceDetectorKind.fromSetting(m_detector.getStringValue()) != FaceDetectorKind.HAAR;
        } catch (IllegalArgumentException e) {
            return false; // an unknown detector fails the node elsewhere, naming the setting
        }
    }

    /** @return whether the faces are levelled by the landmark network (two more columns) */
    boolean withLandmarks() {
        try {
            return FaceAlignment.fromSetting(m_alignment.getStringValue()) == FaceAlignment.LANDMARKS;
        } catch (IllegalArgumentException e) {
            return false; // an unknown alignment fails the node elsewhere, naming the setting
        }
    }

    private boolean yunet() {
        try {
            return FaceDetectorKind.fromSetting(m_detector.getStringValue()) == FaceDetectorKind.YUNET;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Builds the engine's settings, naming the setting of any wrong value.
     *
     * @param prepareFolders create the PNG folder (at execution), or only check it (configure)
     */
    org.vavl.core.face.FaceAlignerSettings engine(final boolean prepareFolders) throws InvalidSettingsException {
        try {
            final org.vavl.core.face.FaceAlignerSettings.Builder b = org.vavl.core.face.FaceAlignerSettings.builder()
                .detector(FaceDetectorKind.fromSetting(m_detector.getStringValue()))
                .alignment(FaceAlignment.fromSetting(m_alignment.getStringValue()))
                .cropScale(m_cropScale.getDoubleValue()).outputSize(m_outputSize.getIntValue())
                .frameStep(m_frameStep.getIntValue()).tracking(m_tracking.getBooleanValue())
                .detectionInterval(m_interval.getIntValue()).minFaceFraction(m_minFace.getDoubleValue())
                .mainFace(MainFacePolicy.fromSetting(m_mainFace.getStringValue()))
                .missingFace(MissingFacePolicy.fromSetting(m_missingFace.getStringValue()))
                .format(FaceTrackFormat.fromSetting(m_format.getStringValue()));
            if (yunet()) {
                b.yunetModel(yunetModel());
            }
            final String png = m_pngFolder.getStringValue();
            if (png != null && !png.isBlank()) {
                if (prepareFolders) {
                    b.pngFolder(WorkflowPaths.prepareOutputFolder(png, FaceAlignerSettings.PNG_FOLDER));
                } else {
                    WorkflowPaths.resolveOutputFolder(png, FaceAlignerSettings.PNG_FOLDER);
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private Path yunetModel() throws InvalidSettingsException {
        final String model = m_yunetModel.getStringValue();
        if (model == null || model.isBlank()) {
            throw new InvalidSettingsException("The YuNet detector needs its model file: set '"
                + FaceAlignerSettings.YUNET_MODEL + "' to face_detection_yunet_2023mar.onnx from the OpenCV "
                + "Zoo (github.com/opencv/opencv_zoo, models/face_detection_yunet).");
        }
        final Path p = WorkflowPaths.resolveFile(model, FaceAlignerSettings.YUNET_MODEL);
        if (!Files.isRegularFile(p)) {
            throw new InvalidSettingsException("The YuNet model file '" + p + "' (setting '"
                + FaceAlignerSettings.YUNET_MODEL + "') does not exist. Download "
                + "face_detection_yunet_2023mar.onnx from the OpenCV Zoo (github.com/opencv/opencv_zoo, "
                + "models/face_detection_yunet).");
        }
        return p;
    }

    /** Checks the choices among saved settings. */
    static void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        check(settings, FaceAlignerSettings.detector(), FaceAlignerSettings.DETECTORS);
        if (settings.containsKey(FaceAlignerSettings.ALIGNMENT)) {
            check(settings, FaceAlignerSettings.alignment(), FaceAlignerSettings.ALIGNMENTS);
        }
        check(settings, FaceAlignerSettings.mainFace(), FaceAlignerSettings.MAIN_FACES);
        check(settings, FaceAlignerSettings.missingFace(), FaceAlignerSettings.MISSING_FACES);
        check(settings, FaceAlignerSettings.format(), FaceAlignerSettings.FORMATS);
    }

    private static void check(final NodeSettingsRO settings, final SettingsModelString model,
        final List<String> allowed) throws InvalidSettingsException {
        model.loadSettingsFrom(settings);
        if (!allowed.contains(model.getStringValue())) {
            throw new InvalidSettingsException("Setting '" + model.getKey() + "' is '" + model.getStringValue()
                + "': use one of " + allowed + ".");
        }
    }
}
