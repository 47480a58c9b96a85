package org.vavl.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Regression scores of one attribute (e.g. arousal) for one modality's predictions: concordance correlation
 * coefficient (CCC, the paper's metric), Pearson's r, root mean squared error and mean absolute error. Statistics
 * are population statistics (divide by n), as in the reference.
 *
 * <p>
 * CCC = 2 cov(p, y) / (var(p) + var(y) + (mean(p) - mean(y))^2) (Lin, 1989). A vector is <em>constant</em> when
 * all its values are equal, tested exactly (a floating-point variance of ten times 0.1 is not 0):
 * <ul>
 * <li>Pearson's r is then undefined: NaN (a missing value in tables) with a warning;</li>
 * <li>CCC is exactly 0 when only one of truth and prediction is constant (their covariance is 0 by definition; a
 * warning says why), and undefined when both are the same constant.</li>
 * </ul>
 * Both are kept within [-1, 1] (rounding can otherwise give 1 + 1e-16). Values that are NaN or infinite are
 * refused with a message naming the clip's position; the caller leaves such clips out and says so.
 */
public final class DimensionalScores {

    private final double m_ccc;

    private final double m_pearson;

    private final double m_rmse;

    private final double m_mae;

    private final int m_n;

    private final List<String> m_warnings = new ArrayList<>();

    /** Means, population variances and covariance of a pair of vectors, with exact constancy. */
    private record Moments(int n, double meanP, double meanY, double varP, double varY, double cov,
        boolean constantP, boolean constantY) {

        static Moments of(final double[] p, final double[] y, final int[] rows) {
            final int n = rows == null ? y.length : rows.length;
            final double p0 = p[rows == null ? 0 : rows[0]];
            final double y0 = y[rows == null ? 0 : rows[0]];
            boolean constantP = true;
            boolean constantY = true;
            double sp = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                final int r = rows == null ? i : rows[i];
                constantP &= p[r] == p0;
                constantY &= y[r] == y0;
                sp += p[r];
                sy += y[r];
            }
            // a constant's mean is its value, so that its deviations (and the covariance) are exactly 0
            final double mp = constantP ? p0 : sp / n;
            final double my = constantY ? y0 : sy / n;
            double vp = 0;
            double vy = 0;
            double cov = 0;
            for (int i = 0; i < n; i++) {
                final int r = rows == null ? i : rows[i];
                final double dp = p[r] - mp;
                final double dy = y[r] - my;
                vp += dp * dp;
                vy += dy * dy;
                cov += dp * dy;
            }
            return new Moments(n, mp, my, vp / n, vy / n, cov / n, constantP, constantY);
        }

        /** @return CCC, NaN when truth and prediction are the same constant */
        double ccc() {
            if (constantP && constantY && meanP == meanY) {
                return Double.NaN;
            }
            if (constantP || constantY) {
                return 0;
            }
            final double d = meanP - meanY;
            return clamp(2 * cov / (varP + varY + d * d));
        }

        /** @return Pearson's r, NaN when either vector is constant */
        double pearson() {
            return constantP || constantY ? Double.NaN : clamp(cov / Math.sqrt(varP * varY));
        }
    }

    private DimensionalScores(final double[] truth, final double[] predicted, final int[] rows,
        final String attribute, final boolean warn) {
        final Moments m = Moments.of(predicted, truth, rows);
        m_n = m.n();
        m_ccc = m.ccc();
        m_pearson = m.pearson();
        if (warn) {
            final String which = m.constantP() && m.constantY() ? "truth and prediction are"
                : m.constantP() ? "the prediction is" : "the truth is";
            if (Double.isNaN(m_ccc)) {
                m_warnings.add("CCC of '" + attribute + "' is undefined: truth and prediction are the same constant.");
            } else if (m.constantP() || m.constantY()) {
                m_warnings.add("CCC of '" + attribute + "' is 0 because " + which + " constant (every value "
                    + "equal): there is no concordance to measure.");
            }
            if (Double.isNaN(m_pearson)) {
                m_warnings.add("Pearson's r of '" + attribute + "' is undefined because " + which
                    + " constant (every value equal); it is left missing.");
            }
        }
        double se = 0;
        double ae = 0;
        for (int i = 0; i < m_n; i++) {
            final int r = rows == null ? i : rows[i];
            final double e = predicted[r] - truth[r];
            se += e * e;
            ae += Math.abs(e);
        }
        m_rmse = Math.sqrt(se / m_n);
        m_mae = ae / m_n;
    }

    private static double clamp(final double r) {
        return Math.max(-1, Math.min(1, r));
    }

    /**
     * @param attribute name used in warnings and messages
     * @throws IllegalArgumentException when the lengths differ, there are no clips, or a value is NaN or
     *             infinite (the message names the attribute and the clip's position)
     */
    public static DimensionalScores of(final double[] truth, final double[] predicted, final String attribute) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("Truth and prediction of '" + attribute + "' differ in length: "
                + truth.length + " vs " + predicted.length + ".");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("No clips to evaluate for '" + attribute + "'.");
        }
        for (int i = 0; i < truth.length; i++) {
            if (!Double.isFinite(truth[i]) || !Double.isFinite(predicted[i])) {
                throw new IllegalArgumentException("The " + (Double.isFinite(truth[i]) ? "prediction" : "truth")
                    + " of '" + attribute + "' of clip " + (i + 1) + " is " + (Double.isFinite(truth[i])
                        ? predicted[i] : truth[i]) + ", not a finite number: leave such clips out.");
            }
        }
        return new DimensionalScores(truth, predicted, null, attribute, true);
    }

    /** Scores of a bootstrap resample; no warnings. */
    static DimensionalScores resample(final double[] truth, final double[] predicted, final int[] rows) {
        return new DimensionalScores(truth, predicted, rows, "", false);
    }

    /**
     * CCC of one attribute, the one definition that the metrics and the training's development criterion share.
     *
     * @return CCC in [-1, 1]; 0 when one vector is constant; NaN when both are the same constant
     */
    public static double concordance(final double[] truth, final double[] predicted) {
        return Moments.of(predicted, truth, null).ccc();
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
