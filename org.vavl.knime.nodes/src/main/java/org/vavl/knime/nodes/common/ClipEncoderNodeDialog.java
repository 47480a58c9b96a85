package org.vavl.knime.nodes.common;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The dialog parts the Audio Encoder and the Face Encoder share (the settings of {@link ClipEncoderNodeModel}): the
 * first tab (input columns, encoder choice, output), the device selection and the Execution tab. A node's dialog
 * adds its own tabs after the first one, then calls {@link #addExecutionTab()}.
 */
public abstract class ClipEncoderNodeDialog extends DefaultNodeSettingsPane {

    /**
     * Fills the first tab: Input, Encoder and Output groups.
     *
     * @param historyId prefix of the file choosers' history ids, e.g. {@code vavl.audioencoder}
     * @param inputColumn the input column setting
     * @param inputLabel its label, e.g. {@code Audio (WAV) column}
     * @param builtIn the encoder setting value of the built-in encoder
     * @param builtInLabel the label of the built-in encoder's button
     * @param defaultOutputFolder default of the output folder setting
     */
    @SuppressWarnings("unchecked")
    protected ClipEncoderNodeDialog(final String historyId, final SettingsModelString inputColumn,
        final String inputLabel, final String builtIn, final String builtInLabel, final String defaultOutputFolder) {
        createNewGroup("Input");
        addDialogComponent(new DialogComponentColumnNameSelection(EncoderSettings.clipColumn(), "Clip id column", 0,
            true, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(inputColumn, inputLabel, 0, false,
            StringValue.class));
        closeCurrentGroup();
        createNewGroup("Encoder");
        addDialogComponent(new DialogComponentButtonGroup(EncoderSettings.encoder(builtIn), "Encoder", true,
            new String[]{builtInLabel, "Model file (TorchScript .pt or ONNX .onnx)",
                "Existing feature files (<clip>.npy)"},
            EncoderSettings.encoders(builtIn).toArray(new String[0])));
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.modelFile(), historyId + ".model",
            JFileChooser.OPEN_DIALOG, false, ".pt|.onnx|.pth"));
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.existingFolder(), historyId + ".existing",
            JFileChooser.OPEN_DIALOG, true));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.outputFolder(defaultOutputFolder),
            historyId + ".output", JFileChooser.SAVE_DIALOG, true));
        addDialogComponent(new DialogComponentButtonGroup(CommonSettings.overwrite(), "Existing outputs", false,
            new String[]{"Keep", "Make again if the settings or model changed", "Always make again"},
            CommonSettings.OVERWRITE_VALUES.toArray(new String[0])));
        closeCurrentGroup();
    }

    /** Adds the device selection (auto, cpu, gpu) to the current tab. */
    protected final void addDevice() {
        addDialogComponent(new DialogComponentStringSelection(CommonSettings.device(), "Device",
            CommonSettings.DEVICE_VALUES));
    }

    /** Adds the Execution tab: threads and on error. */
    protected final void addExecutionTab() {
        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(CommonSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(CommonSettings.onError(), "On error", false,
            new String[]{"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));
    }
}
