package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * The Conformer's feed-forward module: LayerNorm -> Linear(d, ff) -> Swish -> Dropout -> Linear(ff, d) -> Dropout.
 * The block adds no residual; {@link ConformerBlock} adds half of it to its input.
 *
 * <p>Shapes: x (B, T, d) -> (B, T, d). Frame-wise: the mask is not needed.
 */
public final class FeedForwardModule extends SequenceBlock {

    private final LayerNorm m_norm;
    private final Linear m_expand;
    private final Dropout m_dropout1;
    private final Linear m_contract;
    private final Dropout m_dropout2;
    private final int m_modelDim;
    private final int m_ffDim;

    /**
     * @param modelDim d
     * @param ffDim the hidden width
     * @param dropout the dropout rate
     */
    public FeedForwardModule(final int modelDim, final int ffDim, final float dropout) {
        m_modelDim = modelDim;
        m_ffDim = ffDim;
        m_norm = addChildBlock("norm", Nn.layerNorm(2));
        m_expand = addChildBlock("expand", Nn.xavierLinear(ffDim, true));
        m_dropout1 = addChildBlock("dropoutA", Dropout.builder().optRate(dropout).build());
        m_contract = addChildBlock("contract", Nn.xavierLinear(modelDim, true));
        m_dropout2 = addChildBlock("dropoutB", Dropout.builder().optRate(dropout).build());
    }

    /** Frame-wise, so the mask may be null. */
    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x, final NDArray mask, final boolean training) {
        NDArray y = Nn.apply(m_norm, ps, x, training);
        y = Nn.apply(m_expand, ps, y, training);
        y = Nn.swish(y);
        y = Nn.apply(m_dropout1, ps, y, training);
        y = Nn.apply(m_contract, ps, y, training);
        return Nn.apply(m_dropout2, ps, y, training);
    }

    @Override
    protected long outputDim(final long inputDim) {
        return m_modelDim;
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape x = inputShapes[0];
        m_norm.initialize(manager, dataType, x);
        m_expand.initialize(manager, dataType, x);
        m_dropout1.initialize(manager, dataType, Nn.withLast(x, m_ffDim));
        m_contract.initialize(manager, dataType, Nn.withLast(x, m_ffDim));
        m_dropout2.initialize(manager, dataType, x);
    }
}
