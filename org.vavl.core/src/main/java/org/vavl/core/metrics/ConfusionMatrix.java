package org.vavl.core.metrics;

import java.util.List;

/**
 * Counts of (true class, predicted class) pairs; rows are the true classes, columns the predicted ones,
 * both in the order of {@link #classes()}.
 */
public final class ConfusionMatrix {

    private final List<String> m_classes;

    private final long[][] m_counts;

    ConfusionMatrix(final List<String> classes, final long[][] counts) {
        m_classes = List.copyOf(classes);
        m_counts = counts;
    }

    /** Builds the matrix from class indices into {@code classes}. */
    public static ConfusionMatrix of(final List<String> classes, final int[] truth, final int[] predicted) {
        final int k = classes.size();
        final long[][] c = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            c[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classes, c);
    }

    /** @return the class names, row and column order */
    public List<String> classes() {
        return m_classes;
    }

    /** @return number of clips of true class {@code t} predicted as {@code p} */
    public long count(final int t, final int p) {
        return m_counts[t][p];
    }

    /** @return the row total (support) of true class {@code t} */
    public long rowTotal(final int t) {
        long s = 0;
        for (long v : m_counts[t]) {
            s += v;
        }
        return s;
    }

    /** @return the column total (number of predictions) of class {@code p} */
    public long columnTotal(final int p) {
        long s = 0;
        for (long[] row : m_counts) {
            s += row[p];
        }
        return s;
    }

    /** @return counts divided by their row total (0 for an empty row) */
    public double rowNormalised(final int t, final int p) {
        final long total = rowTotal(t);
        return total == 0 ? 0 : (double)m_counts[t][p] / total;
    }

    /** @return all clips counted */
    public long total() {
        long s = 0;
        for (int t = 0; t < m_counts.length; t++) {
            s += rowTotal(t);
        }
        return s;
    }
}
