package org.vavl.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.vavl.core.features.FeatureSequence;

/**
 * Per-dimension mean and standard deviation of one modality's feature frames, computed over all frames of
 * the training clips only (as the reference does for its visual features) and stored with the model, so
 * development, test and new clips are normalised exactly as the training clips were. A dimension whose
 * standard deviation is (nearly) zero is divided by 1 instead.
 */
public final class NormStats {

    /** Below this standard deviation a dimension is only centred, not scaled. */
    static final double MIN_STD = 1e-6;

    private final float[] m_mean;

    private final float[] m_std;

    /** @param mean per dimension; @param std per dimension, positive */
    public NormStats(final float[] mean, final float[] std) {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need the same positive length");
        }
        m_mean = mean.clone();
        m_std = std.clone();
    }

    /** @return the feature dimension */
    public int dim() {
        return m_mean.length;
    }

    /** @return a copy of the means */
    public float[] mean() {
        return m_mean.clone();
    }

    /** @return a copy of the standard deviations */
    public float[] std() {
        return m_std.clone();
    }

    /** Writes {@code (x - mean) / std} of every frame of {@code seq} into {@code out} from {@code offset}. */
    public void normalise(final FeatureSequence seq, final int frames, final float[] out, final int offset) {
        final int d = m_mean.length;
        if (seq.dim() != d) {
            throw new IllegalArgumentException("feature dim " + seq.dim() + " != " + d);
        }
        final float[] v = seq.values();
        for (int t = 0; t < frames; t++) {
            final int base = t * d;
            for (int j = 0; j < d; j++) {
                out[offset + base + j] = (v[base + j] - m_mean[j]) / m_std[j];
            }
        }
    }

    /** Accumulates frames and gives the statistics; population standard deviation (numpy's default). */
    public static final class Accumulator {
        private final int m_dim;

        private final double[] m_shift;

        private final double[] m_sum;

        private final double[] m_sumSq;

        private long m_frames;

        /** @param dim the feature dimension */
        public Accumulator(final int dim) {
            m_dim = dim;
            m_shift = new double[dim];
            m_sum = new double[dim];
            m_sumSq = new double[dim];
        }

        /** Adds all frames of a sequence. */
        public void add(final FeatureSequence seq) {
            if (seq.dim() != m_dim) {
                throw new IllegalArgumentException("feature dim " + seq.dim() + " != " + m_dim);
            }
            final float[] v = seq.values();
            for (int t = 0; t < seq.frames(); t++) {
                final int base = t * m_dim;
                if (m_frames == 0) {
                    // shifted sums: numerically stable for features with a large offset
                    for (int j = 0; j < m_dim; j++) {
                        m_shift[j] = v[base + j];
                    }
                }
                for (int j = 0; j < m_dim; j++) {
                    final double x = v[base + j] - m_shift[j];
                    m_sum[j] += x;
                    m_sumSq[j] += x * x;
                }
                m_frames++;
            }
        }

        /** @return the number of frames added */
        public long frames() {
            return m_frames;
        }

        /** @return the statistics; needs at least one frame */
        public NormStats stats() {
            if (m_frames == 0) {
                throw new IllegalStateException("no frames to compute normalisation statistics from");
            }
            final float[] mean = new float[m_dim];
            final float[] std = new float[m_dim];
            for (int j = 0; j < m_dim; j++) {
                final double m = m_sum[j] / m_frames;
                final double var = Math.max(0, m_sumSq[j] / m_frames - m * m);
                mean[j] = (float)(m + m_shift[j]);
                final double s = Math.sqrt(var);
                std[j] = s < MIN_STD ? 1f : (float)s;
            }
            return new NormStats(mean, std);
        }
    }

    void write(final DataOutputStream out) throws IOException {
        out.writeInt(m_mean.length);
        for (float f : m_mean) {
            out.writeFloat(f);
        }
        for (float f : m_std) {
            out.writeFloat(f);
        }
    }

    static NormStats read(final DataInputStream in) throws IOException {
        final int d = in.readInt();
        if (d <= 0 || d > 1 << 20) {
            throw new IOException("corrupt normalisation statistics (dim " + d + ")");
        }
        final float[] mean = new float[d];
        final float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = in.readFloat();
        }
        for (int j = 0; j < d; j++) {
            std[j] = in.readFloat();
        }
        return new NormStats(mean, std);
    }
}
