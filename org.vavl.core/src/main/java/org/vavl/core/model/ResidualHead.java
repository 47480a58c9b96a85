package org.vavl.core.model;

import java.util.ArrayList;
import java.util.List;

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
 * The AuxFormer (2022) head: Linear layers through the given widths with ReLU and Dropout between them, a
 * residual connection around them, then the output Linear. PyTorch's default Linear initialisation.
 *
 * <p>Shapes: (B, widths[0]) -> (B, out); the last width equals the first (residual).
 */
public final class ResidualHead extends AbstractBlock {

    private final int[] m_widths;
    private final int m_outputs;
    private final List<Linear> m_layers = new ArrayList<>();
    private final Dropout m_dropout;
    private final Linear m_output;

    /**
     * @param widths in, hidden..., in
     * @param outputs out
     * @param dropout dropout after each ReLU
     */
    public ResidualHead(final int[] widths, final int outputs, final float dropout) {
        super((byte)1);
        if (widths.length < 2 || widths[0] != widths[widths.length - 1]) {
            throw new IllegalArgumentException("a residual head needs widths from in back to in");
        }
        m_widths = widths.clone();
        m_outputs = outputs;
        for (int i = 1; i < widths.length; i++) {
            m_layers.add(addChildBlock("layer" + (i - 1), Nn.defaultLinear(widths[i - 1], widths[i], true)));
        }
        m_dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
        m_output = addChildBlock("output", Nn.defaultLinear(widths[0], outputs, true));
    }

    /**
     * @param ps parameter store
     * @param x (B, in)
     * @param training dropout on
     * @return (B, out)
     */
    public NDArray forward(final ParameterStore ps, final NDArray x, final boolean training) {
        NDArray y = x;
        for (int i = 0; i < m_layers.size(); i++) {
            y = Nn.apply(m_layers.get(i), ps, y, training);
            if (i < m_layers.size() - 1) {
                y = Nn.apply(m_dropout, ps, Activation.relu(y), training);
            }
        }
        return Nn.apply(m_output, ps, y.add(x), training);
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
        final Shape x = inputShapes[0];
        for (int i = 0; i < m_layers.size(); i++) {
            m_layers.get(i).initialize(manager, dataType, Nn.withLast(x, m_widths[i]));
        }
        m_dropout.initialize(manager, dataType, x);
        m_output.initialize(manager, dataType, Nn.withLast(x, m_widths[0]));
    }
}
