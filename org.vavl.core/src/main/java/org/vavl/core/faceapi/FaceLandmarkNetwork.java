package org.vavl.core.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * face-api's FaceLandmark68Net: the same {@link FaceFeatureExtractor} as the expression network (its own weights)
 * and a fully connected layer 256 -> 136, without activation: the 68 points as x, y pairs (interleaved), each a
 * fraction of the 112x112 input's side. {@link FaceLandmarkModel#toImage} maps them back onto the image as face-api
 * does.
 *
 * <p>Weights ({@link FaceApiWeights#LANDMARKS_68}): {@code dense0/...} to {@code dense3/...},
 * {@code fc/weights [256, 136]}, {@code fc/bias [136]}.
 *
 * <p>Shapes: (B, 3, 112, 112) normalised ({@link FaceApiInput}) -> features (B, 256) -> points (B, 136).
 */
public final class FaceLandmarkNetwork extends ImageBlock {

    /** Landmarks per face. */
    public static final int POINTS = 68;

    private final FaceFeatureExtractor m_features;
    private final Linear m_fc;

    public FaceLandmarkNetwork() {
        m_features = addChildBlock("features", new FaceFeatureExtractor());
        m_fc = addChildBlock("fc", Linear.builder().setUnits(2 * POINTS).optBias(true).build());
    }

    /** Copies all weights; the block must be initialised. */
    public void load(final FaceApiWeights w) {
        m_features.load(w);
        final int in = FaceFeatureExtractor.FEATURES;
        final int out = 2 * POINTS;
        TfConv.set(m_fc, "weight", TfConv.filterToTorch(w.get("fc/weights", in, out).values(), 1, 1, in, out));
        TfConv.set(m_fc, "bias", w.get("fc/bias", out).values());
    }

    /**
     * @param ps parameter store
     * @param x (B, 3, 112, 112), normalised
     * @return (B, 136): x0, y0, x1, y1, ... as fractions of the input's side
     */
    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x) {
        return m_fc.forward(ps, new NDList(m_features.forward(ps, x)), false).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 2 * POINTS)};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        m_features.initialize(manager, dataType, inputShapes[0]);
        m_fc.initialize(manager, dataType, new Shape(inputShapes[0].get(0), FaceFeatureExtractor.FEATURES));
    }
}
