package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * One Conformer block (Gulati et al. 2020) with half-step feed-forward residuals:
 * {@code x += 0.5 FF(x); x += MHSA(x); x += Conv(x); x += 0.5 FF(x); x = LayerNorm(x)}.
 *
 * <p>Shapes: x (B, T, d), mask (B, T) -> (B, T, d).
 */
public final class ConformerBlock extends SequenceBlock {

    private final int m_modelDim;
    private final FeedForwardModule m_feedForward1;
    private final SelfAttentionModule m_attention;
    private final ConvolutionModule m_convolution;
    private final FeedForwardModule m_feedForward2;
    private final LayerNorm m_norm;

    /**
     * @param modelDim d
     * @param heads attention heads
     * @param ffDim feed-forward width
     * @param kernel depthwise convolution kernel (odd)
     * @param dropout the dropout rate of every module
     */
    public ConformerBlock(final int modelDim, final int heads, final int ffDim, final int kernel, final float dropout) {
        m_modelDim = modelDim;
        m_feedForward1 = addChildBlock("feedForwardA", new FeedForwardModule(modelDim, ffDim, dropout));
        m_attention = addChildBlock("attention", new SelfAttentionModule(modelDim, heads, dropout));
        m_convolution = addChildBlock("convolution", new ConvolutionModule(modelDim, kernel, dropout));
        m_feedForward2 = addChildBlock("feedForwardB", new FeedForwardModule(modelDim, ffDim, dropout));
        m_norm = addChildBlock("norm", Nn.layerNorm(2));
    }

    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x, final NDArray mask, final boolean training) {
        // each residual step in its own scope, so that temporaries are freed as soon as it is done
        NDArray y = Nn.scoped(x, mask, (a, m) -> a.add(Nn.times(m_feedForward1.forward(ps, a, m, training), 0.5f)));
        y = Nn.scoped(y, mask, (a, m) -> a.add(m_attention.forward(ps, a, m, training)));
        y = Nn.scoped(y, mask, (a, m) -> a.add(m_convolution.forward(ps, a, m, training)));
        y = Nn.scoped(y, mask, (a, m) -> Nn.apply(m_norm, ps,
            a.add(Nn.times(m_feedForward2.forward(ps, a, m, training), 0.5f)), training));
        return y;
    }

    @Override
    protected long outputDim(final long inputDim) {
        return m_modelDim;
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        m_feedForward1.initialize(manager, dataType, inputShapes);
        m_attention.initialize(manager, dataType, inputShapes);
        m_convolution.initialize(manager, dataType, inputShapes);
        m_feedForward2.initialize(manager, dataType, inputShapes);
        m_norm.initialize(manager, dataType, inputShapes[0]);
    }
}
