package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/** Small helpers shared by the blocks of this package; {@link #times} is also the losses' (org.vavl.core.train). */
public final class Nn {

    /** Added to attention scores of padded keys: exp(score - 1e9) is exactly 0 in float32. */
    static final float MASKED_SCORE = -1e9f;

    private Nn() {
    }

    /** Applies a single-input, single-output block. */
    static NDArray apply(final Block block, final ParameterStore ps, final NDArray x, final boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /**
     * Runs {@code work} on (x, mask) with every intermediate array in a sub-manager that is closed at the end;
     * only the result survives, attached to x's manager. DJL frees arrays when their manager closes, not when they
     * are no longer used, so without this scope every temporary of a whole forward and backward pass stays in
     * memory until the caller's manager closes. Arrays that autograd still needs stay alive inside libtorch.
     *
     * @param x (B, T, D), in the caller's manager
     * @param mask (B, T) or null
     * @param work the computation
     * @return its result, attached to x's manager
     */
    static NDArray scoped(final NDArray x, final NDArray mask,
        final java.util.function.BiFunction<NDArray, NDArray, NDArray> work) {
        final NDManager parent = x.getManager();
        try (NDManager scope = parent.newSubManager()) {
            x.tempAttach(scope);
            if (mask != null && mask != x) {
                mask.tempAttach(scope);
            }
            final NDArray y = work.apply(x, mask);
            y.attach(parent);
            return y;
        }
    }

    /**
     * {@code x * value} with the scalar made by libtorch. DJL 0.32's {@code NDArray.mul(Number)} wraps the number in
     * a Java-owned direct buffer ({@code torch::from_blob}) and closes it right away; autograd keeps that scalar for
     * the backward pass, and once the garbage collector frees the buffer the gradients read freed memory (seen as
     * NaN losses under GC pressure). A scalar from {@code full} is owned by libtorch and safe.
     */
    public static NDArray times(final NDArray x, final float value) {
        return x.mul(x.getManager().full(new Shape(), value, x.getDataType()));
    }

    /** {@code x / value}, safe for autograd; see {@link #times}. */
    static NDArray over(final NDArray x, final float value) {
        return x.div(x.getManager().full(new Shape(), value, x.getDataType()));
    }

    /** Swish (SiLU), x * sigmoid(x), in two operations (DJL's Activation.swish takes three). */
    static NDArray swish(final NDArray x) {
        return x.mul(x.getNDArrayInternal().sigmoid());
    }

    /** A Linear layer on the last axis with Xavier-uniform weights and zero biases (the Conformer's Linear). */
    static Linear xavierLinear(final long units, final boolean bias) {
        final Linear l = Linear.builder().setUnits(units).optBias(bias).build();
        l.setInitializer(Inits.xavierUniform(), Parameter.Type.WEIGHT);
        if (bias) {
            l.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        }
        return l;
    }

    /** A Linear layer on the last axis with PyTorch's default initialisation (also that of a Conv1d with k=1). */
    static Linear defaultLinear(final long inputs, final long units, final boolean bias) {
        final Linear l = Linear.builder().setUnits(units).optBias(bias).build();
        l.setInitializer(Inits.fanInUniform(), Parameter.Type.WEIGHT);
        if (bias) {
            l.setInitializer(Inits.fanInUniform(inputs), Parameter.Type.BIAS);
        }
        return l;
    }

    /** LayerNorm over the last axis of (batch, time, dim) or (batch, dim), epsilon 1e-5 as PyTorch's. */
    static LayerNorm layerNorm(final int axis) {
        return LayerNorm.builder().axis(axis).optEpsilon(1e-5f).build();
    }

    /** @return the shape with its last dimension replaced */
    static Shape withLast(final Shape shape, final long last) {
        return shape.slice(0, shape.dimension() - 1).add(last);
    }

    /**
     * Mean over time of the real frames.
     *
     * @param x (B, T, D)
     * @param mask (B, T), 1 = real frame
     * @return (B, D); a clip without real frames gives zeros
     */
    static NDArray maskedTimeMean(final NDArray x, final NDArray mask) {
        final NDArray m = mask.expandDims(2);
        final NDArray count = mask.sum(new int[] {1}, true).maximum(1f);
        return x.mul(m).sum(new int[] {1}).div(count);
    }

    /**
     * The last real frame of each clip (real frames first, then padding).
     *
     * @param x (B, T, D)
     * @param mask (B, T), 1 = real frame, a prefix of ones per clip
     * @return (B, D); a clip without real frames gives zeros
     */
    static NDArray lastRealFrame(final NDArray x, final NDArray mask) {
        final long b = mask.getShape().get(0);
        final NDArray next = mask.get(":, 1:").concat(mask.getManager().zeros(new Shape(b, 1), mask.getDataType()), 1);
        final NDArray last = mask.mul(next.neg().add(1f));
        return x.mul(last.expandDims(2)).sum(new int[] {1});
    }

    /**
     * Additive attention bias for padded keys.
     *
     * @param keyMask (B, S), 1 = real frame
     * @return (B, 1, 1, S): 0 for real keys, {@link #MASKED_SCORE} for padded ones
     */
    static NDArray keyBias(final NDArray keyMask) {
        return keyMask.neg().add(1f).mul(MASKED_SCORE).expandDims(1).expandDims(1);
    }
}
