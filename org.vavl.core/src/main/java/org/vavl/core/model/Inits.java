package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * The weight initialisations of the reference, written out (DJL's own Xavier uses a different scale).
 * All draw from the engine's random generator, so {@code Engine.setRandomSeed} makes them repeatable.
 */
public final class Inits {

    private Inits() {
    }

    /**
     * Xavier (Glorot) uniform as PyTorch's {@code xavier_uniform_}: U(-b, b), b = sqrt(6 / (fanIn + fanOut)), with
     * fanIn = shape[1] * receptive field, fanOut = shape[0] * receptive field. Used for the Linear layers inside
     * the Conformer and the transformer encoders, and for the per-head position biases u and v.
     *
     * @return the initializer
     */
    public static Initializer xavierUniform() {
        return (manager, shape, dataType) -> {
            final long receptive = receptive(shape);
            final long fanIn = (shape.dimension() > 1 ? shape.get(1) : shape.get(0)) * receptive;
            final long fanOut = shape.get(0) * receptive;
            final float b = (float)Math.sqrt(6.0 / (fanIn + fanOut));
            return uniform(manager, shape, dataType, b);
        };
    }

    /**
     * PyTorch's default for {@code nn.Linear} and {@code nn.Conv1d} weights (Kaiming uniform with a = sqrt(5)):
     * U(-b, b), b = 1 / sqrt(fanIn), fanIn = shape[1] * receptive field.
     *
     * @return the initializer
     */
    public static Initializer fanInUniform() {
        return (manager, shape, dataType) -> {
            final long fanIn = (shape.dimension() > 1 ? shape.get(1) : shape.get(0)) * receptive(shape);
            return uniform(manager, shape, dataType, (float)(1.0 / Math.sqrt(fanIn)));
        };
    }

    /**
     * PyTorch's default for biases of {@code nn.Linear} and {@code nn.Conv1d}: U(-b, b), b = 1 / sqrt(fanIn) of the
     * layer's weight.
     *
     * @param fanIn the input width of the layer
     * @return the initializer
     */
    public static Initializer fanInUniform(final long fanIn) {
        return (manager, shape, dataType) -> uniform(manager, shape, dataType, (float)(1.0 / Math.sqrt(fanIn)));
    }

    private static long receptive(final Shape shape) {
        long r = 1;
        for (int i = 2; i < shape.dimension(); i++) {
            r *= shape.get(i);
        }
        return r;
    }

    private static NDArray uniform(final NDManager manager, final Shape shape, final DataType dataType,
        final float bound) {
        return manager.randomUniform(-bound, bound, shape, dataType);
    }
}
