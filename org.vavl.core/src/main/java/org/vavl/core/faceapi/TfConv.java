package org.vavl.core.faceapi;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

/**
 * What TensorFlow.js's convolutions mean in DJL's (PyTorch's) terms: TensorFlow's {@code 'same'} padding, and its
 * weight layouts turned into PyTorch's.
 *
 * <p>TensorFlow's {@code 'same'} padding pads {@code max((ceil(n / s) - 1) * s + k - n, 0)} pixels in all along an
 * axis of length {@code n}, the smaller half before and the larger after: for a 3x3 kernel with stride 1 one pixel
 * on each side (PyTorch's {@code padding=1}), but with stride 2 on an even size none before and one after, which
 * PyTorch's symmetric padding cannot express; so the stride-2 convolutions are 4x4 ones that pad themselves
 * ({@link #stride2}), the stride-1 ones pad one pixel themselves.
 */
final class TfConv {

    private TfConv() {
    }

    /** A convolution without padding. */
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

    /**
     * A 3x3 convolution with stride 2 and TensorFlow's {@code 'same'} padding, as a 4x4 convolution whose filters
     * hold the 3x3 ones in their last three rows and columns (the first row and column zero; {@link #embed}), run
     * by {@link #sameStride2}. 'same' pads none before and one pixel after an even side, which PyTorch's symmetric
     * padding cannot express: the 4x4 filter padded by one on every side covers, for each output, the same three
     * input pixels as TensorFlow's (two on an odd side, where TensorFlow pads one on each side). No padded copy of
     * the input is made: with one (PyTorch's {@code constant_pad_nd}) the map also left the channels-last format,
     * and the landmark network ran 1.3x slower.
     *
     * @param filters output channels
     * @param groups 1, or the input channels for a depthwise convolution
     * @param bias with a bias
     */
    static Conv2d stride2(final int filters, final int groups, final boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(4, 4)).setFilters(filters).optStride(new Shape(2, 2))
            .optPadding(new Shape(1, 1)).optGroups(groups).optBias(bias).build();
    }

    /**
     * Runs a convolution of {@link #stride2} on (B, C, H, W): (B, filters, ceil(H / 2), ceil(W / 2)).
     */
    static NDArray sameStride2(final ParameterStore ps, final Conv2d conv, final NDArray x, final int groups) {
        final Parameter b = conv.getParameters().get("bias");
        final NDArray w = ps.getValue(conv.getParameters().get("weight"), x.getDevice(), false);
        final NDArray bias = b == null ? null : ps.getValue(b, x.getDevice(), false);
        final Shape s = x.getShape();
        return Conv2d.conv2d(x, w, bias, new Shape(2, 2), new Shape(s.get(2) % 2 == 0 ? 1 : 2,
            s.get(3) % 2 == 0 ? 1 : 2), new Shape(1, 1), groups).singletonOrThrow();
    }

    /**
     * Filters of k x k ({@code [out, in, k, k]}, {@code slices = out * in}) placed in the last k rows and columns of
     * larger ones, size x size, the rest zero.
     */
    static float[] embed(final float[] filter, final int slices, final int k, final int size) {
        final float[] e = new float[slices * size * size];
        final int off = size - k;
        for (int c = 0; c < slices; c++) {
            for (int y = 0; y < k; y++) {
                System.arraycopy(filter, (c * k + y) * k, e, (c * size + y + off) * size + off, k);
            }
        }
        return e;
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
