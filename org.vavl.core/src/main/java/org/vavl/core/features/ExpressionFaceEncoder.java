package org.vavl.core.features;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.bytedeco.opencv.opencv_core.Mat;
import org.vavl.core.faceapi.FaceApiInput;
import org.vavl.core.faceapi.FaceExpressionModel;
import org.vavl.core.faceapi.FaceExpressionNetwork;
import org.vavl.core.faceapi.FaceFeatureExtractor;
import org.vavl.core.settings.Setting;

/**
 * The built-in expression network encoder: face-api's facial expression network (FaceExpressionNet, trained on
 * faces; weights shipped in the engine from {@code @vladmandic/face-api} 1.7.15, MIT) run in DJL on every frame.
 *
 * <p>Per frame, with face-api's own preprocessing ({@link FaceApiInput}: RGB, padded to a square, resized to
 * 112x112 with TensorFlow's bilinear resize, {@code (v - mean) / 255}): the <b>7 expression probabilities</b>
 * (neutral, happy, sad, angry, fearful, disgusted, surprised; they sum to 1) followed by the <b>256-value
 * embedding</b> (the average-pooled features before the last layer, each at least 0): <b>263 values per frame</b>
 * by default ({@link Part#BOTH}), or either part alone. Identical on every run; matches face-api on TensorFlow.js
 * within about 1e-7 on the probabilities (test {@code FaceExpressionParityTest}).
 *
 * <p>The network was trained on face crops from face-api's detector; the Face Aligner's crops (box x1.25, eyes
 * level) are close to them. Frames go through the network in batches of {@code framesPerBatch}, with one PyTorch
 * intra-op thread per worker.
 */
public final class ExpressionFaceEncoder extends FaceEncoder {

    /** Which values a frame gets, each with the text a node saves it by. */
    public enum Part {
        /** The 7 probabilities, then the 256-value embedding: 263 values. */
        BOTH(FaceExpressionNetwork.EXPRESSIONS.size() + FaceFeatureExtractor.FEATURES, "probabilities and embedding"),
        /** The 7 expression probabilities. */
        PROBABILITIES(FaceExpressionNetwork.EXPRESSIONS.size(), "probabilities"),
        /** The 256-value embedding before the last layer. */
        EMBEDDING(FaceFeatureExtractor.FEATURES, "embedding");

        private final int m_dim;

        private final String m_setting;

        Part(final int dim, final String setting) {
            m_dim = dim;
            m_setting = setting;
        }

        /** @return values per frame */
        public int dim() {
            return m_dim;
        }

        /** @return the text a node saves this part by */
        public String settingValue() {
            return m_setting;
        }
    }

    /** Which values a frame gets (both parts by default, 263 values), saved by the part's text. */
    public static final Setting<Part> PART = Setting.choice("part", Part.class, Part.BOTH, Part::settingValue)
        .withKey("expression network output").withLabel("Values per frame");

    /** Identifies this encoder (and its version) in the settings recorded with each output. */
    public static final String NAME = "built-in expression network (face-api 1.7.15) v1";

    /** Default frames per network call. */
    public static final int DEFAULT_FRAMES_PER_BATCH = 16;

    private final FaceExpressionModel m_model;

    private final Part m_part;

    /**
     * @param part which values a frame gets
     * @param framesPerBatch frames per network call
     * @throws IOException when the shipped weights cannot be loaded or the engine cannot start
     */
    public ExpressionFaceEncoder(final Part part, final int framesPerBatch) throws IOException {
        super(framesPerBatch);
        m_part = part;
        m_model = FaceExpressionModel.builtIn();
    }

    /** Both parts (263 values per frame), 16 frames per batch. */
    public ExpressionFaceEncoder() throws IOException {
        this(Part.BOTH, DEFAULT_FRAMES_PER_BATCH);
    }

    @Override
    public int dim() {
        return m_part.dim();
    }

    @Override
    public Map<String, String> settings() {
        final Map<String, String> s = new TreeMap<>();
        s.put("encoder", NAME);
        s.put("values", m_part.name().toLowerCase(Locale.ROOT));
        return s;
    }

    @Override
    protected float[][] encodeFrames(final List<Mat> bgrFrames, final String source) throws IOException {
        final int n = bgrFrames.size();
        final int size = FaceExpressionModel.SIZE;
        final int plane = 3 * size * size;
        final float[] x = new float[n * plane];
        try (Mat rgb = new Mat()) {
            for (int i = 0; i < n; i++) {
                final Mat f = bgrFrames.get(i);
                cvtColor(f, rgb, f.channels() == 1 ? COLOR_GRAY2RGB : COLOR_BGR2RGB);
                final byte[] px = new byte[rgb.rows() * rgb.cols() * 3];
                rgb.data().get(px);
                FaceApiInput.fromRgb(px, rgb.rows(), rgb.cols(), size, x, i * plane);
            }
        }
        final FaceExpressionModel.Output out = m_model.run(x, n);
        final float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            switch (m_part) {
                case PROBABILITIES:
                    rows[i] = out.probabilities()[i];
                    break;
                case EMBEDDING:
                    rows[i] = out.features()[i];
                    break;
                default:
                    final float[] r = new float[Part.BOTH.dim()];
                    final float[] p = out.probabilities()[i];
                    System.arraycopy(p, 0, r, 0, p.length);
                    System.arraycopy(out.features()[i], 0, r, p.length, FaceFeatureExtractor.FEATURES);
                    rows[i] = r;
            }
        }
        return rows;
    }

    @Override
    public void close() {
        m_model.close();
    }

    @Override
    public String toString() {
        return "built-in expression network (" + m_part.name().toLowerCase(Locale.ROOT) + ", dim " + dim() + ")";
    }
}
