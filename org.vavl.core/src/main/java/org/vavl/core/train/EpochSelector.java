package org.vavl.core.train;

/**
 * Keeps track of the best epoch by the development criterion (lower is better; the first epoch always counts
 * as best so far; ties keep the earlier epoch) and says when early stopping ends training: after
 * {@code patience} epochs in a row without a better criterion (patience 0 = never).
 */
final class EpochSelector {

    private final int m_patience;

    private double m_best = Double.POSITIVE_INFINITY;

    private int m_bestEpoch;

    private int m_sinceBest;

    EpochSelector(final int patience) {
        m_patience = patience;
    }

    /** @return true when this epoch is the new best (its weights should be kept) */
    boolean offer(final int epoch, final double criterion) {
        if (m_bestEpoch == 0 || criterion < m_best) {
            m_best = criterion;
            m_bestEpoch = epoch;
            m_sinceBest = 0;
            return true;
        }
        m_sinceBest++;
        return false;
    }

    /** @return true when training should stop now */
    boolean shouldStop() {
        return m_patience > 0 && m_sinceBest >= m_patience;
    }

    double best() {
        return m_best;
    }

    int bestEpoch() {
        return m_bestEpoch;
    }
}
