package org.vavl.knime.nodes.facealigner;

import static org.vavl.core.face.FaceAlignerSettings.ALIGNMENT;
import static org.vavl.core.face.FaceAlignerSettings.CROP_SCALE;
import static org.vavl.core.face.FaceAlignerSettings.DETECTION_INTERVAL;
import static org.vavl.core.face.FaceAlignerSettings.DETECTOR;
import static org.vavl.core.face.FaceAlignerSettings.FORMAT;
import static org.vavl.core.face.FaceAlignerSettings.FRAME_STEP;
import static org.vavl.core.face.FaceAlignerSettings.MAIN_FACE;
import static org.vavl.core.face.FaceAlignerSettings.MIN_FACE_FRACTION;
import static org.vavl.core.face.FaceAlignerSettings.MISSING_FACE;
import static org.vavl.core.face.FaceAlignerSettings.OUTPUT_SIZE;
import static org.vavl.core.face.FaceAlignerSettings.PNG_FOLDER;
import static org.vavl.core.face.FaceAlignerSettings.TRACKING;
import static org.vavl.core.face.FaceAlignerSettings.YUNET_MODEL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.face.FaceAlignerSettings;
import org.vavl.core.face.FaceAlignment;
import org.vavl.core.face.FaceDetectorKind;
import org.vavl.core.settings.Setting;
import org.vavl.knime.nodes.common.RecordModels;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * The Face Aligner's settings models of the engine's {@link FaceAlignerSettings} (keys, defaults, bounds and choices
 * from the engine), in the order they are saved, and the engine settings they make. The node saves every engine
 * setting but the YuNet score threshold; new nodes align by landmarks (chosen from the measurements in
 * docs/face.md), workflows saved before the alignment setting existed (1.0) keep the engine's "eyes".
 */
final class AlignmentSettings {

    /** The alignment of a new node: the landmark network. */
    static final Setting<FaceAlignment> NEW_ALIGNMENT = ALIGNMENT.withDefault(FaceAlignment.LANDMARKS);

    /** The settings the node saves, in the order they are saved; the alignment was added in 1.1 (issue 18). */
    private static final List<Setting<?>> SAVED = List.of(DETECTOR, YUNET_MODEL, CROP_SCALE, OUTPUT_SIZE, FRAME_STEP,
        TRACKING, DETECTION_INTERVAL, MIN_FACE_FRACTION, MAIN_FACE, MISSING_FACE, FORMAT, PNG_FOLDER, NEW_ALIGNMENT);

    /** The choices, checked among saved settings (the alignment only when saved). */
    private static final List<Setting<?>> CHOICES = List.of(DETECTOR, ALIGNMENT, MAIN_FACE, MISSING_FACE, FORMAT);

    private final RecordModels<FaceAlignerSettings> m_models = new RecordModels<>(FaceAlignerSettings.SETTINGS, SAVED);

    /** @return the models, in the order they are saved */
    List<SettingsModel> models() {
        return m_models.models();
    }

    /** @return the model of {@code setting} */
    SettingsModel model(final Setting<?> setting) {
        return m_models.model(setting);
    }

    /** After loading: settings saved before the alignment setting existed keep "eyes". */
    void loaded(final NodeSettingsRO settings) {
        keepOldAlignment(settings, (SettingsModelString)model(ALIGNMENT));
    }

    /** Sets the alignment of settings saved before the setting existed to what they did then (the engine's default). */
    static void keepOldAlignment(final NodeSettingsRO settings, final SettingsModelString alignment) {
        if (!settings.containsKey(ALIGNMENT.key())) {
            alignment.setStringValue(ALIGNMENT.choiceLabel(ALIGNMENT.defaultValue()));
        }
    }

    /** @return the models added after 1.0, to their keys (for {@code settingsAddedLater}) */
    Map<SettingsModel, String> addedLater() {
        return Map.of(model(ALIGNMENT), ALIGNMENT.key());
    }

    /** @return whether the detector gives a detection confidence (YuNet and the tiny detector do, Haar does not) */
    boolean withConfidence() {
        return detector() != null && detector() != FaceDetectorKind.HAAR;
    }

    /** @return whether the faces are levelled by the landmark network (two more columns) */
    boolean withLandmarks() {
        try {
            return m_models.value(ALIGNMENT) == FaceAlignment.LANDMARKS;
        } catch (InvalidSettingsException e) {
            return false; // an unknown alignment fails the node elsewhere, naming the setting
        }
    }

    private FaceDetectorKind detector() {
        try {
            return m_models.value(DETECTOR);
        } catch (InvalidSettingsException e) {
            return null; // an unknown detector fails the node elsewhere, naming the setting
        }
    }

    /**
     * Builds the engine's settings, naming the setting of any wrong value.
     *
     * @param prepareFolders create the PNG folder (at execution), or only check it (configure)
     */
    FaceAlignerSettings engine(final boolean prepareFolders) throws InvalidSettingsException {
        final Map<Setting<?>, Object> paths = new HashMap<>();
        paths.put(YUNET_MODEL, detector() == FaceDetectorKind.YUNET ? yunetModel() : null);
        paths.put(PNG_FOLDER, null);
        final String png = text(PNG_FOLDER);
        if (png != null && !png.isBlank()) {
            if (prepareFolders) {
                paths.put(PNG_FOLDER, WorkflowPaths.prepareOutputFolder(png, PNG_FOLDER.key()));
            } else {
                WorkflowPaths.resolveOutputFolder(png, PNG_FOLDER.key());
            }
        }
        return m_models.record(paths);
    }

    private String text(final Setting<?> setting) {
        return ((SettingsModelString)model(setting)).getStringValue();
    }

    private Path yunetModel() throws InvalidSettingsException {
        final String model = text(YUNET_MODEL);
        if (model == null || model.isBlank()) {
            throw new InvalidSettingsException("The YuNet detector needs its model file: set '" + YUNET_MODEL.key()
                + "' to face_detection_yunet_2023mar.onnx from the OpenCV "
                + "Zoo (github.com/opencv/opencv_zoo, models/face_detection_yunet).");
        }
        final Path p = WorkflowPaths.resolveFile(model, YUNET_MODEL.key());
        if (!Files.isRegularFile(p)) {
            throw new InvalidSettingsException("The YuNet model file '" + p + "' (setting '" + YUNET_MODEL.key()
                + "') does not exist. Download "
                + "face_detection_yunet_2023mar.onnx from the OpenCV Zoo (github.com/opencv/opencv_zoo, "
                + "models/face_detection_yunet).");
        }
        return p;
    }

    /** Checks the choices among saved settings. */
    static void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (Setting<?> s : CHOICES) {
            if (s != ALIGNMENT || settings.containsKey(ALIGNMENT.key())) {
                check(settings, s);
            }
        }
    }

    private static <T> void check(final NodeSettingsRO settings, final Setting<T> setting)
        throws InvalidSettingsException {
        final SettingsModelString model = SettingModels.string(setting);
        model.loadSettingsFrom(settings);
        final List<String> allowed = setting.choices().stream().map(setting::choiceLabel).toList();
        if (!allowed.contains(model.getStringValue())) {
            throw new InvalidSettingsException("Setting '" + model.getKey() + "' is '" + model.getStringValue()
                + "': use one of " + allowed + ".");
        }
    }
}
