package org.vavl.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Test media made with JavaCV's FFmpegFrameRecorder: small videos with a known audio signal.
 * (Test helper only; to be replaced by the engine's ClipRecorder when it is available.)
 */
public final class TestMedia {

    private TestMedia() {
    }

    /** A container/codec combination. */
    public enum Kind {
        /** .mp4, H.264 video, AAC audio */
        MP4_AAC("mp4", AV_CODEC_ID_H264, AV_CODEC_ID_AAC),
        /** .flv, FLV1 (Sorenson) video, MP3 audio: the CREMA-D combination */
        FLV_MP3("flv", AV_CODEC_ID_FLV1, AV_CODEC_ID_MP3),
        /** .mkv, MPEG-4 part 2 video, 16-bit PCM audio: cheap to write, for long clips */
        MKV_PCM("matroska", AV_CODEC_ID_MPEG4, AV_CODEC_ID_PCM_S16LE);

        final String format;

        final int videoCodec;

        final int audioCodec;

        Kind(final String format, final int videoCodec, final int audioCodec) {
            this.format = format;
            this.videoCodec = videoCodec;
            this.audioCodec = audioCodec;
        }
    }

    static {
        // keep the encoders' per-file reports out of the test output
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    }

    /**
     * Writes a video with a grey moving bar and the given audio signal; the container's audio has the
     * signal's rate and channels.
     *
     * @param channels audio channels, 0 for a video without audio
     */
    public static Path write(final Path out, final Kind kind, final int width, final int height, final double fps,
        final double seconds, final int sampleRate, final int channels, final Signal signal) throws IOException {
        return write(out, kind, width, height, fps, seconds, sampleRate, channels, sampleRate, signal);
    }

    /**
     * Writes a video with a grey moving bar and an audio signal given at {@code signalRate}; the recorder
     * converts it (FFmpeg's resampler) to the container's {@code sampleRate}. (The recorder cannot convert
     * channel counts: the signal gives every channel.)
     *
     * @param channels audio channels, 0 for a video without audio
     */
    public static Path write(final Path out, final Kind kind, final int width, final int height, final double fps,
        final double seconds, final int sampleRate, final int channels, final int signalRate, final Signal signal)
        throws IOException {
        return write(out, kind, width, height, fps, seconds, sampleRate, channels, signalRate, signal, Map.of());
    }

    /** As above, with extra muxer options (e.g. {@code movflags=faststart}). */
    public static Path write(final Path out, final Kind kind, final int width, final int height, final double fps,
        final double seconds, final int sampleRate, final int channels, final int signalRate, final Signal signal,
        final Map<String, String> options) throws IOException {
        final int signalChannels = channels;
        final int frames = (int)Math.round(seconds * fps);
        final long totalSamples = Math.round(seconds * signalRate);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), width, height, channels)) {
            r.setFormat(kind.format);
            r.setVideoCodec(kind.videoCodec);
            r.setPixelFormat(AV_PIX_FMT_YUV420P);
            r.setFrameRate(fps);
            r.setVideoBitrate(200_000);
            options.forEach(r::setOption);
            if (channels > 0) {
                r.setAudioCodec(kind.audioCodec);
                r.setSampleRate(sampleRate);
                r.setAudioBitrate(192_000);
                r.setAudioChannels(channels);
            }
            r.start();
            final Frame image = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            final ByteBuffer px = (ByteBuffer)image.image[0];
            final long[] written = {0};
            for (int f = 0; f < frames; f++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        final int i = y * image.imageStride + 3 * x;
                        final byte v = (byte)(((x + 4 * f) % width) < width / 4 ? 220 : 60);
                        px.put(i, v).put(i + 1, v).put(i + 2, v);
                    }
                }
                r.record(image);
                if (channels > 0) {
                    writeSamples(r, signalRate, signalChannels, signal, written,
                        Math.min(totalSamples, Math.round((f + 1) / fps * signalRate)));
                }
            }
            if (channels > 0) {
                writeSamples(r, signalRate, signalChannels, signal, written, totalSamples);
            }
            r.stop();
        }
        return out;
    }

    private static void writeSamples(final FFmpegFrameRecorder r, final int rate, final int channels,
        final Signal signal, final long[] written, final long until) throws IOException {
        final int chunk = 1024;
        final FloatBuffer buf = FloatBuffer.allocate(chunk * channels);
        while (written[0] < until) {
            final int n = (int)Math.min(chunk, until - written[0]);
            buf.clear();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    buf.put((float)signal.value(c, written[0] + i));
                }
            }
            buf.flip();
            r.recordSamples(rate, channels, buf);
            written[0] += n;
        }
    }

    /** An audio signal: value of a channel at a sample index, in [-1, 1]. */
    @FunctionalInterface
    public interface Signal {
        double value(int channel, long index);
    }

    /** A sine tone of the given frequency and amplitude on every channel. */
    public static Signal tone(final double hz, final double amplitude, final int sampleRate) {
        return (c, i) -> amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate);
    }

    /** Writes a mono 16-bit PCM WAV file of the given samples (full scale 1.0). */
    public static Path writeWav(final Path out, final float[] x, final int rate) throws IOException {
        final ByteBuffer bb = ByteBuffer.allocate(2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            bb.putShort((short)Math.max(-32768, Math.min(32767, Math.round(v * 32768.0))));
        }
        final AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream ais = new AudioInputStream(new java.io.ByteArrayInputStream(bb.array()), f, x.length)) {
            AudioSystem.write(ais, javax.sound.sampled.AudioFileFormat.Type.WAVE, out.toFile());
        }
        return out;
    }

    /** Reads a mono WAV file (16-bit PCM or 32-bit float) into floats in [-1, 1]. */
    public static float[] readWav(final Path wav) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(wav));
                AudioInputStream ais = AudioSystem.getAudioInputStream(in)) {
            final AudioFormat f = ais.getFormat();
            if (f.getChannels() != 1) {
                throw new IOException("not mono: " + f);
            }
            final byte[] all = ais.readAllBytes();
            final ByteBuffer bb = ByteBuffer.wrap(all).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            final int bps = f.getSampleSizeInBits() / 8;
            final float[] x = new float[all.length / bps];
            for (int i = 0; i < x.length; i++) {
                x[i] = bps == 2 ? bb.getShort(i * 2) / 32768f : bb.getFloat(i * 4);
            }
            return x;
        }
    }

    /** @return the sample rate of a WAV file */
    public static int wavRate(final Path wav) throws Exception {
        return Math.round(AudioSystem.getAudioFileFormat(wav.toFile()).getFormat().getSampleRate());
    }
}
