package org.vavl.knime.nodes.faceencoder;

import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.knime.nodes.common.ClipEncoderNodeDialog;

/**
 * The Face Encoder's dialog; the Model file tab applies to the model-file encoder, the Expression network tab to the
 * built-in expression network.
 */
final class FaceEncoderNodeDialog extends ClipEncoderNodeDialog {

    private final SettingsModelString m_expressionOutput = FaceEncoderSettings.expressionOutput();

    FaceEncoderNodeDialog() {
        super("vavl.faceencoder", FaceEncoderSettings.faceTrackColumn(), "Face track column",
            FaceEncoderSettings.BUILT_INS, java.util.List.of("Built-in HOG (no weights)",
                "Built-in expression network (face-api: 7 expression probabilities + 256-value embedding)"),
            "knime://knime.workflow/vavl-data/face-features");

        createNewTab("Model file");
        final SettingsModelIntegerBounded inputSize = FaceEncoderSettings.inputSize();
        final SettingsModelString channelOrder = FaceEncoderSettings.channelOrder();
        final SettingsModelString mean = FaceEncoderSettings.mean();
        final SettingsModelString std = FaceEncoderSettings.std();
        final SettingsModelIntegerBounded framesPerBatch = FaceEncoderSettings.framesPerBatch();
        forModelFile(inputSize, channelOrder, mean, std, framesPerBatch);
        addDialogComponent(new DialogComponentNumber(inputSize, "Input size (pixels)", 4));
        addDialogComponent(new DialogComponentStringSelection(channelOrder, "Channel order", "RGB", "BGR"));
        addDialogComponent(new DialogComponentString(mean, "Normalisation mean (R, G, B)", true, 20));
        addDialogComponent(new DialogComponentString(std, "Normalisation std (R, G, B)", true, 20));
        addDialogComponent(new DialogComponentNumber(framesPerBatch, "Frames per batch", 1));
        addDevice();

        createNewTab("Expression network");
        addDialogComponent(new DialogComponentButtonGroup(m_expressionOutput, "Values per frame", true,
            new String[] {"7 expression probabilities + 256-value embedding (263)", "7 expression probabilities",
                "256-value embedding"}, FaceEncoderSettings.EXPRESSION_OUTPUTS.toArray(new String[0])));

        addExecutionTab();
        followEncoder();
    }

    @Override
    protected void updateEnabled() {
        super.updateEnabled();
        if (m_expressionOutput != null) { // null while the superclass constructs
            m_expressionOutput.setEnabled(FaceEncoderSettings.EXPRESSION.equals(chosenEncoder()));
        }
    }
}
