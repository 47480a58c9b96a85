package org.vavl.knime.nodes.faceencoder;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ModelFaceEncoder;
import org.vavl.knime.nodes.common.EncoderSettings;

/** The Face Encoder's settings: keys and defaults shared by the node model and its dialog. */
final class FaceEncoderSettings {

    static final String FACE_TRACK_COLUMN = "face track column";

    static final String BUILT_IN = "built-in HOG";

    /** Encoder choice: face-api's facial expression network, shipped in the engine (7 probabilities + 256). */
    static final String EXPRESSION = "built-in expression network";

    /** The Face Encoder's built-in encoders, the default first. */
    static final List<String> BUILT_INS = List.of(BUILT_IN, EXPRESSION);

    static final String INPUT_SIZE = "input size";

    static final String CHANNEL_ORDER = "channel order";

    static final String MEAN = "normalisation mean";

    static final String STD = "normalisation std";

    static final String FRAMES_PER_BATCH = "frames per batch";

    private FaceEncoderSettings() {
    }

    static SettingsModelString faceTrackColumn() {
        return new SettingsModelString(FACE_TRACK_COLUMN, "Face track");
    }

    static SettingsModelString encoder() {
        return EncoderSettings.encoder(BUILT_IN);
    }

    static SettingsModelIntegerBounded inputSize() {
        return new SettingsModelIntegerBounded(INPUT_SIZE, ModelFaceEncoder.DEFAULT_INPUT_SIZE, 8, 2048);
    }

    static SettingsModelString channelOrder() {
        return new SettingsModelString(CHANNEL_ORDER, "RGB");
    }

    static SettingsModelString mean() {
        return new SettingsModelString(MEAN, "0.485, 0.456, 0.406");
    }

    static SettingsModelString std() {
        return new SettingsModelString(STD, "0.229, 0.224, 0.225");
    }

    static SettingsModelIntegerBounded framesPerBatch() {
        return new SettingsModelIntegerBounded(FRAMES_PER_BATCH, ModelFaceEncoder.DEFAULT_FRAMES_PER_BATCH, 1, 1024);
    }

    /** @return three values (R, G, B) of a "a, b, c" setting, or an error naming the setting */
    static float[] triple(final SettingsModelString model, final String key, final boolean positive)
        throws InvalidSettingsException {
        final String[] parts = model.getStringValue() == null ? new String[0] : model.getStringValue().split("[,;\\s]+");
        final List<String> values = java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList();
        if (values.size() != 3) {
            throw new InvalidSettingsException("Setting '" + key + "' needs three numbers for R, G, B (e.g. 0.485,"
                + " 0.456, 0.406), got '" + model.getStringValue() + "'.");
        }
        final float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Float.parseFloat(values.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("Setting '" + key + "': '" + values.get(i) + "' is not a number.");
            }
            if (!Float.isFinite(out[i]) || (positive && !(out[i] > 0))) {
                throw new InvalidSettingsException("Setting '" + key + "': " + values.get(i) + " must be a "
                    + (positive ? "positive" : "finite") + " number.");
            }
        }
        return out;
    }
}
