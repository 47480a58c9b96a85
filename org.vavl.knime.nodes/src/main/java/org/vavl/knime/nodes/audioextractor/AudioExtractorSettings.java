package org.vavl.knime.nodes.audioextractor;

import java.util.List;

import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.media.AudioSampleFormat;
import org.vavl.knime.nodes.common.CommonSettings;

/** The Audio Extractor's settings, created by static methods shared by the model and the dialog. */
final class AudioExtractorSettings {

    /** Default of the output folder. */
    static final String DEFAULT_OUTPUT_FOLDER = "knime://knime.workflow/vavl-data/audio";

    /** Allowed values of "sample format". */
    static final List<String> SAMPLE_FORMATS =
        List.of(AudioSampleFormat.PCM_16.settingValue(), AudioSampleFormat.FLOAT_32.settingValue());

    private AudioExtractorSettings() {
    }

    /** The column with each clip's media file (default: the Video Reader's {@code Path}). */
    static SettingsModelString pathColumn() {
        return CommonSettings.pathColumn();
    }

    /** The column with each clip's id (default {@code Clip}); without it the id is the file's base name. */
    static SettingsModelString clipColumn() {
        return CommonSettings.clipIdColumn();
    }

    /** Output folder, absolute or relative to the workflow. */
    static SettingsModelString outputFolder() {
        return CommonSettings.outputFolder(DEFAULT_OUTPUT_FOLDER);
    }

    /** Target sample rate in Hz (default 16000, as VAVL). */
    static SettingsModelIntegerBounded sampleRate() {
        return new SettingsModelIntegerBounded("sample rate", 16000, 1000, 384000);
    }

    /** "16-bit PCM" (default) or "32-bit float". */
    static SettingsModelString sampleFormat() {
        return new SettingsModelString("sample format", AudioSampleFormat.PCM_16.settingValue());
    }

    /** Maximum duration in seconds; 0 = no limit (the reference cuts at 12 s). */
    static SettingsModelDoubleBounded maxDuration() {
        return new SettingsModelDoubleBounded("maximum duration", 0, 0, 1e7);
    }

    static SettingsModelIntegerBounded threads() {
        return CommonSettings.threads();
    }

    static SettingsModelString onError() {
        return CommonSettings.onError();
    }

    static SettingsModelString overwrite() {
        return CommonSettings.overwrite();
    }
}
