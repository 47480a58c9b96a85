package org.vavl.core.faceapi;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;

/**
 * What TensorFlow.js's convolutions mean in DJL's (PyTorch's) terms: TensorFlow's {@code 'same'} padding, and its
 * weight layouts turned into PyTorch's.
 *
 * <p>TensorFlow's {@code 'same'} padding pads {@code max((ceil(n / s) - 1) * s + k - n, 0)} pixels in all along an
 * axis of length {@code n}, the smaller half before and the larger after: for a 3x3 kernel with stride 1 one pixel
 * on each side (PyTorch's {@code padding=1}), but with stride 2 on an even size none before and one after, which
 * PyTorch's symmetric padding cannot express; so the stride-2 convolutions pad explicitly ({@link #padSame}) and
 * convolve without padding, the stride-1 ones pad one pixel themselves.
 */
final class TfConv {

    private TfConv() {
    }

    /**
     * Pads (B, C, H, W) with zeros as TensorFlow's {@code 'same'} padding does for a square kernel.
     *
     * @param x (B, C, H, W)
     * @param kernel kernel side
     * @param stride stride
     * @return (B, C, H + top + bottom, W + left + right)
     */
    static NDArray padSame(final NDArray x, final int kernel, final int stride) {
        final Shape s = x.getShape();
        final int h = (int)s.get(2);
        final int w = (int)s.get(3);
        final int padH = Math.max((ceilDiv(h, stride) - 1) * stride + kernel - h, 0);
        final int padW = Math.max((ceilDiv(w, stride) - 1) * stride + kernel - w, 0);
        if (padH == 0 && padW == 0) {
            return x;
        }
        // torch's pad order: last axis first (left, right), then (top, bottom)
        return x.pad(new Shape(padW / 2, padW - padW / 2, padH / 2, padH - padH / 2), 0);
    }

    private static int ceilDiv(final int a, final int b) {
        return (a + b - 1) / b;
    }

    /** A convolution without padding (see {@link #padSame}). */
    static Conv2d conv(final int filters, final int kernel, final int stride, final int groups, final boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
            .optStride(new Shape(stride, stride)).optPadding(new Shape(0, 0)).optGroups(groups).optBias(bias).build();
    }

    /**
     * A TensorFlow convolution filter {@code [kh, kw, in, out]} in PyTorch's layout {@code [out, in, kh, kw]}. A
     * depthwise filter {@code [kh, kw, channels, 1]} read as {@code in = channels, out = 1} and a pointwise filter
     * {@code [1, 1, in, out]} are covered by {@link #depthwise} and this method with {@code kh = kw = 1}.
     */
    static float[] filterToTorch(final float[] tf, final int kh, final int kw, final int in, final int out) {
        final float[] t = new float[tf.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        t[((o * in + i) * kh + y) * kw + x] = tf[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return t;
    }

    /** A depthwise filter {@code [kh, kw, channels, 1]} in PyTorch's grouped layout {@code [channels, 1, kh, kw]}. */
    static float[] depthwise(final float[] tf, final int kh, final int kw, final int channels) {
        final float[] t = new float[tf.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int c = 0; c < channels; c++) {
                    t[(c * kh + y) * kw + x] = tf[(y * kw + x) * channels + c];
                }
            }
        }
        return t;
    }

    /** Copies values into an initialised parameter of a block, checking their number. */
    static void set(final Block block, final String parameter, final float[] values) {
        final Parameter p = block.getParameters().get(parameter);
        final NDArray a = p.getArray();
        if (a.size() != values.length) {
            throw new IllegalStateException("Parameter '" + parameter + "' " + a.getShape() + " cannot take "
                + values.length + " values.");
        }
        a.set(FloatBuffer.wrap(values));
    }
}
