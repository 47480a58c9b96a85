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
        if (height < 1 || width < 1 || rgb.length < height * width * 3) {
            throw new IllegalArgumentException("An RGB image of " + width + "x" + height + " needs "
                + (long)height * width * 3 + " bytes, got " + rgb.length + ".");
        }
        // pad to a square: 'after' = round(d / 2) after the image, the rest before it
        final int n = Math.max(height, width);
        final int d = n - Math.min(height, width);
        final int after = (int)Math.floor(d * 0.5 + 0.5); // JavaScript's Math.round
        final int before = d - after;
        final int top = height < width ? before : 0;
        final int left = width < height ? before : 0;
        final double ratio = (double)n / size;
        final int plane = size * size;
        final float[] px = new float[3];
        for (int r = 0; r < size; r++) {
            final double fr = n == size ? r : ratio * r;
            final int r0 = Math.max(0, (int)Math.floor(fr));
            final int r1 = Math.min(n - 1, (int)Math.ceil(fr));
            final double rowFrac = fr - r0;
            for (int c = 0; c < size; c++) {
                final double fc = n == size ? c : ratio * c;
                final int c0 = Math.max(0, (int)Math.floor(fc));
                final int c1 = Math.min(n - 1, (int)Math.ceil(fc));
                final double colFrac = fc - c0;
                for (int ch = 0; ch < 3; ch++) {
                    final double tl = sample(rgb, height, width, top, left, r0, c0, ch);
                    final double tr = sample(rgb, height, width, top, left, r0, c1, ch);
                    final double bl = sample(rgb, height, width, top, left, r1, c0, ch);
                    final double br = sample(rgb, height, width, top, left, r1, c1, ch);
                    final double t = tl + (tr - tl) * colFrac;
                    final double b = bl + (br - bl) * colFrac;
                    px[ch] = (float)(t + (b - t) * rowFrac); // the resize's float32 result
                }
                for (int ch = 0; ch < 3; ch++) {
                    out[offset + ch * plane + r * size + c] = (px[ch] - MEAN_RGB[ch]) / 255f;
                }
            }
        }
    }

    /** A value of the padded square image: 0 outside the image. */
    private static int sample(final byte[] rgb, final int height, final int width, final int top, final int left,
        final int r, final int c, final int ch) {
        final int y = r - top;
        final int x = c - left;
        if (y < 0 || y >= height || x < 0 || x >= width) {
            return 0;
        }
        return rgb[(y * width + x) * 3 + ch] & 0xff;
    }
}
