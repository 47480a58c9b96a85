package org.vavl.knime.nodes.faceencoder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.LongValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ClipEncoder;
import org.vavl.core.features.ExpressionFaceEncoder;
import org.vavl.core.features.FaceModelSettings;
import org.vavl.core.features.HogFaceEncoder;
import org.vavl.core.features.ModelFaceEncoder;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.ClipEncoderNodeModel;
import org.vavl.knime.nodes.common.EncoderNames;
import org.vavl.knime.nodes.common.RecordModels;

/**
 * Face Encoder: per clip, the face track's frames become a feature sequence {@code <clip>.npy} (frames x
 * dim): the built-in HOG descriptor (1764 values per frame, no weights), the built-in expression network
 * (face-api's FaceExpressionNet: 7 expression probabilities and the 256-value embedding, 263 values, or either part
 * alone per the setting {@code expression network output}), a user's image model (TorchScript or
 * ONNX, e.g. HSEmotion's EfficientNet-B2 exported with its classifier removed: 1408 values per frame), or
 * existing feature files attached by clip id. Appends {@code Visual features}, {@code Visual feature frames},
 * {@code Visual feature dim} (and {@code Visual features error} with on error = skip).
 */
final class FaceEncoderNodeModel extends ClipEncoderNodeModel {

    static final EncoderNames NAMES = new EncoderNames("visual", "Visual features", "Visual feature frames",
        "Visual feature dim", "Visual features error", FaceEncoderSettings.FACE_TRACK_COLUMN,
        FaceEncoderSettings.BUILT_INS);

    private final RecordModels<FaceModelSettings> m_imageModel = FaceEncoderSettings.imageModel();

    private final SettingsModelString m_expressionOutput = FaceEncoderSettings.expressionOutput();

    FaceEncoderNodeModel() {
        super(NAMES, FaceEncoderSettings.faceTrackColumn(), "knime://knime.workflow/vavl-data/face-features");
        register(m_imageModel.models());
        register(m_expressionOutput);
    }

    @Override
    protected Map<SettingsModel, String> settingsAddedLater() {
        return Map.of(m_expressionOutput, ExpressionFaceEncoder.PART.key());
    }

    @Override
    protected void checkSpecific(final DataTableSpec in) throws InvalidSettingsException {
        FaceEncoderSettings.part(m_expressionOutput);
        if (encoder().modelFile()) {
            m_imageModel.record();
        }
    }

    /** The Face Aligner's column of the number of frames with a face. */
    static final String FRAMES_WITH_FACE = "Frames with face";

    /** The Face Aligner's column of the number of frames read. */
    static final String FRAMES_READ = "Frames read";

    /** A clip without a face track because the Face Aligner found no face in it says so. */
    @Override
    protected String noInput(final Clip clip, final DataTableSpec spec, final String column) {
        final int withFace = spec.findColumnIndex(FRAMES_WITH_FACE);
        if (withFace < 0 || !(clip.row().getCell(withFace) instanceof LongValue)
            || ((LongValue)clip.row().getCell(withFace)).getLongValue() != 0) {
            return super.noInput(clip, spec, column);
        }
        final int read = spec.findColumnIndex(FRAMES_READ);
        final String frames = read >= 0 && clip.row().getCell(read) instanceof LongValue
            ? " (0 of " + ((LongValue)clip.row().getCell(read)).getLongValue() + " frames)" : "";
        return "No face found in clip '" + clip.id() + "'" + frames + ": the Face Aligner made no face track for it,"
            + " so it has no visual features. Check the video (is a face visible and upright?), try the YuNet detector,"
            + " or skip such clips (on error = skip).";
    }

    @Override
    protected ClipEncoder openEncoder(final Path modelFile, final String device, final List<Clip> clips,
        final DataTableSpec in, final Progress progress) throws Exception {
        if (modelFile == null) {
            return FaceEncoderSettings.EXPRESSION.equals(encoder().value())
                ? new ExpressionFaceEncoder(FaceEncoderSettings.part(m_expressionOutput),
                    ExpressionFaceEncoder.DEFAULT_FRAMES_PER_BATCH)
                : new HogFaceEncoder();
        }
        final FaceModelSettings s = m_imageModel.record();
        return ModelFaceEncoder.open(modelFile, s.inputSize(), s.channelOrder(), s.meanValues(), s.stdValues(),
            s.framesPerBatch(), device);
    }
}
