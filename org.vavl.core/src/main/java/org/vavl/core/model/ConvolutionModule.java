package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * The Conformer's convolution module: LayerNorm -> pointwise Conv1d(d -> 2d) -> GLU -> depthwise Conv1d(k, same
 * padding, groups = d, no bias) -> {@link MaskedBatchNorm} -> Swish -> pointwise Conv1d(d -> d) -> Dropout. No
 * residual ({@link ConformerBlock} adds it).
 *
 * <p>The pointwise convolutions (kernel 1) are Linear layers on the last axis: the same arithmetic and the same
 * parameters as a Conv1d with k = 1 (weight (out, in) instead of (out, in, 1)), without two transposes. They get
 * PyTorch's Conv1d initialisation. Padded frames are set to zero before the depthwise convolution, so a real
 * frame near the end of a clip sees zeros, exactly as the 'same' padding of an unpadded clip; the batch
 * statistics use real frames only.
 *
 * <p>Shapes: x (B, T, d), mask (B, T) -> (B, T, d); the depthwise convolution runs on (B, d, T).
 */
public final class ConvolutionModule extends SequenceBlock {

    private final int m_modelDim;
    private final LayerNorm m_norm;
    private final Linear m_pointwiseIn;
    private final Conv1d m_depthwise;
    private final MaskedBatchNorm m_batchNorm;
    private final Linear m_pointwiseOut;
    private final Dropout m_dropout;

    /**
     * @param modelDim d
     * @param kernel odd kernel of the depthwise convolution
     * @param dropout the dropout rate
     */
    public ConvolutionModule(final int modelDim, final int kernel, final float dropout) {
        if (kernel % 2 == 0) {
            throw new IllegalArgumentException("the depthwise kernel must be odd, got " + kernel);
        }
        m_modelDim = modelDim;
        m_norm = addChildBlock("norm", Nn.layerNorm(2));
        m_pointwiseIn = addChildBlock("pointwiseIn", Nn.defaultLinear(modelDim, 2L * modelDim, true));
        m_depthwise = addChildBlock("depthwise", Conv1d.builder().setKernelShape(new Shape(kernel))
            .setFilters(modelDim).optGroups(modelDim).optPadding(new Shape(kernel / 2)).optBias(false).build());
        m_depthwise.setInitializer(Inits.fanInUniform(), Parameter.Type.WEIGHT);
        m_batchNorm = addChildBlock("batchNorm", new MaskedBatchNorm(modelDim));
        m_pointwiseOut = addChildBlock("pointwiseOut", Nn.defaultLinear(modelDim, modelDim, true));
        m_dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
    }

    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x, final NDArray mask, final boolean training) {
        NDArray y = Nn.apply(m_pointwiseIn, ps, Nn.apply(m_norm, ps, x, training), training);
        final NDList halves = y.split(2, 2);
        y = halves.get(0).mul(Activation.sigmoid(halves.get(1))); // GLU
        y = y.mul(mask.expandDims(2));
        y = Nn.apply(m_depthwise, ps, y.transpose(0, 2, 1), training).transpose(0, 2, 1);
        y = m_batchNorm.forward(ps, y, mask, training);
        y = Nn.swish(y);
        y = Nn.apply(m_pointwiseOut, ps, y, training);
        return Nn.apply(m_dropout, ps, y, training);
    }

    @Override
    protected long outputDim(final long inputDim) {
        return m_modelDim;
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape x = inputShapes[0];
        m_norm.initialize(manager, dataType, x);
        m_pointwiseIn.initialize(manager, dataType, x);
        m_depthwise.initialize(manager, dataType, new Shape(x.get(0), m_modelDim, x.get(1)));
        m_batchNorm.initialize(manager, dataType, inputShapes);
        m_pointwiseOut.initialize(manager, dataType, x);
        m_dropout.initialize(manager, dataType, x);
    }
}
