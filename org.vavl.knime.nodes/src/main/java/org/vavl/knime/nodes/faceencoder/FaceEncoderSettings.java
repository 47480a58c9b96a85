package org.vavl.knime.nodes.faceencoder;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ExpressionFaceEncoder;
import org.vavl.core.features.FaceModelSettings;
import org.vavl.knime.nodes.common.EncoderSettings;
import org.vavl.knime.nodes.common.RecordModels;
import org.vavl.knime.nodes.common.SettingModels;

/**
 * The Face Encoder's own settings (face track column, encoder), shared by the node model and its dialog; the
 * engine's (the image model's {@link FaceModelSettings}, the expression network's {@link ExpressionFaceEncoder#PART})
 * come with their keys, defaults and bounds from the engine.
 */
final class FaceEncoderSettings {

    static final String FACE_TRACK_COLUMN = "face track column";

    static final String BUILT_IN = "built-in HOG";

    /** Encoder choice: face-api's facial expression network, shipped in the engine (7 probabilities + 256). */
    static final String EXPRESSION = "built-in expression network";

    /** The Face Encoder's built-in encoders, the default first. */
    static final List<String> BUILT_INS = List.of(BUILT_IN, EXPRESSION);

    private FaceEncoderSettings() {
    }

    static SettingsModelString faceTrackColumn() {
        return new SettingsModelString(FACE_TRACK_COLUMN, "Face track");
    }

    static SettingsModelString encoder() {
        return EncoderSettings.encoder(BUILT_IN);
    }

    /** @return new models of the engine's image model settings, saved in the record's order */
    static RecordModels<FaceModelSettings> imageModel() {
        return RecordModels.of(FaceModelSettings.SETTINGS);
    }

    /**
     * Which values the expression network gives per frame (added in 1.1, issue 18); workflows saved before the
     * setting keep both (263).
     */
    static SettingsModelString expressionOutput() {
        return SettingModels.string(ExpressionFaceEncoder.PART);
    }

    /** @return the engine's part of an expression output model, or an error naming the setting */
    static ExpressionFaceEncoder.Part part(final SettingsModelString model) throws InvalidSettingsException {
        final String value = model.getStringValue();
        for (ExpressionFaceEncoder.Part p : ExpressionFaceEncoder.Part.values()) {
            if (p.settingValue().equals(value)) {
                return p;
            }
        }
        throw new InvalidSettingsException("Setting '" + model.getKey() + "' is '" + value + "': use one of "
            + ExpressionFaceEncoder.PART.choices().stream().map(ExpressionFaceEncoder.Part::settingValue).toList()
            + ".");
    }
}
