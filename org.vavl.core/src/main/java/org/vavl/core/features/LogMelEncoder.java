package org.vavl.core.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.vavl.core.util.CancelledException;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.DjlRuntime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The built-in audio encoder: a log-mel filterbank, computed with DJL NDArray operations (PyTorch's
 * {@code stft}); no weights needed, deterministic.
 *
 * <p>For a 16 kHz waveform: frames of {@code window} ms (default 25 ms = 400 samples) every {@code hop} ms
 * (default 10 ms = 160 samples), each weighted by a periodic Hann window and zero-padded (centred) to
 * {@code nFft} = the next power of two (512); no padding at the clip's ends, so a clip of {@code N >= nFft}
 * samples gives {@code 1 + (N - nFft) / hop} frames. Power spectrum {@code |STFT|^2} (257 bins), then
 * {@code nMels} (default 80) triangular filters equally spaced on the HTK mel scale
 * {@code mel(f) = 2595 log10(1 + f / 700)} from 0 Hz to 8 kHz (no area normalisation), then
 * {@code log(max(energy, floor))} (default floor 1e-6). Output: {@code frames x nMels}, 100 frames per second.
 * Equal, within float rounding, to torchaudio's
 * {@code MelSpectrogram(16000, n_fft=512, win_length=400, hop_length=160, center=False, power=2, n_mels=80,
 * mel_scale="htk", norm=None)} followed by {@code log(clamp(min=floor))}.
 *
 * <p>What it is good for: the log-mel spectrum is the classic input of speech emotion recognition; it
 * carries pitch harmonics, loudness, spectral tilt and speaking rate, which change with arousal (anger,
 * happiness vs sadness) more than with valence. A pretrained wav2vec2 model gives much stronger features.
 *
 * <p>Long audio is processed in pieces of one minute of frames, giving exactly the frames of a single pass
 * with bounded memory.
 */
public final class LogMelEncoder implements ClipEncoder {

    /** Identifies this encoder (and its version) in the settings recorded with each output. */
    public static final String NAME = "built-in log-mel v1";

    /** Frames computed per DJL call for long audio. */
    private static final int FRAMES_PER_PIECE = 6000;

    private final int m_mels;

    private final double m_windowMs;

    private final double m_hopMs;

    private final double m_floor;

    private final int m_win;

    private final int m_hop;

    private final int m_nFft;

    private final float[] m_window;

    private final float[] m_melMatrix;

    /** The defaults ({@link LogMelSettings#defaults()}): 80 mels, 25 ms window, 10 ms hop, floor 1e-6. */
    public LogMelEncoder() {
        this(LogMelSettings.defaults());
    }

    /** A filterbank with the given settings. */
    public LogMelEncoder(final LogMelSettings settings) {
        this(settings.mels(), settings.windowMs(), settings.hopMs(), settings.logFloor());
    }

    /**
     * @param mels number of mel filters (1..256)
     * @param windowMs window length in milliseconds
     * @param hopMs hop in milliseconds
     * @param floor energies below it are raised to it before the log (&gt; 0)
     */
    public LogMelEncoder(final int mels, final double windowMs, final double hopMs, final double floor) {
        if (mels < 1 || mels > 256) {
            throw new IllegalArgumentException("Mel filters must be between 1 and 256, got " + mels + ".");
        }
        if (!(windowMs >= 1 && windowMs <= 200)) {
            throw new IllegalArgumentException("Window must be between 1 and 200 ms, got " + windowMs + ".");
        }
        if (!(hopMs >= 1 && hopMs <= windowMs)) {
            throw new IllegalArgumentException(
                "Hop must be between 1 ms and the window (" + windowMs + " ms), got " + hopMs + ".");
        }
        if (!(floor > 0)) {
            throw new IllegalArgumentException("The log floor must be positive, got " + floor + ".");
        }
        m_mels = mels;
        m_windowMs = windowMs;
        m_hopMs = hopMs;
        m_floor = floor;
        m_win = (int)Math.round(windowMs * Waveform.SAMPLE_RATE / 1000.0);
        m_hop = (int)Math.round(hopMs * Waveform.SAMPLE_RATE / 1000.0);
        int n = 1;
        while (n < m_win) {
            n <<= 1;
        }
        m_nFft = n;
        m_window = hannCentred(m_win, m_nFft);
        m_melMatrix = melMatrix(m_mels, m_nFft, Waveform.SAMPLE_RATE, 0, Waveform.SAMPLE_RATE / 2.0);
        if (m_mels > m_nFft / 2) {
            throw new IllegalArgumentException("With a " + windowMs + " ms window (" + (m_nFft / 2 + 1)
                + " frequency bins) use at most " + (m_nFft / 2) + " mel filters, not " + mels + ".");
        }
    }

    /** @return the FFT size (samples) */
    public int nFft() {
        return m_nFft;
    }

    /** @return the hop (samples) */
    public int hop() {
        return m_hop;
    }

    /** @return the number of frames for {@code samples} samples (0 when shorter than one frame) */
    public int framesFor(final long samples) {
        return samples < m_nFft ? 0 : (int)(1 + (samples - m_nFft) / m_hop);
    }

    @Override
    public int dim() {
        return m_mels;
    }

    @Override
    public Map<String, String> settings() {
        final Map<String, String> s = new TreeMap<>();
        s.put("encoder", NAME);
        s.put("mels", Integer.toString(m_mels));
        s.put("window ms", Double.toString(m_windowMs));
        s.put("hop ms", Double.toString(m_hopMs));
        s.put("log floor", Double.toString(m_floor));
        s.put("n fft", Integer.toString(m_nFft));
        return s;
    }

    @Override
    public long inputLength(final Path input) {
        return Waveform.declaredSamples(input);
    }

    @Override
    public FeatureSequence encode(final Path wav, final CancelToken cancel) throws IOException, CancelledException {
        final float[] samples = Waveform.read(wav);
        if (framesFor(samples.length) == 0) {
            throw new IllegalArgumentException("Audio file '" + wav + "' has " + samples.length + " samples ("
                + String.format(Locale.ROOT, "%.1f", samples.length * 1000.0 / Waveform.SAMPLE_RATE)
                + " ms), shorter than one feature frame (" + m_nFft + " samples = "
                + (m_nFft * 1000 / Waveform.SAMPLE_RATE) + " ms). The clip has (almost) no audio.");
        }
        return encodeWaveform(samples, cancel);
    }

    /**
     * Computes the log-mel features of 16 kHz samples.
     *
     * @return {@code framesFor(samples.length) x mels}
     */
    public FeatureSequence encodeWaveform(final float[] samples, final CancelToken cancel)
        throws CancelledException {
        final int frames = framesFor(samples.length);
        if (frames == 0) {
            throw new IllegalArgumentException("The audio has " + samples.length
                + " samples, shorter than one feature frame (" + m_nFft + " samples).");
        }
        final float[] out = new float[frames * m_mels];
        for (int first = 0; first < frames; first += FRAMES_PER_PIECE) {
            cancel.check();
            final int count = Math.min(FRAMES_PER_PIECE, frames - first);
            final int start = first * m_hop;
            final int length = (count - 1) * m_hop + m_nFft;
            final float[] piece = new float[length];
            System.arraycopy(samples, start, piece, 0, length);
            final float[] values = DjlRuntime.call(() -> {
                try (NDManager nd = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                    final NDArray x = nd.create(piece);
                    final NDArray window = nd.create(m_window);
                    // (bins, frames) complex -> power
                    final NDArray power = x.stft(m_nFft, m_hop, false, window, false, true).abs().square();
                    final NDArray mel = nd.create(m_melMatrix, new Shape(m_mels, m_nFft / 2 + 1)).matMul(power);
                    return mel.maximum((float)m_floor).log().transpose().toFloatArray();
                }
            });
            if (values.length != count * m_mels) {
                throw new IllegalStateException("stft gave " + values.length / m_mels + " frames, expected " + count);
            }
            System.arraycopy(values, 0, out, first * m_mels, values.length);
        }
        return new FeatureSequence(out, frames, m_mels);
    }

    /** Periodic Hann window of {@code win} samples centred in {@code nFft} zeros (as torch.stft pads it). */
    static float[] hannCentred(final int win, final int nFft) {
        final float[] w = new float[nFft];
        final int left = (nFft - win) / 2;
        for (int i = 0; i < win; i++) {
            w[left + i] = (float)(0.5 - 0.5 * Math.cos(2 * Math.PI * i / win));
        }
        return w;
    }

    /** HTK mel scale. */
    static double hzToMel(final double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    /** Inverse of {@link #hzToMel}. */
    static double melToHz(final double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    /**
     * Triangular mel filters, row-major {@code (mels, nFft/2 + 1)}: filter {@code m} rises linearly from
     * corner frequency {@code f[m]} to 1 at {@code f[m+1]} and falls to 0 at {@code f[m+2]}, where the
     * {@code mels + 2} corners are equally spaced in mel from {@code fMin} to {@code fMax}; bins are at
     * {@code k * rate / nFft}.
     */
    static float[] melMatrix(final int mels, final int nFft, final int rate, final double fMin, final double fMax) {
        final int bins = nFft / 2 + 1;
        final double mMin = hzToMel(fMin);
        final double mMax = hzToMel(fMax);
        final double[] corner = new double[mels + 2];
        for (int i = 0; i < corner.length; i++) {
            corner[i] = melToHz(mMin + (mMax - mMin) * i / (mels + 1));
        }
        final float[] m = new float[mels * bins];
        for (int f = 0; f < mels; f++) {
            final double lo = corner[f];
            final double mid = corner[f + 1];
            final double hi = corner[f + 2];
            for (int k = 0; k < bins; k++) {
                final double hz = (double)k * (rate / 2.0) / (bins - 1);
                final double up = (hz - lo) / (mid - lo);
                final double down = (hi - hz) / (hi - mid);
                m[f * bins + k] = (float)Math.max(0.0, Math.min(up, down));
            }
        }
        return m;
    }
}
