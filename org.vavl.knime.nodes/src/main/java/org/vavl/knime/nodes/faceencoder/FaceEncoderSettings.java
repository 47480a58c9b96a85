package org.vavl.knime.nodes.faceencoder;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ExpressionFaceEncoder;
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

    /** Added in 1.1 (issue 18): which values the expression network gives per frame. */
    static final String EXPRESSION_OUTPUT = "expression network output";

    /** Expression output: the 7 probabilities, then the 256-value embedding (263 values; the default). */
    static final String OUTPUT_BOTH = "probabilities and embedding";

    /** Expression output: the 7 expression probabilities. */
    static final String OUTPUT_PROBABILITIES = "probabilities";

    /** Expression output: the 256-value embedding before the last layer. */
    static final String OUTPUT_EMBEDDING = "embedding";

    static final List<String> EXPRESSION_OUTPUTS = List.of(OUTPUT_BOTH, OUTPUT_PROBABILITIES, OUTPUT_EMBEDDING);

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

    /** Which values the expression network gives per frame; workflows saved before the setting keep both (263). */
    static SettingsModelString expressionOutput() {
        return new SettingsModelString(EXPRESSION_OUTPUT, OUTPUT_BOTH);
    }

    /** @return the engine's part for an expression output setting, or an error naming the setting */
    static ExpressionFaceEncoder.Part part(final String value) throws InvalidSettingsException {
        if (OUTPUT_BOTH.equals(value)) {
            return ExpressionFaceEncoder.Part.BOTH;
        }
        if (OUTPUT_PROBABILITIES.equals(value)) {
            return ExpressionFaceEncoder.Part.PROBABILITIES;
        }
        if (OUTPUT_EMBEDDING.equals(value)) {
            return ExpressionFaceEncoder.Part.EMBEDDING;
        }
        throw new InvalidSettingsException("Setting '" + EXPRESSION_OUTPUT + "' is '" + value + "': use one of "
            + EXPRESSION_OUTPUTS + ".");
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
