package org.vavl.core.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sinusoids of positions (absolute, or relative distances), computed once per width and kept: row p is
 * [sin(p w_0), cos(p w_0), sin(p w_1), cos(p w_1), ...] with w_m = 10000^(-2m/d), in double precision rounded to
 * float. Every attention block of every forward pass needs them; computing them in Java each time (about 150,000
 * sines and cosines per block at 150 frames) took a noticeable part of a single clip's inference.
 *
 * <p>The table of a width holds positions -P .. P and grows (doubling P) when longer sequences come; the values of a
 * position never depend on P, so a slice is bit for bit what computing it directly gives. Thread safe.
 */
final class Sinusoids {

    /** Per width: positions -P .. P, row p at index p + P. */
    private static final Map<Integer, float[]> TABLES = new ConcurrentHashMap<>();

    private Sinusoids() {
    }

    /**
     * @param dim d
     * @param first the first position
     * @param count rows
     * @param step +1 (positions first, first + 1, ...) or -1 (first, first - 1, ...)
     * @return (count x dim) values, row by row
     */
    static float[] rows(final int dim, final int first, final int count, final int step) {
        final int last = first + step * (count - 1);
        final int reach = Math.max(Math.abs(first), Math.abs(last));
        float[] table = TABLES.get(dim);
        if (table == null || table.length / dim < 2 * reach + 1) {
            synchronized (TABLES) {
                table = TABLES.get(dim);
                if (table == null || table.length / dim < 2 * reach + 1) {
                    int p = table == null ? 64 : (table.length / dim - 1) / 2;
                    while (p < reach) {
                        p *= 2;
                    }
                    table = compute(dim, p);
                    TABLES.put(dim, table);
                }
            }
        }
        final int half = (table.length / dim - 1) / 2;
        final float[] out = new float[count * dim];
        if (step == 1) {
            System.arraycopy(table, (first + half) * dim, out, 0, count * dim);
        } else {
            for (int i = 0; i < count; i++) {
                System.arraycopy(table, (first - i + half) * dim, out, i * dim, dim);
            }
        }
        return out;
    }

    private static float[] compute(final int dim, final int half) {
        final int rows = 2 * half + 1;
        final float[] v = new float[rows * dim];
        final double[] w = new double[(dim + 1) / 2];
        for (int m = 0; 2 * m < dim; m++) {
            w[m] = Math.exp(-(2.0 * m) * Math.log(10000.0) / dim);
        }
        for (int k = 0; k < rows; k++) {
            final double r = k - half;
            for (int m = 0; 2 * m < dim; m++) {
                v[k * dim + 2 * m] = (float)Math.sin(r * w[m]);
                if (2 * m + 1 < dim) {
                    v[k * dim + 2 * m + 1] = (float)Math.cos(r * w[m]);
                }
            }
        }
        return v;
    }
}
