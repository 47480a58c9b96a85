package org.vavl.core.media;

/**
 * Running level statistics of a mono signal in full-scale units (1.0 = 0 dBFS): sample count, RMS level
 * in dBFS and the ratio of clipped samples. A sample counts as clipped when its magnitude reaches the
 * largest value a 16-bit PCM sample can hold, {@value #CLIP_LEVEL} of full scale (in 32-bit float output
 * values beyond full scale are kept and count as clipped too).
 *
 * <p>Not thread safe: one instance per clip.
 */
final class AudioLevels {

    /** 32767 / 32768: the magnitude from which a sample counts as clipped. */
    static final double CLIP_LEVEL = 32767.0 / 32768.0;

    private long m_samples;

    private double m_sumOfSquares;

    private long m_clipped;

    void add(final float x) {
        m_samples++;
        m_sumOfSquares += (double)x * x;
        if (Math.abs(x) >= CLIP_LEVEL) {
            m_clipped++;
        }
    }

    long samples() {
        return m_samples;
    }

    /** @return RMS level in dBFS; negative infinity for digital silence or no samples */
    double rmsDbfs() {
        if (m_samples == 0 || m_sumOfSquares == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return 10 * Math.log10(m_sumOfSquares / m_samples);
    }

    /** @return clipped samples / all samples, 0 when there are none */
    double clippedRatio() {
        return m_samples == 0 ? 0 : (double)m_clipped / m_samples;
    }
}
