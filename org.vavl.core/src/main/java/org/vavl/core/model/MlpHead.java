package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * VAVL's head: Linear(in, hidden) -> ReLU -> Dropout -> Linear(hidden, hidden / 2) -> Linear(hidden / 2, out).
 * Used for the unimodal heads, the reconstruction heads and the fusion head (in = 2 x hidden). PyTorch's default
 * Linear initialisation, as the reference's heads.
 *
 * <p>Shapes: (B, in) -> (B, out).
 */
public final class MlpHead extends AbstractBlock {

    private final int m_inputs;
    private final int m_hidden;
    private final int m_outputs;
    private final Linear m_first;
    private final Dropout m_dropout;
    private final Linear m_second;
    private final Linear m_output;

    /**
     * @param inputs in
     * @param hidden hidden width (512 in the reference)
     * @param outputs out
     * @param dropout dropout after the ReLU
     */
    public MlpHead(final int inputs, final int hidden, final int outputs, final float dropout) {
        super((byte)1);
        m_inputs = inputs;
        m_hidden = hidden;
        m_outputs = outputs;
        m_first = addChildBlock("first", Nn.defaultLinear(inputs, hidden, true));
        m_dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
        m_second = addChildBlock("second", Nn.defaultLinear(hidden, hidden / 2, true));
        m_output = addChildBlock("output", Nn.defaultLinear(hidden / 2, outputs, true));
    }

    /**
     * @param ps parameter store
     * @param x (B, in)
     * @param training training pass (dropout)
     * @return (B, out)
     */
    public NDArray forward(final ParameterStore ps, final NDArray x, final boolean training) {
        NDArray y = Activation.relu(Nn.apply(m_first, ps, x, training));
        y = Nn.apply(m_dropout, ps, y, training);
        y = Nn.apply(m_second, ps, y, training);
        return Nn.apply(m_output, ps, y, training);
    }

    @Override
    protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
        final PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {Nn.withLast(inputShapes[0], m_outputs)};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape x = Nn.withLast(inputShapes[0], m_inputs);
        m_first.initialize(manager, dataType, x);
        m_dropout.initialize(manager, dataType, Nn.withLast(x, m_hidden));
        m_second.initialize(manager, dataType, Nn.withLast(x, m_hidden));
        m_output.initialize(manager, dataType, Nn.withLast(x, m_hidden / 2));
    }
}
