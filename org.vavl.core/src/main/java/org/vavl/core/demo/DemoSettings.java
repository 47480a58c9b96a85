package org.vavl.core.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.vavl.core.media.ClipRecorder;

/**
 * Settings of the demo dataset; immutable, changed with the {@code with...} methods. The defaults make
 * 6 emotions x 8 speakers x 4 clips = 192 clips of about 3 s (480x360, 30 fps, H.264 + 16 kHz AAC in
 * .mp4), split by speaker into 5 Train, 1 Development and 2 Test speakers.
 */
public final class DemoSettings {

    private long m_seed = 2024;

    private int m_speakers = 8;

    private int m_clipsPerEmotion = 4;

    private int m_devSpeakers = 1;

    private int m_testSpeakers = 2;

    private int m_width = 480;

    private int m_height = 360;

    private double m_fps = 30;

    private int m_sampleRate = 16000;

    private ClipRecorder.Format m_format = ClipRecorder.Format.MP4_H264_AAC;

    private int m_threads = Runtime.getRuntime().availableProcessors();

    /** The defaults (see the class comment). */
    public static DemoSettings defaults() {
        return new DemoSettings();
    }

    private DemoSettings copy() {
        final DemoSettings s = new DemoSettings();
        s.m_seed = m_seed;
        s.m_speakers = m_speakers;
        s.m_clipsPerEmotion = m_clipsPerEmotion;
        s.m_devSpeakers = m_devSpeakers;
        s.m_testSpeakers = m_testSpeakers;
        s.m_width = m_width;
        s.m_height = m_height;
        s.m_fps = m_fps;
        s.m_sampleRate = m_sampleRate;
        s.m_format = m_format;
        s.m_threads = m_threads;
        return s;
    }

    /** Seed of every random choice: the same seed and settings give the same dataset. */
    public DemoSettings withSeed(final long seed) {
        final DemoSettings s = copy();
        s.m_seed = seed;
        return s;
    }

    /** Number of speakers (at least 1 + dev + test speakers, at most 90). */
    public DemoSettings withSpeakers(final int speakers) {
        final DemoSettings s = copy();
        s.m_speakers = speakers;
        return s;
    }

    /** Clips per emotion and speaker, 1..12 (one per CREMA-D sentence). */
    public DemoSettings withClipsPerEmotion(final int clips) {
        final DemoSettings s = copy();
        s.m_clipsPerEmotion = clips;
        return s;
    }

    /** Speakers in the Development and the Test split (the others are Train). */
    public DemoSettings withSplit(final int devSpeakers, final int testSpeakers) {
        final DemoSettings s = copy();
        s.m_devSpeakers = devSpeakers;
        s.m_testSpeakers = testSpeakers;
        return s;
    }

    /** Frame size (even numbers). */
    public DemoSettings withFrameSize(final int width, final int height) {
        final DemoSettings s = copy();
        s.m_width = width;
        s.m_height = height;
        return s;
    }

    /** Frames per second. */
    public DemoSettings withFps(final double fps) {
        final DemoSettings s = copy();
        s.m_fps = fps;
        return s;
    }

    /**
     * Container and codecs. {@link ClipRecorder.Format#FLV_FLV1_MP3} (CREMA-D's format) stores the audio
     * at 22050 Hz, because MP3 in FLV cannot hold 16 kHz.
     */
    public DemoSettings withFormat(final ClipRecorder.Format format) {
        final DemoSettings s = copy();
        s.m_format = Objects.requireNonNull(format, "format");
        return s;
    }

    /** Audio sample rate of the voice (Hz). */
    public DemoSettings withSampleRate(final int sampleRate) {
        final DemoSettings s = copy();
        s.m_sampleRate = sampleRate;
        return s;
    }

    /** Clips generated in parallel; does not change the result. */
    public DemoSettings withThreads(final int threads) {
        final DemoSettings s = copy();
        s.m_threads = threads;
        return s;
    }

    public long seed() {
        return m_seed;
    }

    public int speakers() {
        return m_speakers;
    }

    public int clipsPerEmotion() {
        return m_clipsPerEmotion;
    }

    public int devSpeakers() {
        return m_devSpeakers;
    }

    public int testSpeakers() {
        return m_testSpeakers;
    }

    public int width() {
        return m_width;
    }

    public int height() {
        return m_height;
    }

    public double fps() {
        return m_fps;
    }

    /** @return the sample rate the voice is made at */
    public int sampleRate() {
        return m_sampleRate;
    }

    /** @return the sample rate stored in the clips (22050 Hz for MP3 in FLV, else {@link #sampleRate()}) */
    public int storedSampleRate() {
        return m_format == ClipRecorder.Format.FLV_FLV1_MP3 ? 22050 : m_sampleRate;
    }

    public ClipRecorder.Format format() {
        return m_format;
    }

    public int threads() {
        return m_threads;
    }

    /** @return the number of clips these settings make */
    public int clipCount() {
        return DemoEmotion.values().length * m_speakers * m_clipsPerEmotion;
    }

    /** @throws IllegalArgumentException naming the first setting out of range and its allowed range */
    public void check() {
        if (m_clipsPerEmotion < 1 || m_clipsPerEmotion > 12) {
            throw new IllegalArgumentException("Clips per emotion is " + m_clipsPerEmotion + ": use 1..12.");
        }
        if (m_devSpeakers < 0 || m_testSpeakers < 0) {
            throw new IllegalArgumentException("Development and Test speakers must be >= 0.");
        }
        if (m_speakers < 1 + m_devSpeakers + m_testSpeakers || m_speakers > 90) {
            throw new IllegalArgumentException("Speakers is " + m_speakers + ": use " + (1 + m_devSpeakers + m_testSpeakers)
                + "..90 (at least one Train speaker besides " + m_devSpeakers + " Development and " + m_testSpeakers
                + " Test speakers).");
        }
        if (m_width < 160 || m_height < 120 || m_width % 2 != 0 || m_height % 2 != 0) {
            throw new IllegalArgumentException("Frame size " + m_width + "x" + m_height
                + " is not allowed: use even sizes of at least 160x120.");
        }
        if (m_fps < 5 || m_fps > 60) {
            throw new IllegalArgumentException("Frame rate " + m_fps + " is not allowed: use 5..60.");
        }
        if (m_sampleRate < 8000 || m_sampleRate > 48000) {
            throw new IllegalArgumentException("Sample rate " + m_sampleRate + " is not allowed: use 8000..48000 Hz.");
        }
        if (m_threads < 1) {
            throw new IllegalArgumentException("Threads is " + m_threads + ": use at least 1.");
        }
    }

    /** @return the settings that determine the dataset's content (threads excluded), as recorded with it */
    public Map<String, String> asMap() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("generator", DemoDataset.GENERATOR_VERSION);
        m.put("seed", Long.toString(m_seed));
        m.put("speakers", Integer.toString(m_speakers));
        m.put("clipsPerEmotion", Integer.toString(m_clipsPerEmotion));
        m.put("devSpeakers", Integer.toString(m_devSpeakers));
        m.put("testSpeakers", Integer.toString(m_testSpeakers));
        m.put("width", Integer.toString(m_width));
        m.put("height", Integer.toString(m_height));
        m.put("fps", String.format(Locale.ROOT, "%.3f", m_fps));
        m.put("sampleRate", Integer.toString(m_sampleRate));
        m.put("format", m_format.name());
        return m;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
