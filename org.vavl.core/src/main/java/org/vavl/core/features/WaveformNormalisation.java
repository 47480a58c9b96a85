package org.vavl.core.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.vavl.core.util.CancelledException;
import org.vavl.core.util.Progress;

/**
 * How a waveform is scaled before a speech model sees it.
 *
 * <ul>
 * <li>{@code none}: the samples as read (-1..1);</li>
 * <li>{@code per utterance}: each clip (after cutting to the maximum length) to zero mean and unit variance,
 * {@code (x - mean) / sqrt(var + 1e-7)}, as Hugging Face's wav2vec2 feature extractor does for models such as
 * wav2vec2-large-robust;</li>
 * <li>{@code statistics}: {@code (x - mean) / std} with one scalar mean and std for all clips, as the
 * reference does with its training split's statistics; give them as settings or compute them with
 * {@link #computeStatistics} over the clips of a table (e.g. the training split).</li>
 * </ul>
 */
public final class WaveformNormalisation {

    /** The kinds of normalisation. */
    public enum Mode {
        NONE("none"), PER_UTTERANCE("per utterance"), STATISTICS("statistics");

        private final String m_setting;

        Mode(final String setting) {
            m_setting = setting;
        }

        /** @return the value stored in settings */
        public String settingValue() {
            return m_setting;
        }

        /** Parses a setting value; names the allowed values when it is unknown. */
        public static Mode fromSetting(final String value) {
            for (Mode m : values()) {
                if (m.m_setting.equalsIgnoreCase(value == null ? "" : value.trim().replace('_', ' '))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("Unknown waveform normalisation '" + value
                + "': use 'none', 'per utterance' or 'statistics'.");
        }
    }

    private static final double EPS = 1e-7;

    private final Mode m_mode;

    private final double m_mean;

    private final double m_std;

    private WaveformNormalisation(final Mode mode, final double mean, final double std) {
        m_mode = mode;
        m_mean = mean;
        m_std = std;
    }

    /** @return no normalisation */
    public static WaveformNormalisation none() {
        return new WaveformNormalisation(Mode.NONE, 0, 1);
    }

    /** @return each clip to zero mean, unit variance */
    public static WaveformNormalisation perUtterance() {
        return new WaveformNormalisation(Mode.PER_UTTERANCE, 0, 1);
    }

    /** @return {@code (x - mean) / std} with fixed statistics */
    public static WaveformNormalisation statistics(final double mean, final double std) {
        if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("Waveform statistics need a finite mean and a positive std, got mean "
                + mean + ", std " + std + ".");
        }
        return new WaveformNormalisation(Mode.STATISTICS, mean, std);
    }

    /** @return the mode */
    public Mode mode() {
        return m_mode;
    }

    /** @return the mean used with {@link Mode#STATISTICS} */
    public double mean() {
        return m_mean;
    }

    /** @return the std used with {@link Mode#STATISTICS} */
    public double std() {
        return m_std;
    }

    /** @return the normalised samples (a new array; the input is unchanged) */
    public float[] apply(final float[] x) {
        final float[] y = new float[x.length];
        switch (m_mode) {
            case NONE:
                System.arraycopy(x, 0, y, 0, x.length);
                return y;
            case STATISTICS: {
                for (int i = 0; i < x.length; i++) {
                    y[i] = (float)((x[i] - m_mean) / m_std);
                }
                return y;
            }
            default: {
                double sum = 0;
                for (float v : x) {
                    sum += v;
                }
                final double mean = x.length == 0 ? 0 : sum / x.length;
                double sq = 0;
                for (float v : x) {
                    sq += (v - mean) * (v - mean);
                }
                final double sd = Math.sqrt((x.length == 0 ? 0 : sq / x.length) + EPS);
                for (int i = 0; i < x.length; i++) {
                    y[i] = (float)((x[i] - mean) / sd);
                }
                return y;
            }
        }
    }

    /** @return a description for recorded settings */
    @Override
    public String toString() {
        return m_mode == Mode.STATISTICS
            ? String.format(Locale.ROOT, "statistics (mean %.9g, std %.9g)", m_mean, m_std) : m_mode.settingValue();
    }

    /**
     * Computes one scalar mean and std over all samples of the given 16 kHz mono WAVs (the reference's
     * waveform statistics of its training split), each clip cut to {@code maxSamples} first when positive.
     *
     * @return {mean, std, files used}
     * @throws IOException naming a file that cannot be read
     */
    public static double[] computeStatistics(final List<Path> wavs, final long maxSamples, final Progress progress)
        throws IOException, CancelledException {
        return computeStatistics(wavs, maxSamples, false, progress);
    }

    /**
     * {@link #computeStatistics(List, long, Progress)}, optionally leaving out files that cannot be read (they
     * fail later, clip by clip, where the user chose to skip bad clips).
     *
     * @return {mean, std, files used}
     */
    public static double[] computeStatistics(final List<Path> wavs, final long maxSamples,
        final boolean skipUnreadable, final Progress progress) throws IOException, CancelledException {
        if (wavs.isEmpty()) {
            throw new IllegalArgumentException(
                "Waveform statistics need at least one clip; the chosen rows have no audio files.");
        }
        double sum = 0;
        double sq = 0;
        long n = 0;
        int i = 0;
        int used = 0;
        for (Path p : wavs) {
            progress.checkCancelled();
            final float[] x;
            try {
                x = Waveform.read(p);
            } catch (IOException e) {
                if (!skipUnreadable) {
                    throw e;
                }
                progress.update((double)++i / wavs.size(), "Waveform statistics: skipped " + p.getFileName());
                continue;
            }
            used++;
            final int len = maxSamples > 0 ? (int)Math.min(x.length, maxSamples) : x.length;
            for (int k = 0; k < len; k++) {
                sum += x[k];
                sq += (double)x[k] * x[k];
            }
            n += len;
            progress.update((double)++i / wavs.size(), "Waveform statistics: " + p.getFileName());
        }
        if (n == 0) {
            throw new IllegalArgumentException("Waveform statistics: the chosen audio files hold no samples.");
        }
        final double mean = sum / n;
        final double var = Math.max(0, sq / n - mean * mean);
        return new double[]{mean, Math.sqrt(var), used};
    }
}
