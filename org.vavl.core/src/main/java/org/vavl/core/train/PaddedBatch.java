package org.vavl.core.train;

import java.util.List;

import org.vavl.core.features.FeatureSequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One modality of a batch: the normalised feature sequences zero-padded to the longest clip of the batch,
 * the (B, T) mask (1 = real frame, 0 = padding) and each clip's mean over its real frames (the target of
 * the reconstruction heads).
 */
final class PaddedBatch {

    final int m_batch;

    final int m_frames;

    final int m_dim;

    final float[] m_values;

    final float[] m_mask;

    final float[] m_mean;

    /**
     * @param sequences one per clip, none empty
     * @param stats the normalisation of the modality
     */
    PaddedBatch(final List<FeatureSequence> sequences, final NormStats stats) {
        m_batch = sequences.size();
        int t = 0;
        for (FeatureSequence s : sequences) {
            t = Math.max(t, s.frames());
        }
        m_frames = t;
        m_dim = stats.dim();
        m_values = new float[m_batch * m_frames * m_dim];
        m_mask = new float[m_batch * m_frames];
        m_mean = new float[m_batch * m_dim];
        for (int b = 0; b < m_batch; b++) {
            final FeatureSequence s = sequences.get(b);
            final int base = b * m_frames * m_dim;
            stats.normalise(s, s.frames(), m_values, base);
            for (int f = 0; f < s.frames(); f++) {
                m_mask[b * m_frames + f] = 1f;
            }
            final double[] sum = new double[m_dim];
            for (int f = 0; f < s.frames(); f++) {
                for (int j = 0; j < m_dim; j++) {
                    sum[j] += m_values[base + f * m_dim + j];
                }
            }
            for (int j = 0; j < m_dim; j++) {
                m_mean[b * m_dim + j] = (float)(sum[j] / s.frames());
            }
        }
    }

    /** @return (B, T, D) */
    NDArray values(final NDManager manager) {
        return manager.create(m_values, new Shape(m_batch, m_frames, m_dim));
    }

    /** @return (B, T) */
    NDArray mask(final NDManager manager) {
        return manager.create(m_mask, new Shape(m_batch, m_frames));
    }

    /** @return (B, D), the masked time mean of the normalised input */
    NDArray mean(final NDManager manager) {
        return manager.create(m_mean, new Shape(m_batch, m_dim));
    }
}
