package org.vavl.knime.nodes.common;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * An encoder node's choice of encoder and the settings that go with it (see {@link EncoderSettings}): the encoder
 * (a built-in, {@link EncoderSettings#ENCODER_MODEL} or {@link EncoderSettings#ENCODER_EXISTING}), the model file
 * and the folder of existing feature files, in the order they are saved, and the device a model file runs on.
 */
public final class EncoderChoice {

    private final Supplier<List<String>> m_choices;

    private final SettingsModelString m_encoder;

    private final SettingsModelString m_modelFile = EncoderSettings.modelFile();

    private final SettingsModelString m_existingFolder = EncoderSettings.existingFolder();

    private final SettingsModelString m_device = CommonSettings.device();

    /**
     * @param builtIn the default encoder
     * @param choices the node's encoder choices (asked when checked)
     */
    EncoderChoice(final String builtIn, final Supplier<List<String>> choices) {
        m_choices = choices;
        m_encoder = EncoderSettings.encoder(builtIn);
    }

    /** @return the models of the encoder, the model file and the existing-features folder, in the order saved */
    List<SettingsModel> models() {
        return List.of(m_encoder, m_modelFile, m_existingFolder);
    }

    /** @return the device's model ("auto", "cpu", "gpu"), saved after the node's output settings */
    SettingsModel deviceModel() {
        return m_device;
    }

    /** @return the device setting, checked */
    String device() throws InvalidSettingsException {
        return CommonSettings.device(m_device);
    }

    /** @return the encoder setting's value */
    public String value() {
        return m_encoder.getStringValue();
    }

    /** @return true when existing feature files are attached instead of encoding */
    public boolean existing() {
        return EncoderSettings.ENCODER_EXISTING.equals(value());
    }

    /** @return true when a user's model file is used */
    public boolean modelFile() {
        return EncoderSettings.ENCODER_MODEL.equals(value());
    }

    /** Checks the device, the encoder, that a model file is given when used, and the existing-features folder. */
    void check() throws InvalidSettingsException {
        device();
        check(value());
        final String f = m_modelFile.getStringValue();
        if (modelFile() && (f == null || f.isBlank())) {
            throw new InvalidSettingsException("Encoder 'model file' needs a model file (TorchScript .pt or"
                + " ONNX .onnx, see docs/encoders.md), or choose the built-in encoder.");
        }
        if (existing()) {
            existingFolder();
        }
    }

    /** Checks the device and the encoder among saved settings. */
    void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        final SettingsModelString device = CommonSettings.device();
        device.loadSettingsFrom(settings);
        CommonSettings.device(device);
        check(settings.getString(m_encoder.getKey()));
    }

    private void check(final String encoder) throws InvalidSettingsException {
        if (!m_choices.get().contains(encoder)) {
            throw new InvalidSettingsException("Unknown encoder '" + encoder + "': use one of " + m_choices.get()
                + ".");
        }
    }

    /** @return the model file, resolved, or null when the encoder is not a model file */
    Path modelFilePath() throws InvalidSettingsException {
        return modelFile() ? WorkflowPaths.resolveFile(m_modelFile.getStringValue(), EncoderSettings.MODEL_FILE) : null;
    }

    /** @return the folder of existing feature files, resolved */
    Path existingFolder() throws InvalidSettingsException {
        return WorkflowPaths.resolveFolder(m_existingFolder.getStringValue(), EncoderSettings.EXISTING_FOLDER);
    }
}
