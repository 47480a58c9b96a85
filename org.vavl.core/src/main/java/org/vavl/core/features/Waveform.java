package org.vavl.core.features;

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
 * Reads a clip's 16 kHz mono WAV (the Audio Extractor's output, the reference's {@code <clip>.wav}) as float
 * samples in [-1, 1]. PCM 8/16/24/32-bit integer and 32/64-bit float WAVs are accepted; other rates or
 * several channels are refused with a message saying to run the Audio Extractor (which resamples).
 */
public final class Waveform {

    /** The sample rate every audio encoder works at (the reference's and wav2vec2's). */
    public static final int SAMPLE_RATE = 16000;

    private Waveform() {
    }

    /**
     * @return the samples of a 16 kHz mono WAV
     * @throws IOException naming the file when it is missing, not a WAV, or not 16 kHz mono
     */
    public static float[] read(final Path wav) throws IOException {
        try (AudioInputStream in = open(wav)) {
            final AudioFormat f = in.getFormat();
            final int bytes = f.getSampleSizeInBits() / 8;
            final long frames = in.getFrameLength();
            final boolean floating = f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT;
            final boolean signed = f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED;
            final boolean unsigned = f.getEncoding() == AudioFormat.Encoding.PCM_UNSIGNED;
            if (!(floating && (bytes == 4 || bytes == 8)) && !(signed && bytes >= 1 && bytes <= 4)
                && !(unsigned && bytes == 1)) {
                throw new IOException("Audio file '" + wav + "' is " + f + "; expected PCM or float samples."
                    + " Run the Audio Extractor to make 16 kHz mono WAVs.");
            }
            final byte[] all = in.readAllBytes();
            final int n = all.length / bytes;
            if (frames != AudioSystem.NOT_SPECIFIED && frames > n) {
                throw new IOException("Audio file '" + wav + "' is truncated: its header declares " + frames
                    + " samples, it holds " + n + ". Run the Audio Extractor again.");
            }
            final ByteBuffer bb = ByteBuffer.wrap(all).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
            final float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                final int pos = i * bytes;
                if (floating) {
                    out[i] = bytes == 4 ? bb.getFloat(pos) : (float)bb.getDouble(pos);
                } else if (unsigned) {
                    out[i] = ((all[pos] & 0xff) - 128) / 128f;
                } else {
                    switch (bytes) {
                        case 1:
                            out[i] = all[pos] / 128f;
                            break;
                        case 2:
                            out[i] = bb.getShort(pos) / 32768f;
                            break;
                        case 3: {
                            final int b0, b1, b2;
                            if (f.isBigEndian()) {
                                b0 = all[pos + 2] & 0xff;
                                b1 = all[pos + 1] & 0xff;
                                b2 = all[pos];
                            } else {
                                b0 = all[pos] & 0xff;
                                b1 = all[pos + 1] & 0xff;
                                b2 = all[pos + 2];
                            }
                            out[i] = ((b2 << 16) | (b1 << 8) | b0) / 8388608f;
                            break;
                        }
                        default:
                            out[i] = (float)(bb.getInt(pos) / 2147483648.0);
                    }
                }
            }
            return out;
        }
    }

    /** @return the number of samples the WAV header declares (cheap; -1 when unknown or unreadable) */
    public static long declaredSamples(final Path wav) {
        try (AudioInputStream in = open(wav)) {
            return in.getFrameLength();
        } catch (IOException e) {
            return -1;
        }
    }

    private static AudioInputStream open(final Path wav) throws IOException {
        if (!Files.isRegularFile(wav)) {
            throw new IOException("Audio file '" + wav + "' does not exist. Run the Audio Extractor first or check"
                + " the audio path column.");
        }
        if (Files.size(wav) == 0) {
            throw new IOException("Audio file '" + wav + "' is empty (0 bytes). Run the Audio Extractor again.");
        }
        final InputStream raw = new BufferedInputStream(Files.newInputStream(wav), 1 << 16);
        final AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(raw);
        } catch (UnsupportedAudioFileException e) {
            raw.close();
            throw new IOException("Audio file '" + wav + "' is not a readable WAV (" + e.getMessage()
                + "). Run the Audio Extractor to make 16 kHz mono WAVs.", e);
        }
        final AudioFormat f = in.getFormat();
        if (Math.round(f.getSampleRate()) != SAMPLE_RATE || f.getChannels() != 1) {
            in.close();
            throw new IOException("Audio file '" + wav + "' is " + Math.round(f.getSampleRate()) + " Hz with "
                + f.getChannels() + " channel(s); the audio encoders need 16000 Hz mono. Run the Audio Extractor"
                + " (it resamples to 16 kHz mono).");
        }
        return in;
    }

    /**
     * Writes 16-bit PCM mono WAV at 16 kHz (used by tests and demos; the Audio Extractor writes the real ones).
     */
    public static void writePcm16(final Path wav, final float[] samples) throws IOException {
        final byte[] data = new byte[samples.length * 2];
        final ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            final float c = Math.max(-1f, Math.min(1f, s));
            bb.putShort((short)Math.round(c * 32767f));
        }
        final AudioFormat f = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(data), f, samples.length)) {
            AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }
}
