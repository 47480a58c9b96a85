package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * The Conformer's self-attention module: LayerNorm -> {@link RelativeMultiHeadAttention} -> Dropout. No residual
 * ({@link ConformerBlock} adds it).
 *
 * <p>Shapes: x (B, T, d), mask (B, T) -> (B, T, d).
 */
public final class SelfAttentionModule extends SequenceBlock {

    private final int m_modelDim;
    private final LayerNorm m_norm;
    private final RelativeMultiHeadAttention m_attention;
    private final Dropout m_dropout;

    /**
     * @param modelDim d
     * @param heads H
     * @param dropout dropout of the attention weights and of the output
     */
    public SelfAttentionModule(final int modelDim, final int heads, final float dropout) {
        m_modelDim = modelDim;
        m_norm = addChildBlock("norm", Nn.layerNorm(2));
        m_attention = addChildBlock("attention", new RelativeMultiHeadAttention(modelDim, heads, dropout));
        m_dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
    }

    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x, final NDArray mask, final boolean training) {
        final NDArray y = m_attention.forward(ps, Nn.apply(m_norm, ps, x, training), mask, training);
        return Nn.apply(m_dropout, ps, y, training);
    }

    @Override
    protected long outputDim(final long inputDim) {
        return m_modelDim;
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        m_norm.initialize(manager, dataType, inputShapes[0]);
        m_attention.initialize(manager, dataType, inputShapes);
        m_dropout.initialize(manager, dataType, inputShapes[0]);
    }
}
