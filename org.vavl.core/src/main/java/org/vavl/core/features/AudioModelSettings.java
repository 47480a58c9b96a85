package org.vavl.core.features;

import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * How a user's speech model is applied ({@link ModelAudioEncoder#open}), each setting stated once (the Audio
 * Encoder node's settings models and dialog are derived from the same objects).
 *
 * @param normalisation the waveform normalisation
 * @param mean the waveform mean, for statistics normalisation with given statistics
 * @param std the waveform standard deviation, for statistics normalisation with given statistics
 * @param longAudio what happens to audio longer than {@code maxSeconds}
 * @param maxSeconds maximum length per model call (the reference: 12 s); 0: no limit
 * @param clipsPerBatch clips per model call (1: exact per-clip features)
 */
public record AudioModelSettings(WaveformNormalisation.Mode normalisation, double mean, double std,
    ModelAudioEncoder.LongAudio longAudio, double maxSeconds, int clipsPerBatch) {

    /** The waveform normalisation, saved by its label ("none", "per utterance", "statistics"). */
    public static final Setting<WaveformNormalisation.Mode> NORMALISATION = Setting.choice("normalisation",
        WaveformNormalisation.Mode.class, WaveformNormalisation.Mode.PER_UTTERANCE,
        WaveformNormalisation.Mode::settingValue).withKey("waveform normalisation").withLabel("Normalisation");

    /** The waveform mean of statistics normalisation. */
    public static final Setting<Double> MEAN = Setting.decimal("mean", 0, -Double.MAX_VALUE, Double.MAX_VALUE)
        .withKey("waveform mean").withLabel("Mean");

    /** The waveform standard deviation of statistics normalisation. */
    public static final Setting<Double> STD = Setting.decimal("std", 1, 1e-12, 1e12).withKey("waveform std")
        .withLabel("Std");

    /** Cut or chunk long audio, saved by its label ("cut", "chunk"). */
    public static final Setting<ModelAudioEncoder.LongAudio> LONG_AUDIO = Setting.choice("longAudio",
        ModelAudioEncoder.LongAudio.class, ModelAudioEncoder.LongAudio.CUT, ModelAudioEncoder.LongAudio::settingValue)
        .withKey("long audio").withLabel("Longer than the maximum");

    /** Maximum audio length per model call in seconds, 0 = none. */
    public static final Setting<Double> MAX_SECONDS = Setting.decimal("maxSeconds",
        ModelAudioEncoder.DEFAULT_MAX_SECONDS, 0, 3600).withKey("max seconds").withLabel("Maximum (s, 0 = none)");

    /** Clips per model call. */
    public static final Setting<Integer> CLIPS_PER_BATCH = Setting.integer("clipsPerBatch", 1, 1, 256)
        .withKey("clips per batch").withLabel("Clips per batch");

    /** All settings, in the record's order. */
    public static final RecordSettings<AudioModelSettings> SETTINGS = RecordSettings.of(AudioModelSettings.class,
        NORMALISATION, MEAN, STD, LONG_AUDIO, MAX_SECONDS, CLIPS_PER_BATCH);

    /** @return the normalisation with the given statistics when it is statistics normalisation, else its own */
    public WaveformNormalisation waveformNormalisation() {
        return switch (normalisation) {
            case NONE -> WaveformNormalisation.none();
            case PER_UTTERANCE -> WaveformNormalisation.perUtterance();
            case STATISTICS -> WaveformNormalisation.statistics(mean, std);
        };
    }

    /** @return the samples statistics may read per clip at 16 kHz: up to the cut of {@code cut} audio, else all (0) */
    public long statisticsSamples() {
        return longAudio == ModelAudioEncoder.LongAudio.CUT && maxSeconds > 0
            ? Math.round(maxSeconds * Waveform.SAMPLE_RATE) : 0;
    }
}
