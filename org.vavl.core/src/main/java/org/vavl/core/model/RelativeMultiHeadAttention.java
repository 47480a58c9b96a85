package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

/**
 * Multi-head self-attention with relative sinusoidal positions, Transformer-XL style (Dai et al. 2019), as the
 * Conformer uses it.
 *
 * <p>For query frame i and key frame j, per head: score(i, j) = [(q_i + u) . k_j + (q_i + v) . W_pos R_(i-j)] /
 * sqrt(d_model), with learned per-head biases u and v (H, d/H), R the sinusoid of the distance i - j
 * ({@link RelativePositionalEncoding}) and W_pos a Linear without bias. Scores of padded keys are masked; the
 * softmax weights are dropped out (training) and mix the values; the heads are concatenated and projected by
 * the output Linear. The scale sqrt(d_model) (not sqrt(d/H)) is the reference's.
 *
 * <p>Shapes: x (B, T, d), mask (B, T) -> (B, T, d).
 */
public final class RelativeMultiHeadAttention extends SequenceBlock {

    private final int m_modelDim;
    private final int m_heads;
    private final int m_headDim;
    private final Linear m_query;
    private final Linear m_key;
    private final Linear m_value;
    private final Linear m_position;
    private final Linear m_output;
    private final Dropout m_attentionDropout;
    private final Parameter m_biasU;
    private final Parameter m_biasV;

    /**
     * @param modelDim d
     * @param heads H, divides d
     * @param dropout dropout of the attention weights
     */
    public RelativeMultiHeadAttention(final int modelDim, final int heads, final float dropout) {
        if (modelDim % heads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") must divide the model dim (" + modelDim + ")");
        }
        m_modelDim = modelDim;
        m_heads = heads;
        m_headDim = modelDim / heads;
        m_query = addChildBlock("query", Nn.xavierLinear(modelDim, true));
        m_key = addChildBlock("key", Nn.xavierLinear(modelDim, true));
        m_value = addChildBlock("value", Nn.xavierLinear(modelDim, true));
        m_position = addChildBlock("position", Nn.xavierLinear(modelDim, false));
        m_output = addChildBlock("output", Nn.xavierLinear(modelDim, true));
        m_attentionDropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
        m_biasU = addParameter(Parameter.builder().setName("biasU").setType(Parameter.Type.OTHER)
            .optShape(new Shape(heads, m_headDim)).optInitializer(Inits.xavierUniform()).build());
        m_biasV = addParameter(Parameter.builder().setName("biasV").setType(Parameter.Type.OTHER)
            .optShape(new Shape(heads, m_headDim)).optInitializer(Inits.xavierUniform()).build());
    }

    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x, final NDArray mask, final boolean training) {
        final Shape s = x.getShape();
        final long b = s.get(0);
        final int t = (int)s.get(1);
        final NDArray q = Nn.apply(m_query, ps, x, training).reshape(b, t, m_heads, m_headDim);
        final NDArray k = Nn.apply(m_key, ps, x, training).reshape(b, t, m_heads, m_headDim).transpose(0, 2, 3, 1);
        final NDArray v = Nn.apply(m_value, ps, x, training).reshape(b, t, m_heads, m_headDim).transpose(0, 2, 1, 3);
        final NDArray u = ps.getValue(m_biasU, x.getDevice(), training);
        final NDArray vb = ps.getValue(m_biasV, x.getDevice(), training);

        // positions: (2T-1, d) -> (H, d/H, 2T-1), the same for every clip
        final NDArray r = RelativePositionalEncoding.encode(x.getManager(), t, m_modelDim).toDevice(x.getDevice(), false);
        final NDArray p = Nn.apply(m_position, ps, r, training).reshape(2L * t - 1, m_heads, m_headDim)
            .transpose(1, 2, 0);

        final NDArray content = q.add(u).transpose(0, 2, 1, 3).matMul(k); // (B, H, T, T)
        final NDArray position = RelativePositionalEncoding.relativeShift(q.add(vb).transpose(0, 2, 1, 3).matMul(p));
        NDArray scores = Nn.over(content.add(position), (float)Math.sqrt(m_modelDim));
        if (mask != null) {
            scores = scores.add(Nn.keyBias(mask));
        }
        NDArray weights = scores.softmax(3);
        weights = Nn.apply(m_attentionDropout, ps, weights, training);
        final NDArray context = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, m_modelDim);
        return Nn.apply(m_output, ps, context, training);
    }

    @Override
    protected long outputDim(final long inputDim) {
        return m_modelDim;
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape x = inputShapes[0];
        m_query.initialize(manager, dataType, x);
        m_key.initialize(manager, dataType, x);
        m_value.initialize(manager, dataType, x);
        m_position.initialize(manager, dataType, new Shape(1, m_modelDim));
        m_output.initialize(manager, dataType, x);
        m_attentionDropout.initialize(manager, dataType, new Shape(1, m_heads, 1, 1));
    }
}
