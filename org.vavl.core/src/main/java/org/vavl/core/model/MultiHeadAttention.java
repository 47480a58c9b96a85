package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Scaled dot-product multi-head attention (Vaswani et al. 2017) with padded keys masked; queries and keys may
 * come from different sequences (cross-modal attention). Xavier-uniform projections with zero biases.
 *
 * <p>Shapes: query (B, T, d), keys/values (B, S, d), keyMask (B, S) -> (B, T, d).
 */
public final class MultiHeadAttention extends AbstractBlock {

    private final int m_modelDim;
    private final int m_heads;
    private final int m_headDim;
    private final Linear m_query;
    private final Linear m_key;
    private final Linear m_value;
    private final Linear m_output;
    private final Dropout m_dropout;

    /**
     * @param modelDim d
     * @param heads H, divides d
     * @param dropout dropout of the attention weights
     */
    public MultiHeadAttention(final int modelDim, final int heads, final float dropout) {
        super((byte)1);
        if (modelDim % heads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") must divide the model dim (" + modelDim + ")");
        }
        m_modelDim = modelDim;
        m_heads = heads;
        m_headDim = modelDim / heads;
        m_query = addChildBlock("query", Nn.xavierLinear(modelDim, true));
        m_key = addChildBlock("key", Nn.xavierLinear(modelDim, true));
        m_value = addChildBlock("value", Nn.xavierLinear(modelDim, true));
        m_output = addChildBlock("output", Nn.xavierLinear(modelDim, true));
        m_dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
    }

    /**
     * @param ps parameter store
     * @param query (B, T, d)
     * @param keys (B, S, d), also the values
     * @param keyMask (B, S), 1 = real frame
     * @param training dropout on
     * @return (B, T, d)
     */
    public NDArray forward(final ParameterStore ps, final NDArray query, final NDArray keys, final NDArray keyMask,
        final boolean training) {
        final long b = query.getShape().get(0), t = query.getShape().get(1), s = keys.getShape().get(1);
        final NDArray q = Nn.apply(m_query, ps, query, training).reshape(b, t, m_heads, m_headDim).transpose(0, 2, 1, 3);
        final NDArray k = Nn.apply(m_key, ps, keys, training).reshape(b, s, m_heads, m_headDim).transpose(0, 2, 3, 1);
        final NDArray v = Nn.apply(m_value, ps, keys, training).reshape(b, s, m_heads, m_headDim).transpose(0, 2, 1, 3);
        NDArray scores = Nn.over(q.matMul(k), (float)Math.sqrt(m_headDim));
        if (keyMask != null) {
            scores = scores.add(Nn.keyBias(keyMask));
        }
        final NDArray weights = Nn.apply(m_dropout, ps, scores.softmax(3), training);
        final NDArray context = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, m_modelDim);
        return Nn.apply(m_output, ps, context, training);
    }

    @Override
    protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
        final PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.get(1), inputs.get(2), training));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape x = inputShapes[0];
        m_query.initialize(manager, dataType, x);
        m_key.initialize(manager, dataType, x);
        m_value.initialize(manager, dataType, x);
        m_output.initialize(manager, dataType, x);
        m_dropout.initialize(manager, dataType, new Shape(1, m_heads, 1, 1));
    }
}
