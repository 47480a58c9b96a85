package org.vavl.core.features;

import java.util.Objects;

/**
 * A clip's feature sequence for one modality: {@code frames x dim} float values, row-major (frame after
 * frame). This is what the encoders write as {@code .npy} and what AuxFormer reads.
 */
public final class FeatureSequence {

    private final float[] m_values;

    private final int m_frames;

    private final int m_dim;

    /**
     * @param values row-major, length {@code frames * dim}
     */
    public FeatureSequence(final float[] values, final int frames, final int dim) {
        m_values = Objects.requireNonNull(values, "values");
        if (frames < 0 || dim <= 0 || (long)frames * dim != values.length) {
            throw new IllegalArgumentException(
                "A feature sequence of " + frames + " frames x " + dim + " needs " + ((long)frames * dim)
                    + " values, got " + values.length + ".");
        }
        m_frames = frames;
        m_dim = dim;
    }

    /** @return number of frames (time steps) */
    public int frames() {
        return m_frames;
    }

    /** @return feature dimension per frame */
    public int dim() {
        return m_dim;
    }

    /** @return the values, row-major; not copied */
    public float[] values() {
        return m_values;
    }

    /** @return value at frame {@code t}, dimension {@code d} */
    public float get(final int t, final int d) {
        return m_values[t * m_dim + d];
    }

    /** @return a copy of one frame's features */
    public float[] frame(final int t) {
        final float[] f = new float[m_dim];
        System.arraycopy(m_values, t * m_dim, f, 0, m_dim);
        return f;
    }
}
