package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    /**
     * Labels drawn from softmax(base) and logits = 3 * base: the model is over-confident by a factor 3, so the
     * likelihood is best at T = 3 (up to sampling noise); the fit agrees with a brute-force search over 20,000
     * temperatures.
     */
    @Test
    void theFittedTemperatureUndoesAKnownOverconfidence() {
        final Random r = new Random(11);
        final List<float[]> logits = new ArrayList<>();
        final int n = 4000;
        final int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            final float[] base = new float[6];
            for (int k = 0; k < base.length; k++) {
                base[k] = (float)(r.nextGaussian() * 1.5);
            }
            final float[] p = Losses.softmax(base);
            double u = r.nextDouble();
            int y = 0;
            while (y < p.length - 1 && (u -= p[y]) > 0) {
                y++;
            }
            truth[i] = y;
            final float[] z = new float[base.length];
            for (int k = 0; k < z.length; k++) {
                z[k] = 3 * base[k];
            }
            logits.add(z);
        }
        final double t = Calibration.fitTemperature(logits, truth);
        assertEquals(3, t, 0.25);
        double best = Double.NaN;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 20_000; i++) {
            final double c = Math.exp(Math.log(Calibration.MIN_T)
                + i * (Math.log(Calibration.MAX_T) - Math.log(Calibration.MIN_T)) / 20_000);
            final double v = Calibration.nll(logits, truth, c);
            if (v < bestNll) {
                bestNll = v;
                best = c;
            }
        }
        assertEquals(best, t, best * 5e-4);
        assertTrue(Calibration.nll(logits, truth, t) < Calibration.nll(logits, truth, 1));
    }

    @Test
    void withEveryClipRightThereIsNothingToCalibrate() {
        final List<float[]> logits = List.of(new float[] {3f, 0f}, new float[] {0f, 2f}, new float[] {1f, 0.5f});
        assertEquals(1.0, Calibration.fitTemperature(logits, new int[] {0, 1, 0}));
        assertEquals(1.0, Calibration.fitTemperature(List.of(), new int[0]));
        // one confidently wrong clip: a real optimum above 1
        final List<float[]> wrong = List.of(new float[] {3f, 0f}, new float[] {0f, 2f}, new float[] {4f, 0f});
        final double t = Calibration.fitTemperature(wrong, new int[] {0, 1, 1});
        assertTrue(t > 1, "a confident mistake calls for a higher temperature: " + t);
        // PyTorch: the T of least torch.nn.functional.cross_entropy(z / T, y) on a 0.1% grid from 0.25 is 14.42
        assertEquals(14.42, t, 0.015);
    }

    @Test
    void temperatureKeepsTheClassAndSoftensTheProbabilities() {
        final float[] z = {2f, -1f, 0.5f};
        final float[] hot = Calibration.softmax(z, 1);
        final float[] soft = Calibration.softmax(z, 2.5);
        assertArrayEquals(Losses.softmax(z), hot, 0f);
        assertEquals(Losses.argmax(hot), Losses.argmax(soft));
        assertTrue(soft[0] < hot[0] && soft[1] > hot[1]);
        // T = 2.5: softmax(z / 2.5) computed by hand
        final double e0 = Math.exp(0.8);
        final double e1 = Math.exp(-0.4);
        final double e2 = Math.exp(0.2);
        assertEquals(e0 / (e0 + e1 + e2), soft[0], 1e-6);
    }
}
