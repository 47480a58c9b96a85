package org.vavl.core.faceapi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.vavl.core.util.DjlRuntime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * face-api's tiny face detector with its shipped weights ({@link TinyFaceDetectorNetwork}), with face-api's
 * decoding of the network's output into boxes, ready to run on the CPU from any number of threads (as
 * {@link FaceExpressionModel}).
 *
 * <p>Decoding, per cell {@code (row, col)} of the {@code S x S} map and anchor {@code a} with values
 * {@code (tx, ty, tw, th, to)}: score {@code sigmoid(to)}, kept when above the score threshold; centre
 * {@code ((col + sigmoid(tx)) / S, (row + sigmoid(ty)) / S)}, size {@code (exp(tw) * anchor_w / S,
 * exp(th) * anchor_h / S)}, all fractions of the padded square input, then divided by the share of the square the
 * image fills on each axis ({@code round(w * n / max(w, h)) / n}) to become fractions of the image's width and
 * height. Boxes overlapping a better-scored box by an intersection over union above {@value #IOU_THRESHOLD} are
 * dropped (non-maximum suppression, best score first). Boxes are not clipped to the image.
 */
public final class TinyFaceDetector implements AutoCloseable {

    /** face-api's default input side. */
    public static final int DEFAULT_INPUT_SIZE = 416;

    /** face-api's default score threshold. */
    public static final double DEFAULT_SCORE_THRESHOLD = 0.5;

    /** Overlap above which the lower-scored of two boxes is dropped. */
    public static final double IOU_THRESHOLD = 0.4;

    /** The anchors' widths and heights in cells. */
    private static final double[][] ANCHORS = {{1.603231, 2.094468}, {6.041143, 7.080126}, {2.882459, 3.518061},
        {4.266906, 5.178857}, {9.041765, 10.66308}};

    /**
     * A face: its box as fractions of the image's width ({@code x}, {@code width}) and height ({@code y},
     * {@code height}), top-left corner first, and its score in (0, 1).
     */
    public record Detection(double x, double y, double width, double height, double score) {
        /** @return the intersection over union with another box (of the same image) */
        public double iou(final Detection o) {
            final double w = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
            final double h = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
            final double inter = w * h;
            return inter / (width * height + o.width * o.height - inter);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Detection[%.4f, %.4f, %.4f x %.4f, score %.4f]", x, y, width, height,
                score);
        }
    }

    private final NDManager m_manager;

    private final TinyFaceDetectorNetwork m_net;

    private TinyFaceDetector(final NDManager manager, final TinyFaceDetectorNetwork net) {
        m_manager = manager;
        m_net = net;
    }

    /** @return the detector with the weights shipped in the engine ({@link FaceApiWeights#TINY_FACE_DETECTOR}) */
    public static TinyFaceDetector builtIn() throws IOException {
        final FaceApiWeights w = FaceApiWeights.builtIn(FaceApiWeights.TINY_FACE_DETECTOR);
        return DjlRuntime.call(() -> {
            final NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
            try {
                final TinyFaceDetectorNetwork net = new TinyFaceDetectorNetwork();
                net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, DEFAULT_INPUT_SIZE, DEFAULT_INPUT_SIZE));
                net.load(w);
                net.freezeParameters(true);
                return new TinyFaceDetector(manager, net);
            } catch (RuntimeException e) {
                manager.close();
                throw new IOException("Cannot load face-api's tiny face detector from '" + w.source() + "': "
                    + e.getMessage(), e);
            }
        });
    }

    /** Checks an input side: a multiple of 32 from 32 to 1024. */
    public static void checkInputSize(final int size) {
        if (size < 32 || size > 1024 || size % 32 != 0) {
            throw new IllegalArgumentException("The tiny face detector's input size is " + size
                + ": it must be a multiple of 32 from 32 to 1024 (face-api uses 128 to 608; 416 by default).");
        }
    }

    /**
     * Runs a batch of preprocessed images.
     *
     * @param input {@code batch * 3 * size * size} values ({@link FaceApiInput#forDetector}), image after image
     * @param batch images
     * @param size input side, a multiple of 32
     * @return per image the network's output in face-api's order: {@code [row][col][anchor][x, y, w, h, score]}
     *         flattened ({@code S * S * 25} values, {@code S = size / 32})
     */
    public float[][] run(final float[] input, final int batch, final int size) {
        checkInputSize(size);
        if (input.length != batch * 3 * size * size) {
            throw new IllegalArgumentException(batch + " images of " + size + "x" + size + " need "
                + batch * 3 * size * size + " values, got " + input.length + ".");
        }
        final float[][] r = new float[batch][];
        final int chunk = imagesPerPass(size);
        final int plane = 3 * size * size;
        for (int first = 0; first < batch; first += chunk) {
            final int n = Math.min(chunk, batch - first);
            final float[] part = n == batch ? input : Arrays.copyOfRange(input, first * plane, (first + n) * plane);
            final float[] v = DjlRuntime.call(() -> {
                try (NDManager nd = m_manager.newSubManager()) {
                    final NDArray x = ImageBlock.imageBatch(nd, part, n, size, size);
                    // (B, 25, S, S) -> (B, S, S, 25)
                    return m_net.forward(new ParameterStore(nd, false), x).transpose(0, 2, 3, 1).toFloatArray();
                }
            });
            final int per = v.length / n;
            for (int i = 0; i < n; i++) {
                r[first + i] = Arrays.copyOfRange(v, i * per, (i + 1) * per);
            }
        }
        return r;
    }

    /**
     * Images the network takes in one pass: as many as make up 416x416 pixels, at least one. The first maps hold 16
     * channels at the input's size (11 MB an image at 416): one image at a time keeps them in cache, where a batch
     * of 16 at 416 ran at a third of the speed (measured: 82 frames per CPU second one at a time, 36 in batches of
     * 16; see {@code docs/encoders.md}).
     */
    static int imagesPerPass(final int size) {
        return Math.max(1, DEFAULT_INPUT_SIZE * DEFAULT_INPUT_SIZE / (size * size));
    }

    /**
     * Detects the faces of 8-bit RGB images, as face-api's {@code detectAllFaces} with {@code TinyFaceDetectorOptions}.
     *
     * @param images interleaved RGB, row by row, one array per image
     * @param heights rows of each image
     * @param widths columns of each image
     * @param size input side, a multiple of 32 (416 by default)
     * @param scoreThreshold smallest score kept (exclusive), in (0, 1)
     * @return per image its faces, best score first
     */
    public List<List<Detection>> detect(final List<byte[]> images, final int[] heights, final int[] widths,
        final int size, final double scoreThreshold) {
        checkInputSize(size);
        final int n = images.size();
        final int plane = 3 * size * size;
        final float[] x = new float[n * plane];
        for (int i = 0; i < n; i++) {
            FaceApiInput.forDetector(images.get(i), heights[i], widths[i], size, x, i * plane);
        }
        final float[][] raw = run(x, n, size);
        final List<List<Detection>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(nonMaxSuppression(decode(raw[i], size, heights[i], widths[i], scoreThreshold)));
        }
        return out;
    }

    /**
     * Turns one image's network output into boxes above the score threshold (before non-maximum suppression), in
     * face-api's order (row, column, anchor).
     *
     * @param raw {@link #run}'s values for the image
     * @param size the input side
     * @param height the image's rows
     * @param width the image's columns
     * @param scoreThreshold smallest score kept (exclusive)
     */
    public static List<Detection> decode(final float[] raw, final int size, final int height, final int width,
        final double scoreThreshold) {
        final int cells = size / 32;
        if (raw.length != cells * cells * TinyFaceDetectorNetwork.ANCHORS * TinyFaceDetectorNetwork.BOX_ENCODING) {
            throw new IllegalArgumentException("A " + size + "x" + size + " input gives " + cells + "x" + cells
                + " cells of 25 values, got " + raw.length + " values.");
        }
        // the share of the square input the image fills, as face-api rounds it
        final double scale = (double)size / Math.max(height, width);
        final double correctX = size / (double)Math.round(width * scale);
        final double correctY = size / (double)Math.round(height * scale);
        final List<Detection> out = new ArrayList<>();
        int o = 0;
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                for (int a = 0; a < TinyFaceDetectorNetwork.ANCHORS; a++, o += 5) {
                    final double score = sigmoid(raw[o + 4]);
                    if (!(score > scoreThreshold)) {
                        continue;
                    }
                    final double cx = (col + sigmoid(raw[o])) / cells * correctX;
                    final double cy = (row + sigmoid(raw[o + 1])) / cells * correctY;
                    final double w = Math.exp(raw[o + 2]) * ANCHORS[a][0] / cells * correctX;
                    final double h = Math.exp(raw[o + 3]) * ANCHORS[a][1] / cells * correctY;
                    out.add(new Detection(cx - w / 2, cy - h / 2, w, h, score));
                }
            }
        }
        return out;
    }

    /**
     * Non-maximum suppression as face-api does it: repeatedly keep the best-scored box left (of equal scores the one
     * later in the list) and drop those overlapping it by more than {@value #IOU_THRESHOLD}.
     *
     * @return the kept boxes, best score first
     */
    public static List<Detection> nonMaxSuppression(final List<Detection> boxes) {
        final List<Detection> left = new ArrayList<>(boxes);
        // ascending by score, stable; taken from the end
        left.sort(Comparator.comparingDouble(Detection::score));
        final List<Detection> kept = new ArrayList<>();
        while (!left.isEmpty()) {
            final Detection best = left.remove(left.size() - 1);
            kept.add(best);
            left.removeIf(d -> best.iou(d) > IOU_THRESHOLD);
        }
        return kept;
    }

    private static double sigmoid(final double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Override
    public void close() {
        m_manager.close();
    }
}
