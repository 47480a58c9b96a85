package org.vavl.knime.nodes.faceencoder;

import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.ClipEncoderNodeDialog;

/** The Face Encoder's dialog. */
final class FaceEncoderNodeDialog extends ClipEncoderNodeDialog {

    FaceEncoderNodeDialog() {
        super("vavl.faceencoder", FaceEncoderSettings.faceTrackColumn(), "Face track column",
            FaceEncoderSettings.BUILT_IN, "Built-in HOG (no weights)", "knime://knime.workflow/vavl-data/face-features");

        createNewTab("Model file");
        addDialogComponent(new DialogComponentNumber(FaceEncoderSettings.inputSize(), "Input size (pixels)", 4));
        addDialogComponent(new DialogComponentStringSelection(FaceEncoderSettings.channelOrder(), "Channel order",
            "RGB", "BGR"));
        addDialogComponent(new DialogComponentString(FaceEncoderSettings.mean(), "Normalisation mean (R, G, B)", true,
            20));
        addDialogComponent(new DialogComponentString(FaceEncoderSettings.std(), "Normalisation std (R, G, B)", true,
            20));
        addDialogComponent(new DialogComponentNumber(FaceEncoderSettings.framesPerBatch(), "Frames per batch", 1));
        addDevice();

        addExecutionTab();
    }
}
