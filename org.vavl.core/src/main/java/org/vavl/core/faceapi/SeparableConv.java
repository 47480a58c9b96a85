package org.vavl.core.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

/**
 * face-api's depthwise-separable convolution ({@code depthwiseSeparableConv}): a 3x3 depthwise convolution with
 * the given stride and TensorFlow's {@code 'same'} padding, without bias, then a 1x1 pointwise convolution to
 * {@code out} channels, then one bias per output channel; no batch normalisation, no activation (the dense block
 * applies ReLU).
 *
 * <p>Weights ({@code <prefix>/...} in the manifest): {@code depthwise_filter [3, 3, in, 1]},
 * {@code pointwise_filter [1, 1, in, out]}, {@code bias [out]}.
 *
 * <p>Shapes: (B, in, H, W) -> (B, out, ceil(H / stride), ceil(W / stride)).
 */
public final class SeparableConv extends ImageBlock {

    private final int m_in;
    private final int m_out;
    private final int m_stride;
    private final Conv2d m_depthwise;
    private final Conv2d m_pointwise;

    /**
     * @param in input channels
     * @param out output channels
     * @param stride 1 or 2
     */
    public SeparableConv(final int in, final int out, final int stride) {
        m_in = in;
        m_out = out;
        m_stride = stride;
        // stride 1: 'same' is one pixel on every side, which the convolution pads itself (no copy of the input;
        // measured faster); stride 2: TfConv.stride2, a 4x4 filter that pads itself as 'same' does
        m_depthwise = addChildBlock("depthwise", stride == 1
            ? Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(in).optStride(new Shape(1, 1))
                .optPadding(new Shape(1, 1)).optGroups(in).optBias(false).build()
            : TfConv.stride2(in, in, false));
        m_pointwise = addChildBlock("pointwise", TfConv.conv(out, 1, 1, 1, true));
    }

    /**
     * Copies the weights {@code <prefix>/depthwise_filter}, {@code pointwise_filter} and {@code bias}.
     *
     * @param w the network's weights
     * @param prefix e.g. {@code dense1/conv0}
     */
    public void load(final FaceApiWeights w, final String prefix) {
        final float[] filter =
            TfConv.depthwise(w.get(prefix + "/depthwise_filter", 3, 3, m_in, 1).values(), 3, 3, m_in);
        TfConv.set(m_depthwise, "weight", m_stride == 1 ? filter : TfConv.embed(filter, m_in, 3, 4));
        TfConv.set(m_pointwise, "weight",
            TfConv.filterToTorch(w.get(prefix + "/pointwise_filter", 1, 1, m_in, m_out).values(), 1, 1, m_in, m_out));
        TfConv.set(m_pointwise, "bias", w.get(prefix + "/bias", m_out).values());
    }

    /**
     * @param ps parameter store
     * @param x (B, in, H, W)
     * @return (B, out, ceil(H / stride), ceil(W / stride))
     */
    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x) {
        final NDArray d = m_stride == 1 ? m_depthwise.forward(ps, new NDList(x), false).singletonOrThrow()
            : TfConv.sameStride2(ps, m_depthwise, x, m_in);
        try (d) {
            return m_pointwise.forward(ps, new NDList(d), false).singletonOrThrow();
        }
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), m_out, (s.get(2) + m_stride - 1) / m_stride,
            (s.get(3) + m_stride - 1) / m_stride)};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape s = inputShapes[0];
        m_depthwise.initialize(manager, dataType, s);
        final Shape o = getOutputShapes(inputShapes)[0];
        m_pointwise.initialize(manager, dataType, new Shape(s.get(0), m_in, o.get(2), o.get(3)));
    }
}
