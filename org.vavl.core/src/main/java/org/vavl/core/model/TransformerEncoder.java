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
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The transformer encoder of the AuxFormer (2022) network (docs/model.md, Architectures): optional input scaling by
 * sqrt(d) with absolute sinusoidal positions and embedding dropout, then N pre-LayerNorm layers
 * ({@code x += Dropout(MHA(LN(x), LN(kv)))}; {@code x += Dropout(Linear(Dropout(ReLU(Linear(LN(x))))))}) and a
 * final LayerNorm. As a cross-modal encoder the queries come from one modality and the keys and values from the
 * other (both normalised by the layer's first LayerNorm); as a self-attention encoder kv = x.
 *
 * <p>Shapes: x (B, T, d), mask (B, T) [, kv (B, S, d), kvMask (B, S)] -> (B, T, d). Padded keys are masked and
 * every operation is frame-wise otherwise, so outputs at real frames do not depend on padding.
 */
public final class TransformerEncoder extends AbstractBlock {

    private static final float EMBEDDING_DROPOUT = 0.25f;

    private final int m_modelDim;
    private final int m_ffDim;
    private final boolean m_positions;
    private final Dropout m_embeddingDropout;
    private final List<Layer> m_layers = new ArrayList<>();
    private final LayerNorm m_norm;

    /**
     * @param modelDim d
     * @param heads attention heads
     * @param ffDim feed-forward width
     * @param layers N
     * @param dropout attention, ReLU and residual dropout
     * @param positions scale by sqrt(d), add sinusoidal positions and apply embedding dropout (0.25) to the inputs
     */
    public TransformerEncoder(final int modelDim, final int heads, final int ffDim, final int layers,
        final float dropout, final boolean positions) {
        super((byte)1);
        m_modelDim = modelDim;
        m_ffDim = ffDim;
        m_positions = positions;
        m_embeddingDropout = addChildBlock("embeddingDropout", Dropout.builder().optRate(EMBEDDING_DROPOUT).build());
        for (int i = 0; i < layers; i++) {
            m_layers.add(addChildBlock("layer" + i, new Layer(modelDim, heads, ffDim, dropout)));
        }
        m_norm = addChildBlock("norm", Nn.layerNorm(2));
    }

    /**
     * @param ps parameter store
     * @param x queries (B, T, d)
     * @param mask (B, T)
     * @param kv keys and values (B, S, d), or null for self-attention
     * @param kvMask (B, S), or null for self-attention
     * @param training dropout on
     * @return (B, T, d)
     */
    public NDArray forward(final ParameterStore ps, final NDArray x, final NDArray mask, final NDArray kv,
        final NDArray kvMask, final boolean training) {
        NDArray y = embed(ps, x, training);
        final NDArray k = kv == null ? null : embed(ps, kv, training);
        final NDArray keyMask = k == null ? mask : kvMask;
        for (final Layer layer : m_layers) {
            // one scope per layer (see Nn.scoped); the keys of a cross-modal encoder are temporarily moved too
            y = Nn.scoped(y, keyMask, (a, m) -> {
                if (k != null) {
                    k.tempAttach(a.getManager());
                }
                return layer.forward(ps, a, k, m, training);
            });
        }
        return Nn.apply(m_norm, ps, y, training);
    }

    private NDArray embed(final ParameterStore ps, final NDArray x, final boolean training) {
        if (!m_positions) {
            return x;
        }
        final int t = (int)x.getShape().get(1);
        final NDArray pe = absolutePositions(x.getManager(), t, m_modelDim).toDevice(x.getDevice(), false);
        final NDArray y = Nn.times(x, (float)Math.sqrt(m_modelDim)).add(pe);
        return Nn.apply(m_embeddingDropout, ps, y, training);
    }

    /** @return (T, d) sinusoids of the positions 0 .. T-1 */
    static NDArray absolutePositions(final NDManager manager, final int frames, final int dim) {
        final float[] v = new float[frames * dim];
        for (int p = 0; p < frames; p++) {
            for (int m = 0; 2 * m < dim; m++) {
                final double w = Math.exp(-(2.0 * m) * Math.log(10000.0) / dim);
                v[p * dim + 2 * m] = (float)Math.sin(p * w);
                if (2 * m + 1 < dim) {
                    v[p * dim + 2 * m + 1] = (float)Math.cos(p * w);
                }
            }
        }
        // manager.create(float[]) wraps a direct buffer that Java owns (torch::from_blob); autograd may keep this
        // tensor after the array is closed (Nn.scoped closes it before backward), and the buffer is then freed by
        // the garbage collector under the saved tensor. A copy owned by libtorch is safe.
        try (NDArray javaOwned = manager.create(v, new Shape(frames, dim))) {
            return javaOwned.duplicate();
        }
    }

    @Override
    protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
        final PairList<String, Object> params) {
        final NDArray kv = inputs.size() > 2 ? inputs.get(2) : null;
        final NDArray kvMask = inputs.size() > 3 ? inputs.get(3) : null;
        return new NDList(forward(ps, inputs.get(0), inputs.get(1), kv, kvMask, training));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape x = inputShapes[0];
        m_embeddingDropout.initialize(manager, dataType, x);
        for (final Layer layer : m_layers) {
            layer.initialize(manager, dataType, x);
        }
        m_norm.initialize(manager, dataType, x);
    }

    /** One pre-LayerNorm transformer layer. Shapes: x (B, T, d) [, kv (B, S, d)] -> (B, T, d). */
    static final class Layer extends AbstractBlock {
        private final int m_ff;
        private final LayerNorm m_attentionNorm;
        private final MultiHeadAttention m_attention;
        private final Dropout m_attentionDropout;
        private final LayerNorm m_ffNorm;
        private final Linear m_expand;
        private final Dropout m_reluDropout;
        private final Linear m_contract;
        private final Dropout m_ffDropout;

        Layer(final int modelDim, final int heads, final int ffDim, final float dropout) {
            super((byte)1);
            m_ff = ffDim;
            m_attentionNorm = addChildBlock("attentionNorm", Nn.layerNorm(2));
            m_attention = addChildBlock("attention", new MultiHeadAttention(modelDim, heads, dropout));
            m_attentionDropout = addChildBlock("attentionDropout", Dropout.builder().optRate(dropout).build());
            m_ffNorm = addChildBlock("feedForwardNorm", Nn.layerNorm(2));
            m_expand = addChildBlock("expand", Nn.xavierLinear(ffDim, true));
            m_reluDropout = addChildBlock("reluDropout", Dropout.builder().optRate(dropout).build());
            m_contract = addChildBlock("contract", Nn.xavierLinear(modelDim, true));
            m_ffDropout = addChildBlock("feedForwardDropout", Dropout.builder().optRate(dropout).build());
        }

        NDArray forward(final ParameterStore ps, final NDArray x, final NDArray kv, final NDArray keyMask,
            final boolean training) {
            final NDArray q = Nn.apply(m_attentionNorm, ps, x, training);
            final NDArray k = kv == null ? q : Nn.apply(m_attentionNorm, ps, kv, training);
            NDArray y = x.add(Nn.apply(m_attentionDropout, ps, m_attention.forward(ps, q, k, keyMask, training), training));
            NDArray f = Activation.relu(Nn.apply(m_expand, ps, Nn.apply(m_ffNorm, ps, y, training), training));
            f = Nn.apply(m_contract, ps, Nn.apply(m_reluDropout, ps, f, training), training);
            return y.add(Nn.apply(m_ffDropout, ps, f, training));
        }

        @Override
        protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
            final PairList<String, Object> params) {
            return new NDList(forward(ps, inputs.get(0), inputs.size() > 2 ? inputs.get(2) : null,
                inputs.size() > 2 ? inputs.get(3) : inputs.get(1), training));
        }

        @Override
        public Shape[] getOutputShapes(final Shape[] inputShapes) {
            return new Shape[] {inputShapes[0]};
        }

        @Override
        protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... in) {
            final Shape x = in[0];
            m_attentionNorm.initialize(manager, dataType, x);
            m_attention.initialize(manager, dataType, x);
            m_attentionDropout.initialize(manager, dataType, x);
            m_ffNorm.initialize(manager, dataType, x);
            m_expand.initialize(manager, dataType, x);
            m_reluDropout.initialize(manager, dataType, Nn.withLast(x, m_ff));
            m_contract.initialize(manager, dataType, Nn.withLast(x, m_ff));
            m_ffDropout.initialize(manager, dataType, x);
        }
    }
}
