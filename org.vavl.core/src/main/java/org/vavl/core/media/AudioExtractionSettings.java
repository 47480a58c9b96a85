package org.vavl.core.media;

import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * What the {@link AudioExtractor} makes of each clip, each setting stated once (the Audio Extractor node's settings
 * models and dialog are derived from the same objects).
 *
 * @param sampleRate target rate in Hz (16000, as VAVL)
 * @param sampleFormat sample format of the WAV files
 * @param maxSeconds cut each clip after this many seconds; 0 for no limit (the reference cuts at
 *            {@value AudioExtractor#REFERENCE_MAX_SECONDS} s)
 */
public record AudioExtractionSettings(int sampleRate, AudioSampleFormat sampleFormat, double maxSeconds) {

    /** Target sample rate in Hz. */
    public static final Setting<Integer> SAMPLE_RATE = Setting.integer("sampleRate", 16000, 1000, 384000)
        .withKey("sample rate").withLabel("Sample rate (Hz)");

    /** Sample format of the WAV files, saved by its label ("16-bit PCM" / "32-bit float"). */
    public static final Setting<AudioSampleFormat> SAMPLE_FORMAT = Setting.choice("sampleFormat",
        AudioSampleFormat.class, AudioSampleFormat.PCM_16, AudioSampleFormat::settingValue)
        .withKey("sample format").withLabel("Sample format");

    /** Maximum duration in seconds, 0 = no limit. */
    public static final Setting<Double> MAX_SECONDS = Setting.decimal("maxSeconds", 0, 0, 1e7)
        .withKey("maximum duration").withLabel("Maximum duration (s, 0 = no limit)");

    /** All settings, in the record's order. */
    public static final RecordSettings<AudioExtractionSettings> SETTINGS =
        RecordSettings.of(AudioExtractionSettings.class, SAMPLE_RATE, SAMPLE_FORMAT, MAX_SECONDS);

    /** @return 16 kHz, 16-bit PCM, no maximum duration */
    public static AudioExtractionSettings defaults() {
        return SETTINGS.defaults();
    }
}
