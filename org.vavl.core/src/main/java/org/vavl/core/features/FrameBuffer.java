package org.vavl.core.features;

import java.util.Arrays;

/** A growing {@code frames x dim} float buffer that becomes a {@link FeatureSequence}. Not thread safe. */
final class FrameBuffer {

    private final int m_dim;

    private float[] m_values = new float[0];

    private int m_frames;

    FrameBuffer(final int dim) {
        m_dim = dim;
    }

    /** Appends one frame of exactly {@code dim} values. */
    void add(final float[] row) {
        if (row.length != m_dim) {
            throw new IllegalStateException("a frame has " + row.length + " values, expected " + m_dim);
        }
        addAll(row, 1);
    }

    /** Appends {@code frames} frames from the start of {@code rows} (row-major). */
    void addAll(final float[] rows, final int frames) {
        if (frames <= 0) {
            return;
        }
        final int need = (m_frames + frames) * m_dim;
        if (need > m_values.length) {
            m_values = Arrays.copyOf(m_values, Math.max(need, m_values.length * 2));
        }
        System.arraycopy(rows, 0, m_values, m_frames * m_dim, frames * m_dim);
        m_frames += frames;
    }

    int frames() {
        return m_frames;
    }

    int dim() {
        return m_dim;
    }

    FeatureSequence toSequence() {
        return new FeatureSequence(Arrays.copyOf(m_values, m_frames * m_dim), m_frames, m_dim);
    }
}
