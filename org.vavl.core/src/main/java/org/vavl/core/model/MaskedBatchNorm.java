package org.vavl.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Batch normalisation over the channels of padded sequences, with statistics from the real frames only
 * (BatchNorm1d of the Conformer's convolution module, made mask-aware).
 *
 * <p>Training: mean and (biased) variance per channel over all real frames of the batch normalise the input;
 * the running mean and variance move towards them by {@code momentum} (0.1; the running variance gets the
 * unbiased estimate, as PyTorch's BatchNorm1d). Evaluation: the running statistics normalise every frame on its
 * own, so a clip's outputs do not depend on its batch. Then y = gamma * x_hat + beta.
 *
 * <p>Shapes: x (B, T, C), mask (B, T) -> (B, T, C). Outputs at padded frames are computed but meaningless.
 */
public final class MaskedBatchNorm extends SequenceBlock {

    private static final float EPSILON = 1e-5f;
    private static final float MOMENTUM = 0.1f;

    private final Parameter m_gamma;
    private final Parameter m_beta;
    private final Parameter m_runningMean;
    private final Parameter m_runningVar;
    private final int m_channels;

    /** @param channels C */
    public MaskedBatchNorm(final int channels) {
        m_channels = channels;
        final Shape c = new Shape(channels);
        m_gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optShape(c).build());
        m_beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optShape(c).build());
        m_runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
            .optShape(c).optRequiresGrad(false).build());
        m_runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
            .optShape(c).optRequiresGrad(false).build());
    }

    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x, final NDArray mask, final boolean training) {
        final NDArray gamma = ps.getValue(m_gamma, x.getDevice(), training);
        final NDArray beta = ps.getValue(m_beta, x.getDevice(), training);
        final NDArray mean;
        final NDArray var;
        if (training) {
            final NDArray m = mask.expandDims(2);
            final NDArray count = mask.sum(); // scalar
            mean = x.mul(m).sum(new int[] {0, 1}).div(count.maximum(1f));
            final NDArray centred = x.sub(mean).mul(m);
            final NDArray sumSq = centred.square().sum(new int[] {0, 1});
            var = sumSq.div(count.maximum(1f));
            final NDArray unbiased = sumSq.stopGradient().div(count.sub(1f).maximum(1f));
            final NDArray rm = m_runningMean.getArray();
            final NDArray rv = m_runningVar.getArray();
            rm.muli(1f - MOMENTUM).addi(mean.stopGradient().mul(MOMENTUM));
            rv.muli(1f - MOMENTUM).addi(unbiased.mul(MOMENTUM));
        } else {
            mean = ps.getValue(m_runningMean, x.getDevice(), false);
            var = ps.getValue(m_runningVar, x.getDevice(), false);
        }
        // y = (x - mean) / sqrt(var + eps) * gamma + beta, as one scale and one shift per channel. Every operation
        // starts from an array of x's manager: a result of an operation on a parameter would be attached to the
        // parameters' manager and live as long as the model.
        // Scalars come from full(): a Number argument (create, pow(Number), mul(Number)) is a Java-owned buffer that
        // autograd may keep for the backward pass after the garbage collector has freed it (see Nn.times).
        final ai.djl.ndarray.NDManager local = x.getManager();
        final NDArray std = local.full(new Shape(), EPSILON, x.getDataType()).add(var).sqrt();
        final NDArray scale = local.full(new Shape(), 1f, x.getDataType()).div(std).mul(gamma);
        final NDArray shift = scale.mul(mean).neg().add(beta);
        return x.mul(scale).add(shift);
    }

    @Override
    protected long outputDim(final long inputDim) {
        return m_channels;
    }
}
