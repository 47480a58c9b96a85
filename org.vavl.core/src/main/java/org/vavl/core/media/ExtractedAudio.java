package org.vavl.core.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The audio of one clip as written by the {@link AudioExtractor}: the WAV file and its measures.
 *
 * <p>{@link #reused()} is true when the file was already up to date and was not written again (its
 * measures are then read back from the file).
 */
public final class ExtractedAudio {

    private final String m_clipId;

    private final Path m_wav;

    private final int m_sampleRate;

    private final long m_samples;

    private final double m_rmsDbfs;

    private final double m_clippedRatio;

    private final boolean m_reused;

    ExtractedAudio(final String clipId, final Path wav, final int sampleRate, final AudioLevels levels,
        final boolean reused) {
        this(clipId, wav, sampleRate, levels.samples(), levels.rmsDbfs(), levels.clippedRatio(), reused);
    }

    private ExtractedAudio(final String clipId, final Path wav, final int sampleRate, final long samples,
        final double rmsDbfs, final double clippedRatio, final boolean reused) {
        m_clipId = clipId;
        m_wav = wav;
        m_sampleRate = sampleRate;
        m_samples = samples;
        m_rmsDbfs = rmsDbfs;
        m_clippedRatio = clippedRatio;
        m_reused = reused;
    }

    /** @return the same result for a file that was moved (the temporary file renamed into place) */
    ExtractedAudio withPath(final Path wav) {
        return new ExtractedAudio(m_clipId, wav, m_sampleRate, m_samples, m_rmsDbfs, m_clippedRatio, m_reused);
    }

    /** @return the clip id */
    public String clipId() {
        return m_clipId;
    }

    /** @return the WAV file */
    public Path wav() {
        return m_wav;
    }

    /** @return samples per second of the WAV file */
    public int sampleRate() {
        return m_sampleRate;
    }

    /** @return number of (mono) samples */
    public long samples() {
        return m_samples;
    }

    /** @return duration in seconds: samples / sample rate */
    public double durationSeconds() {
        return m_sampleRate == 0 ? 0 : (double)m_samples / m_sampleRate;
    }

    /** @return RMS level in dBFS (0 dBFS = a full-scale square wave); negative infinity for digital silence */
    public double rmsDbfs() {
        return m_rmsDbfs;
    }

    /** @return the ratio of samples at or beyond 16-bit full scale (0..1) */
    public double clippedRatio() {
        return m_clippedRatio;
    }

    /** @return true when the file existed, was up to date and was not written again */
    public boolean reused() {
        return m_reused;
    }

    @Override
    public String toString() {
        return String.format("%s: %s, %d samples at %d Hz (%.3f s), RMS %.2f dBFS, clipped %.5f%s", m_clipId,
            m_wav.getFileName(), m_samples, m_sampleRate, durationSeconds(), m_rmsDbfs, m_clippedRatio,
            m_reused ? " (up to date, reused)" : "");
    }

    /**
     * Measures a mono WAV file (16-bit PCM or 32-bit float, as the extractor writes them) by streaming
     * through it.
     *
     * @param clipId the clip the file belongs to (for messages and the result)
     * @param wav the file
     * @param reused what {@link #reused()} reports
     * @throws IOException when the file cannot be read or is not a mono 16-bit / float WAV file
     */
    public static ExtractedAudio measure(final String clipId, final Path wav, final boolean reused)
        throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(wav));
                AudioInputStream ais = AudioSystem.getAudioInputStream(in)) {
            final AudioFormat f = ais.getFormat();
            final boolean pcm16 = f.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                && f.getSampleSizeInBits() == 16;
            final boolean float32 = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT)
                && f.getSampleSizeInBits() == 32;
            if (f.getChannels() != 1 || !(pcm16 || float32)) {
                throw new IOException("Clip '" + clipId + "': " + wav + " is not a mono 16-bit PCM or 32-bit float "
                    + "WAV file (" + f + "). Delete it or choose another output folder.");
            }
            final AudioLevels levels = new AudioLevels();
            final byte[] buf = new byte[1 << 16];
            final ByteBuffer bb = ByteBuffer.wrap(buf).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
            final int bytesPerSample = pcm16 ? 2 : 4;
            int carry = 0;
            int n;
            while ((n = ais.read(buf, carry, buf.length - carry)) >= 0) {
                final int total = carry + n;
                final int whole = total - total % bytesPerSample;
                for (int i = 0; i < whole; i += bytesPerSample) {
                    levels.add(pcm16 ? bb.getShort(i) / 32768f : bb.getFloat(i));
                }
                carry = total - whole;
                System.arraycopy(buf, whole, buf, 0, carry);
            }
            return new ExtractedAudio(clipId, wav, Math.round(f.getSampleRate()), levels, reused);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("Clip '" + clipId + "': " + wav + " is not a WAV file the extractor can read ("
                + e.getMessage() + "). Delete it or choose another output folder.", e);
        }
    }
}
