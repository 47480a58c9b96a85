package org.vavl.core.media;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Test media for the audio tests, written with the engine's {@link ClipRecorder}; WAV reading and writing. */
public final class TestMedia {

    private TestMedia() {
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

    /**
     * Writes a clip with a moving grey bar and the given audio, streaming (one frame's audio at a time).
     *
     * @param channels audio channels (0 for a video without audio)
     * @param fastStart mp4 only: index at the start of the file
     */
    public static Path clip(final Path out, final ClipRecorder.Format format, final int width, final int height,
        final double fps, final double seconds, final int sampleRate, final int channels, final Signal signal,
        final boolean fastStart) throws IOException {
        final ClipRecorder.Builder b = ClipRecorder.builder(out, width, height).format(format).frameRate(fps)
            .fastStart(fastStart);
        if (channels > 0) {
            b.audio(sampleRate, channels).audioBitrate(96_000 * channels);
        }
        final int frames = (int)Math.round(seconds * fps);
        final long total = Math.round(seconds * sampleRate);
        try (ClipRecorder r = b.start()) {
            final byte[] bgr = new byte[width * height * 3];
            long done = 0;
            for (int f = 0; f < frames; f++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        final int i = (y * width + x) * 3;
                        final byte v = (byte)(((x + 4 * f) % width) < width / 4 ? 220 : 60);
                        bgr[i] = v;
                        bgr[i + 1] = v;
                        bgr[i + 2] = v;
                    }
                }
                r.addFrameBgr(bgr);
                if (channels > 0) {
                    final long upTo = f == frames - 1 ? total : Math.min(total, Math.round((f + 1) / fps * sampleRate));
                    final float[] inter = new float[(int)(upTo - done) * channels];
                    for (int i = 0; i < inter.length / channels; i++) {
                        for (int c = 0; c < channels; c++) {
                            inter[i * channels + c] = (float)signal.value(c, done + i);
                        }
                    }
                    r.addAudioInterleaved(inter);
                    done = upTo;
                }
            }
            return r.finish();
        }
    }

    /** {@link #clip} without fast start. */
    public static Path clip(final Path out, final ClipRecorder.Format format, final int width, final int height,
        final double fps, final double seconds, final int sampleRate, final int channels, final Signal signal)
        throws IOException {
        return clip(out, format, width, height, fps, seconds, sampleRate, channels, signal, false);
    }

    /** Writes a mono 16-bit PCM WAV file of the given samples (full scale 1.0). */
    public static Path writeWav(final Path out, final float[] x, final int rate) throws IOException {
        final ByteBuffer bb = ByteBuffer.allocate(2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            bb.putShort((short)Math.max(-32768, Math.min(32767, Math.round(v * 32768.0))));
        }
        final AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream ais = new AudioInputStream(new ByteArrayInputStream(bb.array()), f, x.length)) {
            AudioSystem.write(ais, AudioFileFormat.Type.WAVE, out.toFile());
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
            final ByteBuffer bb = ByteBuffer.wrap(all)
                .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
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
