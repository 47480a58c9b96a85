package org.vavl.core.train;

import org.vavl.core.metrics.DimensionalScores;
import org.vavl.core.model.Nn;

import ai.djl.ndarray.NDArray;

/**
 * The training losses of the reference, as DJL operations (differentiable), and their plain-Java
 * counterparts for development metrics over a whole split.
 */
public final class Losses {

    /** Added to the CCC denominator so a constant batch gives CCC 0 instead of 0/0. */
    static final float CCC_EPS = 1e-8f;

    private Losses() {
    }

    /**
     * Cross-entropy of class logits against the (argmax) class, averaged over the batch; with class
     * weights, weighted as PyTorch's {@code CrossEntropyLoss(weight=...)} does: {@code sum(w_y * nll) /
     * sum(w_y)}.
     *
     * @param logits (B, C)
     * @param oneHot (B, C), the class of each clip as one-hot rows
     * @param classWeights (C) or null
     * @return a scalar
     */
    public static NDArray crossEntropy(final NDArray logits, final NDArray oneHot, final NDArray classWeights) {
        final NDArray nll = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
        if (classWeights == null) {
            return nll.mean();
        }
        final NDArray w = oneHot.mul(classWeights.reshape(1, -1)).sum(new int[] {1});
        return nll.mul(w).sum().div(w.sum());
    }

    /**
     * The concordance correlation coefficient per attribute, population statistics over the batch:
     * {@code 2 cov(p, y) / (var(p) + var(y) + (mean(p) - mean(y))^2)}.
     *
     * @param pred (B, K)
     * @param truth (B, K)
     * @return (K)
     */
    public static NDArray ccc(final NDArray pred, final NDArray truth) {
        final NDArray mp = pred.mean(new int[] {0});
        final NDArray my = truth.mean(new int[] {0});
        final NDArray dp = pred.sub(mp);
        final NDArray dy = truth.sub(my);
        final NDArray vp = dp.square().mean(new int[] {0});
        final NDArray vy = dy.square().mean(new int[] {0});
        final NDArray cov = dp.mul(dy).mean(new int[] {0});
        return times(cov, 2).div(vp.add(vy).add(mp.sub(my).square()).add(CCC_EPS));
    }

    /** {@link Nn#times}: {@code x * value}, safe for autograd (the trainer's name for it). */
    static NDArray times(final NDArray x, final float value) {
        return Nn.times(x, value);
    }

    /** @return the sum over attributes of {@code 1 - CCC}, a scalar */
    public static NDArray cccLoss(final NDArray pred, final NDArray truth) {
        return ccc(pred, truth).neg().add(1).sum();
    }

    /** @return the mean squared error over all elements, a scalar */
    public static NDArray mse(final NDArray a, final NDArray b) {
        return a.sub(b).square().mean();
    }

    // ---- plain Java, for development metrics over a whole split ----

    /** @return mean cross-entropy (natural log) of logits rows against classes */
    public static double crossEntropy(final float[][] logits, final int[] classes) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum -= logSoftmax(logits[i])[classes[i]];
        }
        return sum / logits.length;
    }

    /** @return the fraction of rows whose argmax equals the class */
    public static double accuracy(final float[][] scores, final int[] classes) {
        int hit = 0;
        for (int i = 0; i < scores.length; i++) {
            if (argmax(scores[i]) == classes[i]) {
                hit++;
            }
        }
        return (double)hit / scores.length;
    }

    /**
     * The development criterion's CCC per attribute (column): the metrics' own definition
     * ({@link DimensionalScores#concordance}), an undefined CCC (truth and prediction the same constant) counted as 0.
     */
    public static double[] ccc(final float[][] pred, final float[][] truth) {
        final int k = pred[0].length;
        final double[] out = new double[k];
        final double[] p = new double[pred.length];
        final double[] y = new double[pred.length];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < pred.length; i++) {
                p[i] = pred[i][j];
                y[i] = truth[i][j];
            }
            final double c = DimensionalScores.concordance(y, p);
            out[j] = Double.isNaN(c) ? 0 : c;
        }
        return out;
    }

    /** @return index of the largest value (first on ties) */
    public static int argmax(final float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** @return log-softmax of a row, computed stably */
    static double[] logSoftmax(final float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float f : row) {
            max = Math.max(max, f);
        }
        double sum = 0;
        for (float f : row) {
            sum += Math.exp(f - max);
        }
        final double log = Math.log(sum) + max;
        final double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] - log;
        }
        return out;
    }

    /** @return softmax of a row as floats */
    public static float[] softmax(final float[] row) {
        final double[] l = logSoftmax(row);
        final float[] p = new float[row.length];
        for (int i = 0; i < row.length; i++) {
            p[i] = (float)Math.exp(l[i]);
        }
        return p;
    }
}
