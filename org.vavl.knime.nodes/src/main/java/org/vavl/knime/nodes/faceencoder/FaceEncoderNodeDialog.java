package org.vavl.knime.nodes.faceencoder;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.EncoderSettings;

/** The Face Encoder's dialog. */
final class FaceEncoderNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    FaceEncoderNodeDialog() {
        createNewGroup("Input");
        addDialogComponent(new DialogComponentColumnNameSelection(EncoderSettings.clipColumn(), "Clip id column", 0,
            true, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(FaceEncoderSettings.faceTrackColumn(),
            "Face track column", 0, false, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Encoder");
        addDialogComponent(new DialogComponentButtonGroup(FaceEncoderSettings.encoder(), "Encoder", true,
            new String[]{"Built-in HOG (no weights)", "Model file (TorchScript .pt or ONNX .onnx)",
                "Existing feature files (<clip>.npy)"},
            FaceEncoderSettings.ENCODERS.toArray(new String[0])));
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.modelFile(), "vavl.faceencoder.model",
            JFileChooser.OPEN_DIALOG, false, ".pt|.onnx|.pth"));
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.existingFolder(),
            "vavl.faceencoder.existing", JFileChooser.OPEN_DIALOG, true));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.outputFolder("vavl-data/face-features"),
            "vavl.faceencoder.output", JFileChooser.SAVE_DIALOG, true));
        addDialogComponent(new DialogComponentButtonGroup(CommonSettings.overwrite(), "Existing outputs", false,
            new String[]{"Keep", "Make again if the settings or model changed", "Always make again"},
            CommonSettings.OVERWRITE_VALUES.toArray(new String[0])));
        closeCurrentGroup();

        createNewTab("Model file");
        addDialogComponent(new DialogComponentNumber(FaceEncoderSettings.inputSize(), "Input size (pixels)", 4));
        addDialogComponent(new DialogComponentStringSelection(FaceEncoderSettings.channelOrder(), "Channel order",
            "RGB", "BGR"));
        addDialogComponent(new DialogComponentString(FaceEncoderSettings.mean(), "Normalisation mean (R, G, B)", true,
            20));
        addDialogComponent(new DialogComponentString(FaceEncoderSettings.std(), "Normalisation std (R, G, B)", true,
            20));
        addDialogComponent(new DialogComponentNumber(FaceEncoderSettings.framesPerBatch(), "Frames per batch", 1));
        addDialogComponent(new DialogComponentStringSelection(CommonSettings.device(), "Device",
            CommonSettings.DEVICE_VALUES));

        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(CommonSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(CommonSettings.onError(), "On error", false,
            new String[]{"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));
    }
}
