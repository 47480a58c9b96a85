package org.vavl.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a modality's class probabilities say how often it is right: expected calibration error (ECE: the clips
 * in 15 equal-width bins of confidence, the confidence being the highest probability; the mean over bins, weighted by
 * their share of clips, of |accuracy - mean confidence|), the multi-class Brier score (the mean over clips of the sum
 * over classes of (p - y)^2, y one-hot; 0 is perfect, 2 the worst) and the reliability diagram (per bin its mean
 * confidence, accuracy and clip count).
 */
public final class CalibrationScores {

    /** Bins of the ECE and the reliability diagram. */
    public static final int BINS = 15;

    /** One bin of the reliability diagram. */
    public record Bin(double lower, double upper, int clips, double confidence, double accuracy) {
    }

    private final double m_ece;

    private final double m_brier;

    private final List<Bin> m_bins;

    private CalibrationScores(final double ece, final double brier, final List<Bin> bins) {
        m_ece = ece;
        m_brier = brier;
        m_bins = List.copyOf(bins);
    }

    /**
     * @param probabilities per clip the class probabilities (each row sums to about 1)
     * @param truth per clip the index of its true class in the rows
     * @throws IllegalArgumentException when the lengths differ, there are no clips, or a probability is not finite
     */
    public static CalibrationScores of(final List<double[]> probabilities, final int[] truth) {
        if (probabilities.size() != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("Calibration needs one probability row per clip and at least one clip ("
                + probabilities.size() + " rows, " + truth.length + " truths).");
        }
        final int[] count = new int[BINS];
        final double[] conf = new double[BINS];
        final double[] right = new double[BINS];
        double brier = 0;
        for (int i = 0; i < truth.length; i++) {
            final double[] p = probabilities.get(i);
            int best = 0;
            for (int k = 0; k < p.length; k++) {
                if (!Double.isFinite(p[k])) {
                    throw new IllegalArgumentException("The probability of class " + (k + 1) + " of clip " + (i + 1)
                        + " is " + p[k] + ", not a finite number.");
                }
                if (p[k] > p[best]) {
                    best = k;
                }
                final double y = k == truth[i] ? 1 : 0;
                brier += (p[k] - y) * (p[k] - y);
            }
            // bin b holds confidences in (b / BINS, (b + 1) / BINS], the first bin also 0
            final int b = Math.max(0, Math.min(BINS - 1, (int)Math.ceil(p[best] * BINS) - 1));
            count[b]++;
            conf[b] += p[best];
            right[b] += best == truth[i] ? 1 : 0;
        }
        double ece = 0;
        final List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (count[b] == 0) {
                continue;
            }
            final double c = conf[b] / count[b];
            final double a = right[b] / count[b];
            ece += (double)count[b] / truth.length * Math.abs(a - c);
            bins.add(new Bin((double)b / BINS, (double)(b + 1) / BINS, count[b], c, a));
        }
        return new CalibrationScores(ece, brier / truth.length, bins);
    }

    /** @return the expected calibration error, 0..1 */
    public double ece() {
        return m_ece;
    }

    /** @return the multi-class Brier score, 0..2 */
    public double brier() {
        return m_brier;
    }

    /** @return the non-empty bins of the reliability diagram, in confidence order */
    public List<Bin> bins() {
        return m_bins;
    }
}
