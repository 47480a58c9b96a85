package org.vavl.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Regression scores of one attribute (e.g. arousal) for one modality's predictions: concordance
 * correlation coefficient (CCC, the paper's metric), Pearson's r, root mean squared error and mean
 * absolute error. Statistics are population statistics (divide by n), as in the reference.
 *
 * <p>CCC = 2 cov(p, y) / (var(p) + var(y) + (mean(p) - mean(y))^2). Constant predictions give CCC 0
 * (cov = 0); Pearson's r is then undefined: it is NaN (a missing value in tables) with a warning.
 */
public final class DimensionalScores {

    private final double m_ccc;

    private final double m_pearson;

    private final double m_rmse;

    private final double m_mae;

    private final int m_n;

    private final List<String> m_warnings = new ArrayList<>();

    private DimensionalScores(final double[] truth, final double[] predicted, final int[] rows,
        final String attribute, final boolean warn) {
        final int n = rows == null ? truth.length : rows.length;
        m_n = n;
        double sy = 0;
        double sp = 0;
        for (int i = 0; i < n; i++) {
            final int r = rows == null ? i : rows[i];
            sy += truth[r];
            sp += predicted[r];
        }
        final double my = sy / n;
        final double mp = sp / n;
        double vy = 0;
        double vp = 0;
        double cov = 0;
        double se = 0;
        double ae = 0;
        for (int i = 0; i < n; i++) {
            final int r = rows == null ? i : rows[i];
            final double dy = truth[r] - my;
            final double dp = predicted[r] - mp;
            vy += dy * dy;
            vp += dp * dp;
            cov += dy * dp;
            final double e = predicted[r] - truth[r];
            se += e * e;
            ae += Math.abs(e);
        }
        vy /= n;
        vp /= n;
        cov /= n;
        final double denominator = vp + vy + (mp - my) * (mp - my);
        if (denominator == 0) {
            m_ccc = Double.NaN;
            if (warn) {
                m_warnings.add("CCC of '" + attribute + "' is undefined: truth and prediction are the same constant.");
            }
        } else {
            m_ccc = 2 * cov / denominator;
        }
        if (vp == 0 || vy == 0) {
            m_pearson = Double.NaN;
            if (warn) {
                m_warnings.add("Pearson's r of '" + attribute + "' is undefined: the "
                    + (vp == 0 ? "prediction" : "truth") + " is constant; it is left missing.");
            }
        } else {
            m_pearson = cov / Math.sqrt(vp * vy);
        }
        m_rmse = Math.sqrt(se / n);
        m_mae = ae / n;
    }

    /**
     * @param attribute name used in warnings
     */
    public static DimensionalScores of(final double[] truth, final double[] predicted, final String attribute) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("Truth and prediction of '" + attribute + "' differ in length: "
                + truth.length + " vs " + predicted.length + ".");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("No clips to evaluate for '" + attribute + "'.");
        }
        return new DimensionalScores(truth, predicted, null, attribute, true);
    }

    /** Scores of a bootstrap resample; no warnings. */
    static DimensionalScores resample(final double[] truth, final double[] predicted, final int[] rows) {
        return new DimensionalScores(truth, predicted, rows, "", false);
    }

    public double ccc() {
        return m_ccc;
    }

    public double pearson() {
        return m_pearson;
    }

    public double rmse() {
        return m_rmse;
    }

    public double mae() {
        return m_mae;
    }

    public int count() {
        return m_n;
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(m_warnings);
    }
}
