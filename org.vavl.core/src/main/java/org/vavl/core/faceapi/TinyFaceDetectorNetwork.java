package org.vavl.core.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

/**
 * face-api's tiny face detector (TinyFaceDetector, a Tiny-YOLOv2 with depthwise-separable convolutions), written from
 * its architecture:
 *
 * <ol>
 * <li>{@code conv0}: 3x3 convolution 3 -> 16 with bias, {@code 'valid'} (no padding: the side shrinks by 2), leaky
 * ReLU (slope 0.1); 2x2 max pool, stride 2, {@code 'same'} (an odd side rounds up);</li>
 * <li>{@code conv1} to {@code conv5}: {@link SeparableConv} (stride 1, one pixel of zero padding, bias) 16 -> 32 ->
 * 64 -> 128 -> 256 -> 512, each followed by a leaky ReLU; after conv1 to conv4 a 2x2 max pool with stride 2, after
 * conv5 a 2x2 max pool with stride 1, {@code 'same'} (the map keeps its size, the last row and column take only
 * themselves);</li>
 * <li>{@code conv8}: 1x1 convolution 512 -> 25 with bias, no activation: per cell 5 anchors x (x, y, w, h, score),
 * channel {@code anchor * 5 + k}.</li>
 * </ol>
 * The input is the image padded at its end to a square and resized to a multiple of 32, normalised as
 * {@code (rgb - mean) / 255} with the detector's mean ({@link FaceApiInput#forDetector}).
 *
 * <p>Weights ({@link FaceApiWeights#TINY_FACE_DETECTOR}): {@code conv0/filters [3, 3, 3, 16]}, {@code conv0/bias},
 * {@code conv1..conv5/{depthwise_filter, pointwise_filter, bias}}, {@code conv8/filters [1, 1, 512, 25]},
 * {@code conv8/bias}.
 *
 * <p>Shapes for input side {@code n} (416 by default): (B, 3, n, n) -> conv0 (B, 16, n - 2, n - 2) -> pool
 * (B, 16, n/2 - 1, ..) -> ... -> conv5 (B, 512, n/32, n/32) -> conv8 (B, 25, n/32, n/32); for 416: 414, 207, 104,
 * 52, 26, 13, 13.
 */
public final class TinyFaceDetectorNetwork extends ImageBlock {

    /** Anchors (boxes per cell). */
    public static final int ANCHORS = 5;

    /** Values per anchor: x, y, w, h, score. */
    public static final int BOX_ENCODING = 5;

    private static final int[] CHANNELS = {16, 32, 64, 128, 256, 512};

    private final Conv2d m_conv0;

    private final SeparableConv[] m_separable = new SeparableConv[5];

    private final Conv2d m_conv8;

    public TinyFaceDetectorNetwork() {
        m_conv0 = addChildBlock("conv0", TfConv.conv(CHANNELS[0], 3, 1, 1, true));
        for (int i = 0; i < 5; i++) {
            m_separable[i] = addChildBlock("conv" + (i + 1), new SeparableConv(CHANNELS[i], CHANNELS[i + 1], 1));
        }
        m_conv8 = addChildBlock("conv8", TfConv.conv(ANCHORS * BOX_ENCODING, 1, 1, 1, true));
    }

    /** Copies all weights; the block must be initialised. */
    public void load(final FaceApiWeights w) {
        TfConv.set(m_conv0, "weight",
            TfConv.filterToTorch(w.get("conv0/filters", 3, 3, 3, CHANNELS[0]).values(), 3, 3, 3, CHANNELS[0]));
        TfConv.set(m_conv0, "bias", w.get("conv0/bias", CHANNELS[0]).values());
        for (int i = 0; i < 5; i++) {
            m_separable[i].load(w, "conv" + (i + 1));
        }
        final int out = ANCHORS * BOX_ENCODING;
        TfConv.set(m_conv8, "weight",
            TfConv.filterToTorch(w.get("conv8/filters", 1, 1, 512, out).values(), 1, 1, 512, out));
        TfConv.set(m_conv8, "bias", w.get("conv8/bias", out).values());
    }

    /**
     * @param ps parameter store
     * @param x (B, 3, n, n), normalised, n a multiple of 32
     * @return (B, 25, n / 32, n / 32)
     */
    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x) {
        // inference only: each intermediate is closed once used, so its memory is used again (see DenseBlock)
        NDArray y = leaky(m_conv0.forward(ps, new NDList(x), false).singletonOrThrow());
        y = replace(y, pool2(y));
        for (int i = 0; i < 5; i++) {
            y = replace(y, leaky(m_separable[i].forward(ps, y)));
            if (i < 4) {
                y = replace(y, pool2(y));
            } else {
                // 2x2, stride 1, 'same': one row and column after the map that never wins the max
                try (NDArray padded = y.pad(new Shape(0, 1, 0, 1), -Float.MAX_VALUE)) {
                    y = replace(y, Pool.maxPool2d(padded, new Shape(2, 2), new Shape(1, 1), new Shape(0, 0), false));
                }
            }
        }
        try (NDArray last = y) {
            return m_conv8.forward(ps, new NDList(last), false).singletonOrThrow();
        }
    }

    /** Closes {@code used} and returns {@code next}. */
    private static NDArray replace(final NDArray used, final NDArray next) {
        used.close();
        return next;
    }

    /** 2x2 max pool, stride 2, TensorFlow's 'same': the padding after an odd side is ignored (ceil mode). */
    private static NDArray pool2(final NDArray x) {
        return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
    }

    /** Leaky ReLU (slope 0.1) of a convolution's output, which it closes (used only here). */
    private static NDArray leaky(final NDArray x) {
        final NDArray y = Activation.leakyRelu(x, 0.1f);
        x.close();
        return y;
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), ANCHORS * BOX_ENCODING, s.get(2) / 32, s.get(3) / 32)};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape s = inputShapes[0];
        final long b = s.get(0);
        m_conv0.initialize(manager, dataType, s);
        long side = s.get(2) - 2;
        for (int i = 0; i < 5; i++) {
            side = i == 0 ? (side + 1) / 2 : side;
            m_separable[i].initialize(manager, dataType, new Shape(b, CHANNELS[i], side, side));
            if (i < 4) {
                side = (side + 1) / 2;
            }
        }
        m_conv8.initialize(manager, dataType, new Shape(b, 512, side, side));
    }
}
