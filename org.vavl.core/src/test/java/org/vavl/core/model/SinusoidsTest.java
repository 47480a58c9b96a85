package org.vavl.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The kept sinusoid table gives, bit for bit, what computing each position directly gives, as it grows too. */
class SinusoidsTest {

    @Test
    void slicesEqualDirectComputationWhileTheTableGrows() {
        for (final int dim : new int[] {7, 50, 512}) {
            for (final int frames : new int[] {1, 3, 90, 150, 700, 20}) {
                final float[] relative = Sinusoids.rows(dim, frames - 1, 2 * frames - 1, -1);
                for (int k = 0; k < 2 * frames - 1; k++) {
                    assertRow(relative, k, frames - 1 - k, dim);
                }
                final float[] absolute = Sinusoids.rows(dim, 0, frames, 1);
                for (int p = 0; p < frames; p++) {
                    assertRow(absolute, p, p, dim);
                }
            }
        }
    }

    private static void assertRow(final float[] v, final int row, final double position, final int dim) {
        for (int m = 0; 2 * m < dim; m++) {
            final double w = Math.exp(-(2.0 * m) * Math.log(10000.0) / dim);
            assertEquals(Float.floatToIntBits((float)Math.sin(position * w)),
                Float.floatToIntBits(v[row * dim + 2 * m]), "sin, position " + position + ", m " + m);
            if (2 * m + 1 < dim) {
                assertEquals(Float.floatToIntBits((float)Math.cos(position * w)),
                    Float.floatToIntBits(v[row * dim + 2 * m + 1]), "cos, position " + position + ", m " + m);
            }
        }
    }
}
