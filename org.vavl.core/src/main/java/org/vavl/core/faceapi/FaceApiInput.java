package org.vavl.core.faceapi;

/**
 * The input preprocessing of face-api's face networks ({@code NetInput.toBatchTensor(112, true)} and the feature
 * extractor's normalisation), for an 8-bit RGB image of any size:
 *
 * <ol>
 * <li><b>Pad to a square</b> with black (0): the shorter side gets {@code d = |h - w|} pixels,
 * {@code round(d / 2)} after the image and the rest before it (the image is centred, half a pixel towards the
 * start for odd {@code d}).</li>
 * <li><b>Resize</b> to 112x112 when the square has another side, with TensorFlow's bilinear resize without
 * aligned corners and without half-pixel centres ({@code tf.image.resizeBilinear(x, [112, 112], false, false)}):
 * output pixel {@code (r, c)} samples the source at {@code (r * n / 112, c * n / 112)}, interpolating between the
 * pixels at the floor and the ceiling of each coordinate (the last row and column repeat); for a 224x224 face this
 * is every second pixel.</li>
 * <li><b>Normalise</b> in RGB order: {@code (v - mean) / 255} with the mean (122.782, 117.001, 104.298) of R, G,
 * B, in float32.</li>
 * </ol>
 * The result is laid out (112, 112, 3), pixel after pixel, each R, G, B: TensorFlow's layout, and the one the
 * networks take ({@link ImageBlock#imageBatch}: PyTorch's channels-last memory format, in which oneDNN's convolutions
 * run without reordering their input and output).
 */
public final class FaceApiInput {

    /** face-api's mean of R, G, B, subtracted before dividing by 255. */
    public static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    /** The tiny face detector's mean of R, G, B. */
    public static final float[] DETECTOR_MEAN_RGB = {117.001f, 114.697f, 97.404f};

    private FaceApiInput() {
    }

    /**
     * @param rgb interleaved 8-bit R, G, B, row by row ({@code height * width * 3} bytes)
     * @param height rows
     * @param width columns
     * @param size the network's input side (112 for the expression and landmark networks)
     * @return {@code size * size * 3} values, pixel after pixel R, G, B, normalised
     */
    public static float[] fromRgb(final byte[] rgb, final int height, final int width, final int size) {
        final float[] out = new float[3 * size * size];
        fromRgb(rgb, height, width, size, out, 0);
        return out;
    }

    /**
     * {@link #fromRgb(byte[], int, int, int)} into {@code out} from {@code offset} (one image of a batch).
     */
    public static void fromRgb(final byte[] rgb, final int height, final int width, final int size,
        final float[] out, final int offset) {
        toSquare(rgb, height, width, size, true, MEAN_RGB, out, offset);
    }

    /**
     * The tiny face detector's preprocessing ({@code NetInput.toBatchTensor(inputSize, false)} and its own mean): as
     * {@link #fromRgb} but the padding that makes the image square goes wholly after it (below or to the right), so
     * the image keeps its top-left corner, and the mean is {@link #DETECTOR_MEAN_RGB}.
     *
     * @param size the detector's input side (a multiple of 32)
     */
    public static void forDetector(final byte[] rgb, final int height, final int width, final int size,
        final float[] out, final int offset) {
        toSquare(rgb, height, width, size, false, DETECTOR_MEAN_RGB, out, offset);
    }

    /**
     * Pads to a square (centred, or all padding after the image), resizes with TensorFlow's bilinear resize to
     * {@code size} and normalises with {@code mean}; (size, size, 3), pixel after pixel R, G, B, into {@code out} from
     * {@code offset}.
     */
    static void toSquare(final byte[] rgb, final int height, final int width, final int size, final boolean centre,
        final float[] mean, final float[] out, final int offset) {
        if (height < 1 || width < 1 || rgb.length < height * width * 3) {
            throw new IllegalArgumentException("An RGB image of " + width + "x" + height + " needs "
                + (long)height * width * 3 + " bytes, got " + rgb.length + ".");
        }
        // pad to a square: centred: 'after' = round(d / 2) after the image, the rest before it; else all after
        final int n = Math.max(height, width);
        final int d = n - Math.min(height, width);
        final int after = centre ? (int)Math.floor(d * 0.5 + 0.5) : d; // JavaScript's Math.round
        final int before = d - after;
        final byte[] square = square(rgb, height, width, n, height < width ? before : 0, width < height ? before : 0);
        final float m0 = mean[0];
        final float m1 = mean[1];
        final float m2 = mean[2];
        if (n == size) {
            // no resize: the resize's result is the pixel itself
            for (int i = 0, o = offset; i < size * size * 3; i += 3, o += 3) {
                out[o] = ((square[i] & 0xff) - m0) / 255f;
                out[o + 1] = ((square[i + 1] & 0xff) - m1) / 255f;
                out[o + 2] = ((square[i + 2] & 0xff) - m2) / 255f;
            }
            return;
        }
        final double ratio = (double)n / size;
        // per output column: the byte offsets of the two source columns and the fraction
        final int[] col0 = new int[size];
        final int[] col1 = new int[size];
        final double[] colFrac = new double[size];
        for (int c = 0; c < size; c++) {
            final double fc = ratio * c;
            final int c0 = Math.max(0, (int)Math.floor(fc));
            colFrac[c] = fc - c0;
            col0[c] = c0 * 3;
            col1[c] = Math.min(n - 1, (int)Math.ceil(fc)) * 3;
        }
        // each output row interpolates between two source rows interpolated along x: those rows are made once
        // and kept while the next output rows use them (upsizing uses each several times); the same operations in
        // the same order as interpolating each pixel, so the same values
        final SourceRows rows = new SourceRows(square, n, size, col0, col1, colFrac);
        for (int r = 0; r < size; r++) {
            final double fr = ratio * r;
            final int r0 = Math.max(0, (int)Math.floor(fr));
            final double rowFrac = fr - r0;
            final double[] top = rows.row(r0);
            final double[] bottom = rows.row(Math.min(n - 1, (int)Math.ceil(fr)));
            final int o = offset + r * size * 3;
            for (int i = 0; i < size * 3; i += 3) {
                out[o + i] = ((float)(top[i] + (bottom[i] - top[i]) * rowFrac) - m0) / 255f;
                out[o + i + 1] = ((float)(top[i + 1] + (bottom[i + 1] - top[i + 1]) * rowFrac) - m1) / 255f;
                out[o + i + 2] = ((float)(top[i + 2] + (bottom[i + 2] - top[i + 2]) * rowFrac) - m2) / 255f;
            }
        }
    }

    /** Source rows interpolated along x to the output's columns; the last two made are kept. */
    private static final class SourceRows {
        private final byte[] m_square;
        private final int m_rowBytes;
        private final int[] m_col0;
        private final int[] m_col1;
        private final double[] m_colFrac;
        private final double[][] m_rows;
        private final int[] m_index = {-1, -1};
        private int m_next;

        SourceRows(final byte[] square, final int n, final int size, final int[] col0, final int[] col1,
            final double[] colFrac) {
            m_square = square;
            m_rowBytes = n * 3;
            m_col0 = col0;
            m_col1 = col1;
            m_colFrac = colFrac;
            m_rows = new double[2][size * 3];
        }

        double[] row(final int y) {
            for (int k = 0; k < 2; k++) {
                if (m_index[k] == y) {
                    m_next = 1 - k; // the row just asked for stays while the other one is made
                    return m_rows[k];
                }
            }
            final int k = m_next;
            m_next = 1 - k;
            m_index[k] = y;
            final double[] h = m_rows[k];
            final int base = y * m_rowBytes;
            for (int c = 0; c < m_col0.length; c++) {
                final double cf = m_colFrac[c];
                for (int ch = 0; ch < 3; ch++) {
                    final double left = m_square[base + m_col0[c] + ch] & 0xff;
                    final double right = m_square[base + m_col1[c] + ch] & 0xff;
                    h[c * 3 + ch] = left + (right - left) * cf;
                }
            }
            return h;
        }
    }

    /** The image in an n x n black square at (top, left), interleaved RGB; the image itself when it is square. */
    private static byte[] square(final byte[] rgb, final int height, final int width, final int n, final int top,
        final int left) {
        if (height == n && width == n) {
            return rgb;
        }
        final byte[] sq = new byte[n * n * 3];
        for (int y = 0; y < height; y++) {
            System.arraycopy(rgb, y * width * 3, sq, ((top + y) * n + left) * 3, width * 3);
        }
        return sq;
    }
}
