package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A block on padded feature sequences: inputs {@code [x (B, T, Din), mask (B, T)]}, output
 * {@code [y (B, T, Dout)]}. The mask is float, 1 for a real frame and 0 for padding; real frames come first in
 * each clip. A sequence block never lets padded frames change the outputs at real frames.
 */
public abstract class SequenceBlock extends AbstractBlock {

    protected SequenceBlock() {
        super((byte)1);
    }

    /**
     * @param ps the parameter store
     * @param x (B, T, Din)
     * @param mask (B, T), 1 = real frame
     * @param training true for a training pass (dropout, batch statistics)
     * @return (B, T, Dout)
     */
    public abstract NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training);

    /** @return the width of the output, given the input width */
    protected abstract long outputDim(long inputDim);

    @Override
    protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
        final PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                + " needs two inputs, the sequences (B, T, D) and their mask (B, T); got " + inputs.size());
        }
        return new NDList(forward(ps, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final Shape x = inputShapes[0];
        return new Shape[] {Nn.withLast(x, outputDim(x.get(x.dimension() - 1)))};
    }
}
