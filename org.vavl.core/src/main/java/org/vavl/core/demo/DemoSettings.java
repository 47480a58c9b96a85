package org.vavl.core.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.vavl.core.media.ClipRecorder;
import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * Settings of the demo dataset, each stated once as a {@link Setting} (the Demo Dataset node's settings models and
 * dialog are derived from the same objects); change them with {@link #SETTINGS}' builder. The defaults make
 * 6 emotions x 8 speakers x 4 clips = 192 clips of about 3 s (480x360, 30 fps, H.264 + 16 kHz AAC in
 * .mp4), split by speaker into 5 Train, 1 Development and 2 Test speakers.
 *
 * @param seed seed of every random choice: the same seed and settings give the same dataset
 * @param speakers number of synthetic speakers (each has their own face look and voice)
 * @param clipsPerEmotion clips per speaker and emotion (each with a different sentence), 1..12
 * @param devSpeakers speakers of the Development split
 * @param testSpeakers speakers of the Test split
 * @param width frame width in pixels (even)
 * @param height frame height in pixels (even)
 * @param fps frame rate
 * @param sampleRate sample rate of the voice in Hz (stored as is in .mp4; .flv stores 22050 Hz)
 * @param format container and codecs of the clips
 * @param threads clips generated at once
 */
public record DemoSettings(int seed, int speakers, int clipsPerEmotion, int devSpeakers, int testSpeakers, int width,
    int height, double fps, int sampleRate, ClipRecorder.Format format, int threads) {

    /** Seed of every random choice. */
    public static final Setting<Integer> SEED = Setting.integer("seed", 2024, 0, Integer.MAX_VALUE)
        .withLabel("Seed").withDescription("Seed of every random choice: the same seed and settings give the same "
            + "dataset on every machine.");

    /** Number of synthetic speakers. */
    public static final Setting<Integer> SPEAKERS = Setting.integer("speakers", 8, 1, 90).withLabel("Speakers")
        .withDescription("Synthetic speakers, each with their own face and voice; at least one Train speaker "
            + "besides the Development and Test speakers.");

    /** Clips per speaker and emotion. */
    public static final Setting<Integer> CLIPS_PER_EMOTION = Setting.integer("clipsPerEmotion", 4, 1, 12)
        .withKey("clips per emotion").withLabel("Clips per emotion and speaker")
        .withDescription("Clips per speaker and emotion, each with a different sentence.");

    /** Speakers of the Development split. */
    public static final Setting<Integer> DEV_SPEAKERS = Setting.integer("devSpeakers", 1, 0, 89)
        .withLabel("Development speakers");

    /** Speakers of the Test split. */
    public static final Setting<Integer> TEST_SPEAKERS = Setting.integer("testSpeakers", 2, 0, 89)
        .withLabel("Test speakers");

    /** Frame width in pixels. */
    public static final Setting<Integer> WIDTH = Setting.integer("width", 480, 160, 3840).withLabel("Frame width");

    /** Frame height in pixels. */
    public static final Setting<Integer> HEIGHT = Setting.integer("height", 360, 120, 2160).withLabel("Frame height");

    /** Frame rate. */
    public static final Setting<Double> FPS = Setting.decimal("fps", 30, 5, 60).withLabel("Frame rate");

    /** Sample rate of the voice in Hz. */
    public static final Setting<Integer> SAMPLE_RATE = Setting.integer("sampleRate", 16000, 8000, 48000)
        .withLabel("Sample rate");

    /** Container and codecs of the clips. */
    public static final Setting<ClipRecorder.Format> FORMAT = Setting.choice("format", ClipRecorder.Format.class,
        ClipRecorder.Format.MP4_H264_AAC, ClipRecorder.Format::settingName).withLabel("Format")
        .withDescription("mp4: H.264 video and AAC audio, the common format of new clips; flv: Sorenson H.263 video "
            + "and MP3 audio, the format of CREMA-D's videos; flv-h264: H.264 and AAC in FLV.");

    /** Clips generated at once. */
    public static final Setting<Integer> THREADS = Setting.integer("threads",
        Runtime.getRuntime().availableProcessors(), 1, 1024).withLabel("Threads");

    /** All settings, in the record's order. */
    public static final RecordSettings<DemoSettings> SETTINGS = RecordSettings.of(DemoSettings.class, SEED, SPEAKERS,
        CLIPS_PER_EMOTION, DEV_SPEAKERS, TEST_SPEAKERS, WIDTH, HEIGHT, FPS, SAMPLE_RATE, FORMAT, THREADS);

    /**
     * Checks the rules that join several settings (each value's bounds are checked by its {@link Setting}).
     *
     * @throws IllegalArgumentException saying what to change
     */
    public DemoSettings {
        if (speakers < 1 + devSpeakers + testSpeakers) {
            throw new IllegalArgumentException("Speakers is " + speakers + ": use " + (1 + devSpeakers + testSpeakers)
                + "..90 (at least one Train speaker besides " + devSpeakers + " Development and " + testSpeakers
                + " Test speakers).");
        }
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException(
                "Frame size " + width + "x" + height + " is not allowed: use even sizes of at least 160x120.");
        }
    }

    /** The defaults (see the class comment). */
    public static DemoSettings defaults() {
        return SETTINGS.defaults();
    }

    /** @return a builder holding these settings */
    public RecordSettings.Builder<DemoSettings> toBuilder() {
        return SETTINGS.builder(this);
    }

    /** @return the sample rate stored in the files (22050 Hz in .flv, whose MP3 encoder resamples) */
    public int storedSampleRate() {
        return format == ClipRecorder.Format.FLV_FLV1_MP3 ? 22050 : sampleRate;
    }

    /** @return the number of clips: 6 emotions x speakers x clips per emotion */
    public int clipCount() {
        return DemoEmotion.values().length * speakers * clipsPerEmotion;
    }

    /**
     * The settings that decide the dataset's files (not the threads), as recorded with a dataset and compared when it
     * is reused: the generator's version, then each setting by name.
     *
     * @return the record, in a fixed order
     */
    public Map<String, String> asMap() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("generator", DemoDataset.GENERATOR_VERSION);
        m.putAll(SETTINGS.toMap(this));
        m.remove(THREADS.name());
        // datasets made by version 1.0 recorded the frame rate with three decimals: keep them valid
        m.put(FPS.name(), String.format(Locale.ROOT, "%.3f", fps));
        return m;
    }
}
