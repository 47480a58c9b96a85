package org.vavl.core.faceapi;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * face-api's FaceExpressionNet: the {@link FaceFeatureExtractor} (four dense blocks of depthwise-separable
 * convolutions and an average pool) and a fully connected layer 256 -> 7, followed by softmax.
 *
 * <p>Weights: the feature extractor's {@code dense0/...} to {@code dense3/...}, and {@code fc/weights [256, 7]},
 * {@code fc/bias [7]} ({@link FaceApiWeights#EXPRESSION}).
 *
 * <p>Shapes: (B, 3, 112, 112) normalised ({@link FaceApiInput}) -> features (B, 256) -> logits (B, 7) ->
 * probabilities (B, 7). {@link #forward(ParameterStore, NDArray)} returns both the probabilities and the pooled
 * features (the embedding before the last layer).
 */
public final class FaceExpressionNetwork extends AbstractBlock {

    /** The expressions, in the order of the network's outputs. */
    public static final List<String> EXPRESSIONS =
        List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");

    private final FaceFeatureExtractor m_features;
    private final Linear m_fc;

    public FaceExpressionNetwork() {
        super((byte)1);
        m_features = addChildBlock("features", new FaceFeatureExtractor());
        m_fc = addChildBlock("fc", Linear.builder().setUnits(EXPRESSIONS.size()).optBias(true).build());
    }

    /**
     * Copies all weights; the block must be initialised.
     *
     * @param w {@link FaceApiWeights#builtIn FaceApiWeights.builtIn(EXPRESSION)}
     */
    public void load(final FaceApiWeights w) {
        m_features.load(w);
        final int in = FaceFeatureExtractor.FEATURES;
        final int out = EXPRESSIONS.size();
        // tf: y = x . W with W [in, out]; DJL's Linear: y = x . W^T with W [out, in]
        TfConv.set(m_fc, "weight", TfConv.filterToTorch(w.get("fc/weights", in, out).values(), 1, 1, in, out));
        TfConv.set(m_fc, "bias", w.get("fc/bias", out).values());
    }

    /**
     * @param ps parameter store
     * @param x (B, 3, 112, 112), normalised
     * @return probabilities (B, 7) and features (B, 256)
     */
    public NDList forward(final ParameterStore ps, final NDArray x) {
        final NDArray features = m_features.forward(ps, x);
        final NDArray logits = m_fc.forward(ps, new NDList(features), false).singletonOrThrow();
        return new NDList(logits.softmax(1), features);
    }

    @Override
    protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
        final PairList<String, Object> params) {
        return forward(ps, inputs.singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final long b = inputShapes[0].get(0);
        return new Shape[] {new Shape(b, EXPRESSIONS.size()), new Shape(b, FaceFeatureExtractor.FEATURES)};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        m_features.initialize(manager, dataType, inputShapes[0]);
        m_fc.initialize(manager, dataType, new Shape(inputShapes[0].get(0), FaceFeatureExtractor.FEATURES));
    }
}
