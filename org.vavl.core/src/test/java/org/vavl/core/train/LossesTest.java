package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vavl.core.util.DjlRuntime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

class LossesTest {

    @Test
    void djlLossesMatchHandComputedValues() throws Exception {
        DjlRuntime.run(() -> {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                final float[][] logits = {{1, 2, 0.5f}, {0.1f, -1, 3}, {2, 2, 2}};
                final int[] cls = {1, 2, 0};
                final NDArray l = m.create(new float[] {1, 2, 0.5f, 0.1f, -1, 3, 2, 2, 2}).reshape(3, 3);
                final NDArray oneHot = m.create(cls).oneHot(3);
                final double ce = Losses.crossEntropy(logits, cls);
                assertEquals(ce, Losses.crossEntropy(l, oneHot, null).getFloat(), 1e-6);
                // weighted as torch.nn.CrossEntropyLoss(weight=w): sum(w_y * nll) / sum(w_y)
                final float[] w = {0.5f, 2f, 1f};
                double num = 0;
                double den = 0;
                for (int i = 0; i < 3; i++) {
                    num -= w[cls[i]] * Losses.logSoftmax(logits[i])[cls[i]];
                    den += w[cls[i]];
                }
                assertEquals(num / den, Losses.crossEntropy(l, oneHot, m.create(w)).getFloat(), 1e-6);
                // CCC: perfect agreement 1, the Java and DJL versions agree, the loss sums 1 - CCC
                final float[][] p = {{0.1f, 1}, {0.4f, 2}, {0.3f, 2.5f}, {0.9f, 0}};
                final float[][] y = {{0.2f, 1}, {0.5f, 1.5f}, {0.2f, 3}, {0.8f, 0.5f}};
                final double[] ccc = Losses.ccc(p, y);
                final NDArray pa = m.create(flat(p)).reshape(4, 2);
                final NDArray ya = m.create(flat(y)).reshape(4, 2);
                final float[] cccDjl = Losses.ccc(pa, ya).toFloatArray();
                assertEquals(ccc[0], cccDjl[0], 1e-5);
                assertEquals(ccc[1], cccDjl[1], 1e-5);
                assertEquals(2 - ccc[0] - ccc[1], Losses.cccLoss(pa, ya).getFloat(), 1e-5);
                assertEquals(1, Losses.ccc(p, p)[0], 1e-6);
                // first column differences: -0.1, -0.1, 0.1, 0.1 -> mean square 0.01
                assertEquals(0.01, Losses.mse(pa.get(":,0"), ya.get(":,0")).getFloat(), 1e-6);
            }
        });
    }

    private static float[] flat(final float[][] a) {
        final float[] out = new float[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * a[0].length, a[0].length);
        }
        return out;
    }
}
