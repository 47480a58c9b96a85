package org.vavl.core.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
