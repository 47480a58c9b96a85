package org.vavl.knime.nodes.common;

import java.util.List;

import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings the Audio Encoder and the Face Encoder share (same keys and meaning in both). Each method creates a
 * new settings model (one for the node model, one for the dialog).
 */
public final class EncoderSettings {

    /** Key of the clip id column. */
    public static final String CLIP_COLUMN = "clip id column";

    /** Key of the encoder choice. */
    public static final String ENCODER = "encoder";

    /** Key of the model file. */
    public static final String MODEL_FILE = "model file";

    /** Key of the folder of existing feature files. */
    public static final String EXISTING_FOLDER = "existing features folder";

    /** Key of the output folder. */
    public static final String OUTPUT_FOLDER = "output folder";

    /** Encoder choice: a user's TorchScript or ONNX file. */
    public static final String ENCODER_MODEL = "model file";

    /** Encoder choice: attach existing {@code <clip>.npy} files instead of encoding. */
    public static final String ENCODER_EXISTING = "existing feature files";

    private EncoderSettings() {
    }

    /** The clip id column, default {@code Clip} (names the feature files). */
    public static SettingsModelString clipColumn() {
        return CommonSettings.clipIdColumn();
    }

    /** The encoder: the node's built-in (default), {@link #ENCODER_MODEL} or {@link #ENCODER_EXISTING}. */
    public static SettingsModelString encoder(final String builtIn) {
        return new SettingsModelString(ENCODER, builtIn);
    }

    /** @return the encoder setting's values: the node's built-in, {@link #ENCODER_MODEL}, {@link #ENCODER_EXISTING} */
    public static List<String> encoders(final String builtIn) {
        return List.of(builtIn, ENCODER_MODEL, ENCODER_EXISTING);
    }

    /**
     * @param builtIns the node's built-in encoders, the default first
     * @return the encoder setting's values: the built-ins, {@link #ENCODER_MODEL}, {@link #ENCODER_EXISTING}
     */
    public static List<String> encoders(final List<String> builtIns) {
        final java.util.ArrayList<String> all = new java.util.ArrayList<>(builtIns);
        all.add(ENCODER_MODEL);
        all.add(ENCODER_EXISTING);
        return List.copyOf(all);
    }

    /** The model file (TorchScript .pt or ONNX .onnx), absolute or relative to the workflow folder. */
    public static SettingsModelString modelFile() {
        return new SettingsModelString(MODEL_FILE, "");
    }

    /** The folder of existing {@code <clip>.npy} files, absolute or relative to the workflow folder. */
    public static SettingsModelString existingFolder() {
        return new SettingsModelString(EXISTING_FOLDER, "");
    }

    /** Where the {@code <clip>.npy} files go, absolute or relative to the workflow folder. */
    public static SettingsModelString outputFolder(final String defaultFolder) {
        return CommonSettings.outputFolder(defaultFolder);
    }
}
