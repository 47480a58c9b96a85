package org.vavl.core.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.vavl.core.util.AtomicFiles;

/**
 * Writes a clip (a video file with an optional audio track) frame by frame with JavaCV's
 * {@link FFmpegFrameRecorder}: streaming, so memory does not grow with the clip's length.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * try (ClipRecorder rec = ClipRecorder.builder(path, 480, 360)
 *         .format(ClipRecorder.Format.MP4_H264_AAC).frameRate(30).audio(16000, 1).start()) {
 *     for (...) {
 *         rec.addFrame(image);          // BufferedImage, or addFrameBgr / addFrameRgb with packed bytes
 *         rec.addAudio(monoSamples);    // float samples in [-1, 1], any chunk size
 *     }
 *     rec.finish();                     // completes the file and moves it into place
 * }                                     // close() without finish() deletes the partial file
 * }</pre>
 *
 * <p>The file is written under a temporary name in the target's folder and renamed to the target by
 * {@link #finish()}, so a failed or cancelled recording never leaves a half-written clip behind. The
 * container format is set explicitly (from {@link Format}), not guessed from the file name, so any
 * target name works (e.g. the temporary names of {@code ClipOutputStore}).
 *
 * <p>Not thread safe: one thread per recorder; different recorders may run concurrently.
 */
public final class ClipRecorder implements AutoCloseable {

    /** Container, video codec and audio codec of a clip. Pixel format is always yuv420p. */
    public enum Format {
        /** MP4 with H.264 video (OpenH264 encoder) and AAC audio: the common format of new clips. */
        MP4_H264_AAC("mp4", avcodec.AV_CODEC_ID_H264, avcodec.AV_CODEC_ID_AAC, "mp4"),
        /** FLV with Sorenson H.263 video (flv1) and MP3 audio: the format of CREMA-D's videos. */
        FLV_FLV1_MP3("flv", avcodec.AV_CODEC_ID_FLV1, avcodec.AV_CODEC_ID_MP3, "flv"),
        /** FLV with H.264 video and AAC audio. */
        FLV_H264_AAC("flv", avcodec.AV_CODEC_ID_H264, avcodec.AV_CODEC_ID_AAC, "flv");

        private final String m_container;

        private final int m_videoCodec;

        private final int m_audioCodec;

        private final String m_extension;

        Format(final String container, final int videoCodec, final int audioCodec, final String extension) {
            m_container = container;
            m_videoCodec = videoCodec;
            m_audioCodec = audioCodec;
            m_extension = extension;
        }

        /** @return the FFmpeg muxer name ("mp4", "flv") */
        public String container() {
            return m_container;
        }

        /** @return the usual file extension without the dot ("mp4", "flv") */
        public String extension() {
            return m_extension;
        }

        /** @return the codec name FFmpeg reports when such a clip is probed ("h264", "flv1") */
        public String videoCodecName() {
            return m_videoCodec == avcodec.AV_CODEC_ID_H264 ? "h264" : "flv1";
        }

        /** @return the audio codec name FFmpeg reports ("aac", "mp3") */
        public String audioCodecName() {
            return m_audioCodec == avcodec.AV_CODEC_ID_AAC ? "aac" : "mp3";
        }

        /** Parses "mp4", "flv", "flv-h264" or an enum name, case-insensitive. */
        public static Format fromSetting(final String value) {
            return parse(value);
        }

        /** @return the name a setting gives this format ("mp4", "flv", "flv-h264"); {@link #fromSetting} reads it */
        public String settingName() {
            return switch (this) {
                case MP4_H264_AAC -> "mp4";
                case FLV_FLV1_MP3 -> "flv";
                case FLV_H264_AAC -> "flv-h264";
            };
        }

        private static Format parse(final String value) {
            final String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            switch (v) {
                case "mp4":
                    return MP4_H264_AAC;
                case "flv":
                    return FLV_FLV1_MP3;
                case "flv-h264":
                    return FLV_H264_AAC;
                default:
                    for (Format f : values()) {
                        if (f.name().equalsIgnoreCase(v)) {
                            return f;
                        }
                    }
                    throw new IllegalArgumentException("Unknown clip format '" + value
                        + "': use mp4, flv or flv-h264 (" + java.util.Arrays.toString(values()) + ").");
            }
        }
    }

    /** Settings of a recording; {@link #start()} opens the recorder. */
    public static final class Builder {
        private final Path m_target;

        private final int m_width;

        private final int m_height;

        private Format m_format = Format.MP4_H264_AAC;

        private double m_frameRate = 30;

        private int m_sampleRate = 16000;

        private int m_audioChannels;

        private int m_videoBitrate = -1;

        private int m_audioBitrate = -1;

        private int m_gopSize = -1;

        private boolean m_fastStart;

        private double m_displayRotation;

        private final java.util.Map<String, String> m_videoOptions = new java.util.LinkedHashMap<>();

        private Builder(final Path target, final int width, final int height) {
            m_target = Objects.requireNonNull(target, "target");
            m_width = width;
            m_height = height;
        }

        /**
         * A display matrix (MP4 / MOV): players turn the picture by this angle, counter-clockwise in degrees as FFmpeg
         * counts it (-90: shown turned a quarter clockwise, as a phone held upright records); default 0, none.
         */
        public Builder displayRotation(final double degrees) {
            m_displayRotation = degrees;
            return this;
        }

        /** Container and codecs; default {@link Format#MP4_H264_AAC}. */
        public Builder format(final Format format) {
            m_format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Frames per second; default 30. */
        public Builder frameRate(final double fps) {
            m_frameRate = fps;
            return this;
        }

        /**
         * Adds an audio track.
         *
         * @param sampleRate samples per second of the audio given to {@link #addAudio} and of the track
         * @param channels 1 (mono) or 2 (stereo)
         */
        public Builder audio(final int sampleRate, final int channels) {
            m_sampleRate = sampleRate;
            m_audioChannels = channels;
            return this;
        }

        /** No audio track (the default). */
        public Builder noAudio() {
            m_audioChannels = 0;
            return this;
        }

        /** Video bit rate in bits/s; default about 4 bits per pixel-second/30 (800 kb/s at 480x360x30). */
        public Builder videoBitrate(final int bitsPerSecond) {
            m_videoBitrate = bitsPerSecond;
            return this;
        }

        /** Audio bit rate in bits/s; default 64 kb/s per channel. */
        public Builder audioBitrate(final int bitsPerSecond) {
            m_audioBitrate = bitsPerSecond;
            return this;
        }

        /** Frames between key frames; default one second of frames. */
        public Builder gopSize(final int frames) {
            m_gopSize = frames;
            return this;
        }

        /**
         * MP4 only: put the index (moov atom) at the start of the file, so that players can start before
         * the whole file is read (ffmpeg's {@code -movflags +faststart}). Default off.
         */
        public Builder fastStart(final boolean fastStart) {
            m_fastStart = fastStart;
            return this;
        }

        /**
         * An option of FFmpeg's video encoder (e.g. {@code loopfilter} = {@code 0} for OpenH264), passed as
         * is; unknown options are ignored by FFmpeg.
         */
        public Builder videoOption(final String key, final String value) {
            m_videoOptions.put(key, value);
            return this;
        }

        /**
         * Checks the settings and opens the recorder.
         *
         * @throws IllegalArgumentException for settings the format cannot store, naming the setting
         * @throws IOException when the encoder or the file cannot be opened
         */
        public ClipRecorder start() throws IOException {
            return new ClipRecorder(this);
        }
    }

    /**
     * @param target the clip file to write (its folder must exist); replaced when it exists
     * @param width frame width in pixels (even)
     * @param height frame height in pixels (even)
     */
    public static Builder builder(final Path target, final int width, final int height) {
        return new Builder(target, width, height);
    }

    static {
        FfmpegLog.quiet();
    }

    private final Path m_target;

    private final Path m_part;

    private final Builder m_settings;

    private final FFmpegFrameRecorder m_recorder;

    private final byte[] m_bgr;

    private BufferedImage m_scratch;

    private long m_frames;

    private long m_samples;

    private boolean m_finished;

    private boolean m_closed;

    private ClipRecorder(final Builder b) throws IOException {
        m_settings = b;
        m_target = b.m_target.toAbsolutePath();
        check(b.m_width > 0 && b.m_height > 0 && b.m_width % 2 == 0 && b.m_height % 2 == 0,
            "Frame size " + b.m_width + "x" + b.m_height + " is not allowed: width and height must be even and > 0.");
        check(b.m_frameRate > 0 && b.m_frameRate <= 240,
            "Frame rate " + b.m_frameRate + " is not allowed: use a value in (0, 240].");
        check(b.m_audioChannels >= 0 && b.m_audioChannels <= 2,
            "Audio channels " + b.m_audioChannels + " is not allowed: use 0 (no audio), 1 or 2.");
        if (b.m_audioChannels > 0) {
            check(b.m_sampleRate >= 8000 && b.m_sampleRate <= 96000,
                "Audio sample rate " + b.m_sampleRate + " is not allowed: use 8000..96000 Hz.");
            if (b.m_format == Format.FLV_FLV1_MP3) {
                check(b.m_sampleRate == 44100 || b.m_sampleRate == 22050 || b.m_sampleRate == 11025,
                    "Audio sample rate " + b.m_sampleRate + " cannot be stored as MP3 in FLV: use 44100, 22050 or "
                        + "11025 Hz, or the format FLV_H264_AAC / MP4_H264_AAC.");
            }
        }
        final Path folder = m_target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write clip " + m_target + ": the folder " + folder + " does not exist.");
        }
        // not Files.createTempFile: its owner-only permissions would stay with the finished clip
        m_part = folder.resolve("." + m_target.getFileName() + ".recording-" + Long.toHexString(System.nanoTime())
            + "-" + Long.toHexString(Thread.currentThread().getId()) + ".part");
        m_bgr = new byte[b.m_width * b.m_height * 3];

        final FFmpegFrameRecorder r = new FFmpegFrameRecorder(m_part.toFile(), b.m_width, b.m_height, b.m_audioChannels);
        r.setFormat(b.m_format.m_container);
        r.setVideoCodec(b.m_format.m_videoCodec);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(b.m_frameRate);
        r.setGopSize(b.m_gopSize > 0 ? b.m_gopSize : (int)Math.max(1, Math.round(b.m_frameRate)));
        r.setVideoBitrate(b.m_videoBitrate > 0 ? b.m_videoBitrate
            : (int)Math.max(200_000, Math.round(b.m_width * (double)b.m_height * b.m_frameRate * 0.15)));
        if (b.m_format.m_videoCodec == avcodec.AV_CODEC_ID_H264) {
            // OpenH264 may drop frames to meet the bit rate; a clip must keep every frame it was given
            r.setVideoOption("allow_skip_frames", "0");
        }
        b.m_videoOptions.forEach(r::setVideoOption);
        if (b.m_displayRotation != 0) {
            r.setDisplayRotation(b.m_displayRotation);
        }
        if (b.m_fastStart && "mp4".equals(b.m_format.m_container)) {
            r.setOption("movflags", "+faststart");
        }
        if (b.m_audioChannels > 0) {
            r.setAudioCodec(b.m_format.m_audioCodec);
            r.setSampleRate(b.m_sampleRate);
            r.setAudioChannels(b.m_audioChannels);
            r.setAudioBitrate(b.m_audioBitrate > 0 ? b.m_audioBitrate : 64_000 * b.m_audioChannels);
        }
        m_recorder = r;
        try {
            r.start();
        } catch (Exception e) {
            releaseQuietly();
            Files.deleteIfExists(m_part);
            throw new IOException("Cannot start recording clip " + m_target + " as " + b.m_format + ": "
                + e.getMessage(), e);
        }
    }

    private static void check(final boolean ok, final String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** @return the file this recorder writes (it exists after {@link #finish()}) */
    public Path target() {
        return m_target;
    }

    /** @return the format being written */
    public Format format() {
        return m_settings.m_format;
    }

    /** @return frame width */
    public int width() {
        return m_settings.m_width;
    }

    /** @return frame height */
    public int height() {
        return m_settings.m_height;
    }

    /** @return frames per second */
    public double frameRate() {
        return m_settings.m_frameRate;
    }

    /** @return audio channels, 0 when there is no audio track */
    public int audioChannels() {
        return m_settings.m_audioChannels;
    }

    /** @return audio sample rate (meaningful only with an audio track) */
    public int sampleRate() {
        return m_settings.m_sampleRate;
    }

    /** @return frames added so far */
    public long framesWritten() {
        return m_frames;
    }

    /** @return audio samples per channel added so far */
    public long samplesWritten() {
        return m_samples;
    }

    /**
     * Adds the next frame. Any image type is accepted (converted to BGR); its size must be the clip's.
     */
    public void addFrame(final BufferedImage image) throws IOException {
        ensureOpen();
        if (image.getWidth() != width() || image.getHeight() != height()) {
            throw new IllegalArgumentException("Frame " + m_frames + " is " + image.getWidth() + "x" + image.getHeight()
                + " but clip " + m_target.getFileName() + " is " + width() + "x" + height() + ".");
        }
        final byte[] bgr;
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getParent() == null
            && image.getRaster().getDataBuffer().getSize() == m_bgr.length) {
            bgr = ((DataBufferByte)image.getRaster().getDataBuffer()).getData();
        } else {
            if (m_scratch == null) {
                m_scratch = new BufferedImage(width(), height(), BufferedImage.TYPE_3BYTE_BGR);
            }
            final Graphics2D g = m_scratch.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
            bgr = ((DataBufferByte)m_scratch.getRaster().getDataBuffer()).getData();
        }
        recordPacked(bgr, avutil.AV_PIX_FMT_BGR24);
    }

    /** Adds the next frame from packed BGR bytes (row-major, width*height*3, no padding). */
    public void addFrameBgr(final byte[] bgr) throws IOException {
        ensureOpen();
        checkPacked(bgr);
        recordPacked(bgr, avutil.AV_PIX_FMT_BGR24);
    }

    /** Adds the next frame from packed RGB bytes (row-major, width*height*3, no padding). */
    public void addFrameRgb(final byte[] rgb) throws IOException {
        ensureOpen();
        checkPacked(rgb);
        recordPacked(rgb, avutil.AV_PIX_FMT_RGB24);
    }

    private void checkPacked(final byte[] pixels) {
        if (pixels.length != m_bgr.length) {
            throw new IllegalArgumentException("Frame " + m_frames + " has " + pixels.length + " bytes but clip "
                + m_target.getFileName() + " needs " + m_bgr.length + " (" + width() + "x" + height() + "x3).");
        }
    }

    private void recordPacked(final byte[] pixels, final int pixelFormat) throws IOException {
        try {
            m_recorder.recordImage(width(), height(), Frame.DEPTH_UBYTE, 3, width() * 3, pixelFormat,
                ByteBuffer.wrap(pixels));
            m_frames++;
        } catch (Exception e) {
            throw new IOException("Cannot encode frame " + m_frames + " of clip " + m_target.getFileName() + ": "
                + e.getMessage(), e);
        }
    }

    /**
     * Adds audio samples (float, nominally in [-1, 1]; values outside are clipped by the encoder).
     * Mono clips: one array of samples. Stereo clips: one array per channel (left, right) of equal length,
     * or one interleaved array via {@link #addAudioInterleaved(float[])}.
     */
    public void addAudio(final float[]... channels) throws IOException {
        ensureOpen();
        final int c = audioChannels();
        if (c == 0) {
            throw new IllegalStateException("Clip " + m_target.getFileName() + " was started without audio: "
                + "call audio(sampleRate, channels) on the builder.");
        }
        if (channels.length != c) {
            throw new IllegalArgumentException("Clip " + m_target.getFileName() + " has " + c + " audio channel(s) but "
                + channels.length + " were given.");
        }
        if (c == 1) {
            addAudioInterleaved(channels[0]);
            return;
        }
        final int n = channels[0].length;
        if (channels[1].length != n) {
            throw new IllegalArgumentException("Left and right audio of clip " + m_target.getFileName()
                + " differ in length (" + n + " vs " + channels[1].length + ").");
        }
        final float[] inter = new float[2 * n];
        for (int i = 0; i < n; i++) {
            inter[2 * i] = channels[0][i];
            inter[2 * i + 1] = channels[1][i];
        }
        addAudioInterleaved(inter);
    }

    /** Adds interleaved audio samples (L R L R ... for stereo; plain samples for mono). */
    public void addAudioInterleaved(final float[] samples) throws IOException {
        ensureOpen();
        final int c = audioChannels();
        if (c == 0) {
            throw new IllegalStateException("Clip " + m_target.getFileName() + " was started without audio: "
                + "call audio(sampleRate, channels) on the builder.");
        }
        if (samples.length % c != 0) {
            throw new IllegalArgumentException("Interleaved audio of clip " + m_target.getFileName() + " has "
                + samples.length + " values, not a multiple of " + c + " channels.");
        }
        if (samples.length == 0) {
            return;
        }
        try {
            m_recorder.recordSamples(sampleRate(), c, FloatBuffer.wrap(samples));
            m_samples += samples.length / c;
        } catch (Exception e) {
            throw new IOException("Cannot encode audio of clip " + m_target.getFileName() + " at sample " + m_samples
                + ": " + e.getMessage(), e);
        }
    }

    /**
     * Completes the clip: flushes the encoders, writes the container's index and moves the file to its
     * target name. The recorder is closed afterwards.
     *
     * @return the clip's path
     */
    public Path finish() throws IOException {
        ensureOpen();
        if (m_frames == 0) {
            close();
            throw new IOException("Clip " + m_target.getFileName() + " has no frames: add at least one frame.");
        }
        try {
            m_recorder.stop();
        } catch (Exception e) {
            close();
            throw new IOException("Cannot complete clip " + m_target.getFileName() + ": " + e.getMessage(), e);
        }
        releaseQuietly();
        if ("flv".equals(format().m_container)) {
            fixFlvDuration();
        }
        try {
            AtomicFiles.moveIntoPlace(m_part, m_target);
        } finally {
            Files.deleteIfExists(m_part);
        }
        m_finished = true;
        m_closed = true;
        return m_target;
    }

    /**
     * JavaCV 1.5.12 hands audio packets to the FLV muxer with their duration in samples rather than in the
     * stream's time base, so FFmpeg's FLV muxer states a duration one audio frame-size "milliseconds" too
     * long (e.g. 3.63 s for a 2.5 s clip with MP3). The duration is one AMF number in the onMetaData tag at
     * the start of the file; this writes the true value there.
     */
    private void fixFlvDuration() throws IOException {
        final double seconds = Math.max(m_frames / frameRate(),
            audioChannels() > 0 ? m_samples / (double)sampleRate() : 0);
        final byte[] key = {0x00, 0x08, 'd', 'u', 'r', 'a', 't', 'i', 'o', 'n', 0x00};
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(m_part,
            java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            final ByteBuffer head = ByteBuffer.allocate((int)Math.min(1024, ch.size()));
            ch.read(head, 0);
            final byte[] h = head.array();
            for (int i = 0; i + key.length + 8 <= h.length; i++) {
                boolean match = true;
                for (int k = 0; k < key.length && match; k++) {
                    match = h[i + k] == key[k];
                }
                if (match) {
                    final ByteBuffer value = ByteBuffer.allocate(8).putDouble(seconds); // AMF numbers are big-endian
                    value.flip();
                    ch.write(value, i + key.length);
                    return;
                }
            }
        }
    }

    /** Stops recording; without a preceding {@link #finish()} the partial file is deleted. */
    @Override
    public void close() throws IOException {
        if (m_closed) {
            return;
        }
        m_closed = true;
        if (!m_finished) {
            releaseQuietly();
            Files.deleteIfExists(m_part);
        }
    }

    private void ensureOpen() {
        if (m_closed) {
            throw new IllegalStateException("Recorder of clip " + m_target.getFileName() + " is already closed.");
        }
    }

    private void releaseQuietly() {
        try {
            m_recorder.release();
        } catch (Exception e) {
            // ignored: called once the clip is complete or a failure is being thrown; nothing is left to release
        }
    }

    /**
     * Writes a small synthetic clip for tests and benchmarks: a moving colour gradient with a bright square
     * that travels across the frame, and (when {@code channels > 0}) a 440 Hz tone (stereo: 660 Hz on the
     * right) at -12 dBFS.
     *
     * @param file the clip to write
     * @param format container and codecs
     * @param width frame width (even)
     * @param height frame height (even)
     * @param fps frames per second
     * @param seconds length; the clip has {@code round(seconds * fps)} frames
     * @param sampleRate audio sample rate (ignored when {@code channels == 0})
     * @param channels 0 (no audio track), 1 or 2
     * @return the clip's path
     */
    public static Path writeTestClip(final Path file, final Format format, final int width, final int height,
        final double fps, final double seconds, final int sampleRate, final int channels) throws IOException {
        final Builder b = builder(file, width, height).format(format).frameRate(fps);
        if (channels > 0) {
            b.audio(sampleRate, channels);
        }
        final int frames = (int)Math.round(seconds * fps);
        try (ClipRecorder rec = b.start()) {
            final byte[] bgr = new byte[width * height * 3];
            long samplesDone = 0;
            for (int f = 0; f < frames; f++) {
                final int sq = Math.max(4, Math.min(width, height) / 5);
                final int sx = (int)((width - sq) * (f / (double)Math.max(1, frames - 1)));
                final int sy = (height - sq) / 2;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        final int i = (y * width + x) * 3;
                        final boolean inSquare = x >= sx && x < sx + sq && y >= sy && y < sy + sq;
                        bgr[i] = (byte)(inSquare ? 240 : (x * 200 / width));
                        bgr[i + 1] = (byte)(inSquare ? 240 : (y * 200 / height));
                        bgr[i + 2] = (byte)(inSquare ? 240 : ((f * 4) & 0xff) / 2);
                    }
                }
                rec.addFrameBgr(bgr);
                if (channels > 0) {
                    final long upTo = Math.round((f + 1) / fps * sampleRate);
                    final int n = (int)(upTo - samplesDone);
                    final float[][] audio = new float[channels][n];
                    for (int i = 0; i < n; i++) {
                        final double t = (samplesDone + i) / (double)sampleRate;
                        audio[0][i] = (float)(0.25 * Math.sin(2 * Math.PI * 440 * t));
                        if (channels > 1) {
                            audio[1][i] = (float)(0.25 * Math.sin(2 * Math.PI * 660 * t));
                        }
                    }
                    rec.addAudio(audio);
                    samplesDone = upTo;
                }
            }
            return rec.finish();
        }
    }

    /** Turns FFmpeg's native log into Java log lines (for debugging encoder problems). */
    public static void debugFfmpegLog() {
        avutil.av_log_set_level(avutil.AV_LOG_INFO);
        FFmpegLogCallback.set();
    }
}
