package org.vavl.core.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A block of face-api's networks: one input, a batch of images or feature maps {@code (B, C, H, W)}, one output.
 * Subclasses state their {@link #forward(ParameterStore, NDArray)}; DJL's block interface is answered here once.
 */
public abstract class ImageBlock extends AbstractBlock {

    protected ImageBlock() {
        super((byte)1);
    }

    /**
     * A batch of images laid out as {@link FaceApiInput} makes them, (B, H, W, 3), as the blocks' input
     * {@code (B, 3, H, W)}: a view in PyTorch's channels-last memory format, no copy. oneDNN's convolutions then take
     * and give channels-last maps as they are, and the sums and activations between them keep the format; with
     * planar (B, 3, H, W) input every convolution reorders its input and output (measured: the landmark network
     * 1.7x faster at batch 16, see {@code docs/encoders.md}).
     *
     * @param nd where the batch lives
     * @param pixels {@code batch * height * width * 3} values
     * @param batch images
     * @param height rows
     * @param width columns
     * @return (B, 3, H, W), channels last
     */
    public static NDArray imageBatch(final NDManager nd, final float[] pixels, final int batch, final int height,
        final int width) {
        return nd.create(pixels, new Shape(batch, height, width, 3)).transpose(0, 3, 1, 2);
    }

    /**
     * @param ps the parameter store
     * @param x the input batch
     * @return the output batch
     */
    public abstract NDArray forward(ParameterStore ps, NDArray x);

    @Override
    protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
        final PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow()));
    }
}
