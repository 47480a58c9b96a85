package org.vavl.core.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

/**
 * face-api's dense block of four convolutions ({@code denseBlock4}), which halves the resolution:
 *
 * <pre>
 * out1 = relu(conv0(x))                         conv0: stride 2; a plain 3x3 convolution with bias in the first
 *                                                      block (from RGB), a separable convolution in the others
 * out2 = conv1(out1)                            conv1..conv3: separable, stride 1 ({@link SeparableConv})
 * out3 = conv2(relu(out1 + out2))
 * out4 = conv3(relu(out1 + (out2 + out3)))
 * y    = relu(out1 + (out2 + (out3 + out4)))
 * </pre>
 *
 * (every later convolution sees the sum of all earlier outputs: a densely connected block with sums instead of
 * concatenations; face-api takes the sums as written, this block keeps one running sum: see forward). All
 * convolutions use TensorFlow's {@code 'same'} padding.
 *
 * <p>Weights: {@code <prefix>/conv0/filters [3, 3, in, out]} and {@code conv0/bias [out]} (first block) or
 * {@code <prefix>/conv0/...} of a separable convolution, then {@code <prefix>/conv1..conv3/...}.
 *
 * <p>Shapes: (B, in, H, W) -> (B, out, ceil(H / 2), ceil(W / 2)).
 */
public final class DenseBlock extends ImageBlock {

    private final int m_in;
    private final int m_out;
    private final Conv2d m_plain;
    private final SeparableConv[] m_convs = new SeparableConv[4];

    /**
     * @param in input channels
     * @param out output channels
     * @param firstLayer true for the block that reads the image: conv0 is a plain convolution
     */
    public DenseBlock(final int in, final int out, final boolean firstLayer) {
        m_in = in;
        m_out = out;
        if (firstLayer) {
            m_plain = addChildBlock("conv0", TfConv.stride2(out, 1, true));
        } else {
            m_plain = null;
            m_convs[0] = addChildBlock("conv0", new SeparableConv(in, out, 2));
        }
        for (int i = 1; i < 4; i++) {
            m_convs[i] = addChildBlock("conv" + i, new SeparableConv(out, out, 1));
        }
    }

    /**
     * Copies the weights {@code <prefix>/conv0..conv3/...}.
     *
     * @param w the network's weights
     * @param prefix e.g. {@code dense0}
     */
    public void load(final FaceApiWeights w, final String prefix) {
        if (m_plain != null) {
            TfConv.set(m_plain, "weight", TfConv.embed(
                TfConv.filterToTorch(w.get(prefix + "/conv0/filters", 3, 3, m_in, m_out).values(), 3, 3, m_in, m_out),
                m_out * m_in, 3, 4));
            TfConv.set(m_plain, "bias", w.get(prefix + "/conv0/bias", m_out).values());
        } else {
            m_convs[0].load(w, prefix + "/conv0");
        }
        for (int i = 1; i < 4; i++) {
            m_convs[i].load(w, prefix + "/conv" + i);
        }
    }

    /**
     * @param ps parameter store
     * @param x (B, in, H, W)
     * @return (B, out, ceil(H / 2), ceil(W / 2))
     */
    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x) {
        // Inference only (face-api's weights are frozen): one running sum, added to in place, instead of the three
        // sums face-api forms afresh ((out1 + out2) + out3 where face-api adds out1 + (out2 + out3): the same up to
        // float rounding, about 1e-7 of the value); every intermediate is closed as soon as it is used, so its
        // memory is used again at once, still in cache. Seven passes over the block's output size instead of ten.
        final NDArray c0 = m_plain != null
            ? TfConv.sameStride2(ps, m_plain, x, 1)
            : m_convs[0].forward(ps, x);
        final NDArray out1 = Activation.relu(c0);
        c0.close();
        final NDArray sum;
        try (NDArray out2 = m_convs[1].forward(ps, out1)) {
            sum = out1.add(out2);
        }
        out1.close();
        for (int i = 2; i < 4; i++) {
            try (NDArray relu = Activation.relu(sum); NDArray out = m_convs[i].forward(ps, relu)) {
                sum.addi(out);
            }
        }
        final NDArray y = Activation.relu(sum);
        sum.close();
        return y;
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), m_out, (s.get(2) + 1) / 2, (s.get(3) + 1) / 2)};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape s = inputShapes[0];
        final Shape o = getOutputShapes(inputShapes)[0];
        if (m_plain != null) {
            m_plain.initialize(manager, dataType, s);
        } else {
            m_convs[0].initialize(manager, dataType, s);
        }
        for (int i = 1; i < 4; i++) {
            m_convs[i].initialize(manager, dataType, o);
        }
    }
}
