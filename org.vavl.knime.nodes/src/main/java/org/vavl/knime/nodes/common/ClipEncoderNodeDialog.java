package org.vavl.knime.nodes.common;

import javax.swing.JFileChooser;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.StringValue;

import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The dialog parts the Audio Encoder and the Face Encoder share (the settings of {@link ClipEncoderNodeModel}): the
 * first tab (input columns, encoder choice, output), the device selection and the Execution tab. A node's dialog
 * adds its own tabs after the first one, then calls {@link #addExecutionTab()}.
 * <p>
 * Settings are enabled only for the encoder they apply to, also when the dialog opens: the model file (and the
 * settings a subclass registers with {@link #forModelFile}) for the model-file encoder, the settings registered with
 * {@link #forBuiltIn} for the built-in encoder, the existing-features folder for existing feature files (which
 * need no input column, output folder nor overwrite policy).
 */
public abstract class ClipEncoderNodeDialog extends EnablingSettingsPane {

    private final String m_builtIn;

    private final SettingsModelString m_encoder;

    private final SettingsModelString m_inputColumn;

    private final SettingsModelString m_modelFile = EncoderSettings.modelFile();

    private final SettingsModelString m_existingFolder = EncoderSettings.existingFolder();

    private final SettingsModelString m_outputFolder;

    private final SettingsModelString m_overwrite = CommonSettings.overwrite();

    private final List<SettingsModel> m_forBuiltIn = new ArrayList<>();

    private final List<SettingsModel> m_forModelFile = new ArrayList<>();

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
    protected ClipEncoderNodeDialog(final String historyId, final SettingsModelString inputColumn,
        final String inputLabel, final String builtIn, final String builtInLabel, final String defaultOutputFolder) {
        this(historyId, inputColumn, inputLabel, List.of(builtIn), List.of(builtInLabel), defaultOutputFolder);
    }

    /**
     * Fills the first tab for a node with several built-in encoders.
     *
     * @param historyId prefix of the file choosers' history ids
     * @param inputColumn the input column setting
     * @param inputLabel its label
     * @param builtIns the encoder setting values of the built-in encoders, the default first (the settings
     *        registered with {@link #forBuiltIn} apply to it)
     * @param builtInLabels the labels of their buttons
     * @param defaultOutputFolder default of the output folder setting
     */
    @SuppressWarnings("unchecked")
    protected ClipEncoderNodeDialog(final String historyId, final SettingsModelString inputColumn,
        final String inputLabel, final List<String> builtIns, final List<String> builtInLabels,
        final String defaultOutputFolder) {
        final String builtIn = builtIns.get(0);
        m_builtIn = builtIn;
        m_encoder = EncoderSettings.encoder(builtIn);
        m_inputColumn = inputColumn;
        m_outputFolder = EncoderSettings.outputFolder(defaultOutputFolder);
        createNewGroup("Input");
        addDialogComponent(new DialogComponentColumnNameSelection(EncoderSettings.clipColumn(), "Clip id column", 0,
            true, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(inputColumn, inputLabel, 0, false,
            StringValue.class));
        closeCurrentGroup();
        createNewGroup("Encoder");
        addDialogComponent(new DialogComponentButtonGroup(m_encoder, "Encoder", true,
            labels(builtInLabels), EncoderSettings.encoders(builtIns).toArray(new String[0])));
        final DialogComponentFileChooser model = new DialogComponentFileChooser(m_modelFile, historyId + ".model",
            JFileChooser.OPEN_DIALOG, false, ".pt|.onnx|.pth");
        model.setBorderTitle("Encoder model file (.pt or .onnx)");
        addDialogComponent(model);
        final DialogComponentFileChooser existing = new DialogComponentFileChooser(m_existingFolder,
            historyId + ".existing", JFileChooser.OPEN_DIALOG, true);
        existing.setBorderTitle("Folder of existing <clip>.npy feature files");
        addDialogComponent(existing);
        closeCurrentGroup();
        createNewGroup("Output");
        final DialogComponentFileChooser output = new DialogComponentFileChooser(m_outputFolder,
            historyId + ".output", JFileChooser.SAVE_DIALOG, true);
        output.setBorderTitle("Output folder for the <clip>.npy feature files");
        addDialogComponent(output);
        addDialogComponent(new DialogComponentButtonGroup(m_overwrite, "Existing outputs", false,
            new String[]{"Keep", "Make again if the settings or model changed", "Always make again"},
            CommonSettings.OVERWRITE_VALUES.toArray(new String[0])));
        closeCurrentGroup();
    }

    private static String[] labels(final List<String> builtInLabels) {
        final List<String> all = new ArrayList<>(builtInLabels);
        all.add("Model file (TorchScript .pt or ONNX .onnx)");
        all.add("Existing feature files (<clip>.npy)");
        return all.toArray(new String[0]);
    }

    /** Adds the device selection (auto, cpu, gpu) to the current tab; it applies to the model file. */
    protected final void addDevice() {
        final SettingsModelString device = CommonSettings.device();
        forModelFile(device);
        addDialogComponent(new DialogComponentStringSelection(device, "Device", CommonSettings.DEVICE_VALUES));
    }

    /** Registers settings that apply to the built-in encoder only. */
    protected final void forBuiltIn(final SettingsModel... models) {
        m_forBuiltIn.addAll(List.of(models));
    }

    /** Registers settings that apply to the model-file encoder only. */
    protected final void forModelFile(final SettingsModel... models) {
        m_forModelFile.addAll(List.of(models));
    }

    /** Listens to the encoder choice and sets the enabled states; a subclass calls it at the end of its constructor. */
    protected final void followEncoder() {
        m_encoder.addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    /** Enables the settings of the chosen encoder; subclasses extend it for their dependent settings. */
    @Override
    protected void updateEnabled() {
        final String e = m_encoder.getStringValue();
        final boolean existing = EncoderSettings.ENCODER_EXISTING.equals(e);
        final boolean model = EncoderSettings.ENCODER_MODEL.equals(e);
        m_modelFile.setEnabled(model);
        m_existingFolder.setEnabled(existing);
        m_inputColumn.setEnabled(!existing);
        m_outputFolder.setEnabled(!existing);
        m_overwrite.setEnabled(!existing);
        m_forBuiltIn.forEach(m -> m.setEnabled(m_builtIn.equals(e)));
        m_forModelFile.forEach(m -> m.setEnabled(model));
    }

    /** @return the encoder setting's current value (a built-in's name, the model file or existing files) */
    protected final String chosenEncoder() {
        return m_encoder.getStringValue();
    }

    /** @return whether the model-file encoder is chosen */
    protected final boolean modelFileChosen() {
        return EncoderSettings.ENCODER_MODEL.equals(m_encoder.getStringValue());
    }

    /** Adds the Execution tab: threads and on error. */
    protected final void addExecutionTab() {
        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(CommonSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(CommonSettings.onError(), "On error", false,
            new String[]{"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));
    }
}
