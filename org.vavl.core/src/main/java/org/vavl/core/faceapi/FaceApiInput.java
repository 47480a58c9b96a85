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
 * The result is laid out (3, 112, 112), planes R, G, B.
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
     * @return {@code 3 * size * size} values, planes R, G, B, normalised
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
     * {@code size} and normalises with {@code mean}; (3, size, size) planes R, G, B into {@code out} from
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
        final int top = height < width ? before : 0;
        final int left = width < height ? before : 0;
        final double ratio = (double)n / size;
        final int plane = size * size;
        // per output column: the source columns (in the image, -1 when in the padding) and the fraction
        final int[] col0 = new int[size];
        final int[] col1 = new int[size];
        final double[] colFrac = new double[size];
        for (int c = 0; c < size; c++) {
            final double fc = n == size ? c : ratio * c;
            final int c0 = Math.max(0, (int)Math.floor(fc));
            final int c1 = Math.min(n - 1, (int)Math.ceil(fc));
            colFrac[c] = fc - c0;
            col0[c] = c0 - left < 0 || c0 - left >= width ? -1 : (c0 - left) * 3;
            col1[c] = c1 - left < 0 || c1 - left >= width ? -1 : (c1 - left) * 3;
        }
        final float m0 = mean[0];
        final float m1 = mean[1];
        final float m2 = mean[2];
        for (int r = 0; r < size; r++) {
            final double fr = n == size ? r : ratio * r;
            final int r0 = Math.max(0, (int)Math.floor(fr));
            final int r1 = Math.min(n - 1, (int)Math.ceil(fr));
            final double rowFrac = fr - r0;
            final int row0 = r0 - top < 0 || r0 - top >= height ? -1 : (r0 - top) * width * 3;
            final int row1 = r1 - top < 0 || r1 - top >= height ? -1 : (r1 - top) * width * 3;
            final int o = offset + r * size;
            for (int c = 0; c < size; c++) {
                final int a = col0[c];
                final int b = col1[c];
                final double cf = colFrac[c];
                for (int ch = 0; ch < 3; ch++) {
                    final double tl = row0 < 0 || a < 0 ? 0 : rgb[row0 + a + ch] & 0xff;
                    final double tr = row0 < 0 || b < 0 ? 0 : rgb[row0 + b + ch] & 0xff;
                    final double bl = row1 < 0 || a < 0 ? 0 : rgb[row1 + a + ch] & 0xff;
                    final double br = row1 < 0 || b < 0 ? 0 : rgb[row1 + b + ch] & 0xff;
                    final double t = tl + (tr - tl) * cf;
                    final double bo = bl + (br - bl) * cf;
                    final float v = (float)(t + (bo - t) * rowFrac); // the resize's float32 result
                    out[o + ch * plane + c] = (v - (ch == 0 ? m0 : ch == 1 ? m1 : m2)) / 255f;
                }
            }
        }
    }
}
