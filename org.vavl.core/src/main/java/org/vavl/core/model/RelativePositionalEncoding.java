package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Sinusoidal encodings of relative distances, for Transformer-XL style attention.
 *
 * <p>Row k of {@link #encode(NDManager, int, int)} encodes the distance r = (T - 1) - k between a query frame i
 * and a key frame j, r = i - j, for k = 0 .. 2T - 2 (distances T-1 down to -(T-1)). Each row is the usual
 * sinusoid: [sin(r w_0), cos(r w_0), sin(r w_1), cos(r w_1), ...] with w_m = 10000^(-2m/d). The values are
 * computed in double precision and rounded to float, so they do not depend on T: the same distance gets the
 * same encoding whatever the length of the (padded) sequence. (The reference encodes absolute positions
 * 0 .. T-1 and shifts them, which makes the score of a frame pair depend on the padded length.)
 */
public final class RelativePositionalEncoding {

    private RelativePositionalEncoding() {
    }

    /**
     * @param manager where the array lives
     * @param frames T
     * @param dim d (even)
     * @return (2T - 1, d) float32
     */
    public static NDArray encode(final NDManager manager, final int frames, final int dim) {
        final int rows = 2 * frames - 1;
        final float[] v = Sinusoids.rows(dim, frames - 1, rows, -1); // distances T-1 down to -(T-1)
        // manager.create(float[]) wraps a direct buffer that Java owns (torch::from_blob); autograd may keep this
        // tensor after the array is closed (Nn.scoped closes it before backward), and the buffer is then freed by
        // the garbage collector under the saved tensor. A copy owned by libtorch is safe.
        try (NDArray javaOwned = manager.create(v, new Shape(rows, dim))) {
            return javaOwned.duplicate();
        }
    }

    /**
     * The relative shift: turns position scores against the 2T-1 distances into scores per (query, key) pair.
     *
     * @param scores (B, H, T, 2T - 1), column k for distance (T - 1) - k
     * @return (B, H, T, T), element [i, j] = scores[i, T - 1 - i + j], the score for distance i - j
     */
    public static NDArray relativeShift(final NDArray scores) {
        final Shape s = scores.getShape();
        final long b = s.get(0), h = s.get(1), t = s.get(2), w = s.get(3);
        if (w != 2 * t - 1) {
            throw new IllegalArgumentException("relative shift needs (B, H, T, 2T-1) scores, got " + s);
        }
        final NDArray zeros = scores.getManager().zeros(new Shape(b, h, t, 1), scores.getDataType());
        final NDArray padded = zeros.concat(scores, 3).reshape(b, h, 2 * t, t);
        return padded.get(":, :, 1:").reshape(b, h, t, w).get("..., :" + t);
    }
}
