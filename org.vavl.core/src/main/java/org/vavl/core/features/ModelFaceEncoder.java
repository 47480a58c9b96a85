package org.vavl.core.features;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.vavl.core.features.EncoderModel.Tensor;

/**
 * Face encoder that runs a user's image model (TorchScript or ONNX; typically HSEmotion's EfficientNet-B2
 * exported by {@code tools/export/export_face_model.py} with its classifier removed) on every frame of a
 * face track.
 *
 * <p>Per frame: resized to {@code inputSize x inputSize} (area interpolation when shrinking, bilinear when
 * enlarging), channels in the chosen order (RGB or BGR), values {@code (v / 255 - mean[c]) / std[c]} with
 * mean and std given for R, G, B (default ImageNet: mean 0.485, 0.456, 0.406; std 0.229, 0.224, 0.225),
 * laid out as {@code (batch, 3, size, size)}. The model must return {@code (batch, dim)} (or
 * {@code (batch, dim, 1, 1)}); row {@code i} is frame {@code i}'s features. Frames go through the model in
 * batches of {@code framesPerBatch}.
 */
public final class ModelFaceEncoder extends FaceEncoder {

    /** Order of the colour planes the model expects. */
    public enum ChannelOrder {
        RGB, BGR;

        /** Parses "RGB" / "BGR" (any case). */
        public static ChannelOrder fromSetting(final String s) {
            for (ChannelOrder c : values()) {
                if (c.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("Unknown channel order '" + s + "': use 'RGB' or 'BGR'.");
        }
    }

    /** ImageNet mean of R, G, B (the reference's and HSEmotion's normalisation). */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

    /** ImageNet standard deviation of R, G, B. */
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    /** Default input size: the reference's face crops are 224x224. */
    public static final int DEFAULT_INPUT_SIZE = 224;

    /** Default frames per model call. */
    public static final int DEFAULT_FRAMES_PER_BATCH = 16;

    private final EncoderModel m_model;

    private final int m_size;

    private final ChannelOrder m_order;

    private final float[] m_mean;

    private final float[] m_std;

    private final int m_dim;

    private ModelFaceEncoder(final EncoderModel model, final int size, final ChannelOrder order, final float[] mean,
        final float[] std, final int framesPerBatch) throws IOException {
        super(framesPerBatch);
        m_model = model;
        m_size = size;
        m_order = order;
        m_mean = mean.clone();
        m_std = std.clone();
        m_dim = probe();
    }

    /**
     * Loads the model and checks it on one blank image: it must take {@code (1, 3, inputSize, inputSize)} and
     * return {@code (1, dim)}.
     *
     * @param modelFile TorchScript ({@code .pt}) or ONNX ({@code .onnx})
     * @param inputSize square input size in pixels
     * @param order colour plane order the model expects
     * @param mean per-colour mean of R, G, B (on values scaled to 0..1)
     * @param std per-colour standard deviation of R, G, B
     * @param framesPerBatch frames per model call
     * @param device {@code auto}, {@code cpu} or {@code gpu}
     * @throws IOException naming the file and the expected shape when it cannot be loaded or does not fit
     */
    public static ModelFaceEncoder open(final Path modelFile, final int inputSize, final ChannelOrder order,
        final float[] mean, final float[] std, final int framesPerBatch, final String device) throws IOException {
        if (inputSize < 8 || inputSize > 2048) {
            throw new IllegalArgumentException("Input size must be between 8 and 2048 pixels, got " + inputSize + ".");
        }
        checkTriple("mean", mean);
        checkTriple("std", std);
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("Normalisation std values must be positive, got "
                    + Arrays.toString(std) + ".");
            }
        }
        final EncoderModel model = EncoderModel.load(modelFile, device);
        try {
            return new ModelFaceEncoder(model, inputSize, order, mean, std, framesPerBatch);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** {@link #open} with the defaults: RGB, ImageNet normalisation, 16 frames per batch, device auto. */
    public static ModelFaceEncoder open(final Path modelFile, final int inputSize) throws IOException {
        return open(modelFile, inputSize, ChannelOrder.RGB, IMAGENET_MEAN, IMAGENET_STD, DEFAULT_FRAMES_PER_BATCH,
            "auto");
    }

    private static void checkTriple(final String what, final float[] v) {
        if (v == null || v.length != 3) {
            throw new IllegalArgumentException("Normalisation " + what + " needs 3 values (R, G, B), got "
                + (v == null ? "none" : Arrays.toString(v)) + ".");
        }
    }

    private int probe() throws IOException {
        final String file = m_model.file().toString();
        final long[] declared = m_model.declaredInputShape();
        if (declared != null) {
            if (declared.length != 4 || (declared[1] > 0 && declared[1] != 3)) {
                throw new IOException("Model '" + file + "' takes input " + EncoderModel.shapeText(declared)
                    + "; a face model must take (batch, 3, size, size) images.");
            }
            if ((declared[2] > 0 && declared[2] != m_size) || (declared[3] > 0 && declared[3] != m_size)) {
                throw new IOException("Model '" + file + "' expects input " + EncoderModel.shapeText(declared)
                    + ", images of " + declared[3] + "x" + declared[2] + " pixels, but the input size setting is "
                    + m_size + " (input (batch, 3, " + m_size + ", " + m_size + ")). Set 'input size' to "
                    + declared[2] + ".");
            }
        }
        final long[] in = {1, 3, m_size, m_size};
        final Tensor out;
        try {
            out = m_model.run(new Tensor(new float[3 * m_size * m_size], in));
        } catch (Exception e) {
            throw new IOException("Model '" + file + "' cannot take face images of " + m_size + "x" + m_size
                + " pixels (input " + EncoderModel.shapeText(in) + "): " + EncoderModel.engineMessage(e)
                + ". Set 'input size' to the size the model was exported with (export_face_model.py --size;"
                + " HSEmotion: 260 or 224).", e);
        }
        return rowsOf(out, 1, in);
    }

    /** @return the feature dimension of a model output for {@code batch} images, after checking its shape */
    private int rowsOf(final Tensor out, final int batch, final long[] in) throws IOException {
        final long[] s = out.shape();
        final boolean ok = s.length == 2 || (s.length == 4 && s[2] == 1 && s[3] == 1);
        if (!ok || s[0] != batch || s[1] < 1) {
            throw new IOException("Model '" + m_model.file() + "' returned shape " + EncoderModel.shapeText(s)
                + " for input " + EncoderModel.shapeText(in) + "; a face model must return (batch, dim) = (" + batch
                + ", dim): one embedding per face image (EfficientNet-B2 with its classifier removed: (" + batch
                + ", 1408)). Export it with tools/export/export_face_model.py.");
        }
        return (int)s[1];
    }

    @Override
    public int dim() {
        return m_dim;
    }

    /** @return the model */
    public EncoderModel model() {
        return m_model;
    }

    @Override
    public Map<String, String> settings() {
        final Map<String, String> s = new TreeMap<>();
        s.put("encoder", "face model");
        s.put("model file", m_model.file().getFileName().toString());
        s.put("model sha256", m_model.sha256());
        s.put("input size", Integer.toString(m_size));
        s.put("channel order", m_order.name());
        s.put("mean", Arrays.toString(m_mean));
        s.put("std", Arrays.toString(m_std));
        return s;
    }

    @Override
    protected float[][] encodeFrames(final List<Mat> bgrFrames, final String source) throws IOException {
        final int n = bgrFrames.size();
        final int plane = m_size * m_size;
        final float[] x = new float[n * 3 * plane];
        final byte[] px = new byte[3 * plane];
        final float[] scale = new float[3];
        final int[] colourOfPlane = m_order == ChannelOrder.RGB ? new int[]{0, 1, 2} : new int[]{2, 1, 0};
        for (int c = 0; c < 3; c++) {
            scale[c] = m_std[c];
        }
        try (Mat bgr = new Mat(); Mat sized = new Mat()) {
            for (int i = 0; i < n; i++) {
                final Mat f = bgrFrames.get(i);
                final Mat src;
                if (f.channels() == 1) {
                    cvtColor(f, bgr, COLOR_GRAY2BGR);
                    src = bgr;
                } else {
                    src = f;
                }
                final Mat use;
                if (src.cols() == m_size && src.rows() == m_size) {
                    use = src.isContinuous() ? src : src.clone();
                } else {
                    final int interp = src.cols() > m_size ? INTER_AREA : INTER_LINEAR;
                    resize(src, sized, new Size(m_size, m_size), 0, 0, interp);
                    use = sized;
                }
                use.data().get(px);
                final int base = i * 3 * plane;
                for (int p = 0; p < 3; p++) {
                    final int colour = colourOfPlane[p]; // 0 = R, 1 = G, 2 = B
                    final int byteOffset = 2 - colour; // BGR bytes
                    final float mean = m_mean[colour];
                    final float std = scale[colour];
                    final int off = base + p * plane;
                    for (int k = 0; k < plane; k++) {
                        x[off + k] = ((px[3 * k + byteOffset] & 0xff) / 255f - mean) / std;
                    }
                }
                if (use != src && use != sized) {
                    use.close();
                }
            }
        }
        final long[] in = {n, 3, m_size, m_size};
        final Tensor out;
        try {
            out = m_model.run(new Tensor(x, in));
        } catch (Exception e) {
            throw new IOException("Model '" + m_model.file() + "' failed on face track '" + source + "' (input "
                + EncoderModel.shapeText(in) + "): " + EncoderModel.engineMessage(e), e);
        }
        final int dim = rowsOf(out, n, in);
        if (dim != m_dim) {
            throw new IOException("Model '" + m_model.file() + "' returned " + dim + " values per frame for '" + source
                + "', but " + m_dim + " on the check at load time.");
        }
        final float[][] rows = new float[n][];
        final float[] v = out.values();
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(v, i * dim, (i + 1) * dim);
        }
        return rows;
    }

    @Override
    public void close() {
        m_model.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "face model %s (%dx%d %s, dim %d)", m_model.file().getFileName(), m_size,
            m_size, m_order, m_dim);
    }
}
