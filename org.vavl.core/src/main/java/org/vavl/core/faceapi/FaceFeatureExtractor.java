package org.vavl.core.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * face-api's FaceFeatureExtractor, shared by its expression and 68-landmark networks: four {@link DenseBlock}s
 * (3 -> 32 -> 64 -> 128 -> 256 channels, each halving the resolution) and a 7x7 average pool (stride 2,
 * {@code 'valid'}), which on the 7x7 map of a 112x112 input is the mean over the map.
 *
 * <p>Input: faces already normalised ({@link FaceApiInput}): {@code (rgb - mean) / 255} with face-api's mean
 * (122.782, 117.001, 104.298).
 *
 * <p>Shapes: (B, 3, 112, 112) -> dense0 (B, 32, 56, 56) -> dense1 (B, 64, 28, 28) -> dense2 (B, 128, 14, 14)
 * -> dense3 (B, 256, 7, 7) -> pool (B, 256).
 */
public final class FaceFeatureExtractor extends ImageBlock {

    /** Input side in pixels. */
    public static final int INPUT_SIZE = 112;

    /** Channels of the pooled features. */
    public static final int FEATURES = 256;

    private static final int[] CHANNELS = {3, 32, 64, 128, 256};

    private final DenseBlock[] m_dense = new DenseBlock[4];

    public FaceFeatureExtractor() {
        for (int i = 0; i < 4; i++) {
            m_dense[i] = addChildBlock("dense" + i, new DenseBlock(CHANNELS[i], CHANNELS[i + 1], i == 0));
        }
    }

    /** Copies the weights {@code dense0/...} to {@code dense3/...}. */
    public void load(final FaceApiWeights w) {
        for (int i = 0; i < 4; i++) {
            m_dense[i].load(w, "dense" + i);
        }
    }

    /**
     * @param ps parameter store
     * @param x (B, 3, 112, 112), normalised
     * @return (B, 256, 7, 7): the map before pooling
     */
    public NDArray featureMap(final ParameterStore ps, final NDArray x) {
        NDArray y = x;
        for (DenseBlock d : m_dense) {
            final NDArray next = d.forward(ps, y);
            if (y != x) {
                y.close(); // an earlier block's output, used (inference: its memory is used again)
            }
            y = next;
        }
        return y;
    }

    /**
     * @param ps parameter store
     * @param x (B, 3, 112, 112), normalised
     * @return (B, 256): the map averaged by the 7x7 pool
     */
    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x) {
        final NDArray map = featureMap(ps, x);
        final Shape s = map.getShape();
        if (s.get(2) != 7 || s.get(3) != 7) {
            throw new IllegalArgumentException("The face feature extractor takes " + INPUT_SIZE + "x" + INPUT_SIZE
                + " faces (a 7x7 map before pooling), got a map of " + s + ".");
        }
        // the 7x7 average pool on a 7x7 map: the mean of its 49 values per channel
        return map.reshape(s.get(0), s.get(1), 49).mean(new int[] {2});
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), FEATURES)};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        Shape s = inputShapes[0];
        for (DenseBlock d : m_dense) {
            d.initialize(manager, dataType, s);
            s = d.getOutputShapes(new Shape[] {s})[0];
        }
    }
}
