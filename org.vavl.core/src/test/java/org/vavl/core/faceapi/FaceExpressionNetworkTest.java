package org.vavl.core.faceapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vavl.core.faceapi.FaceApiOracle.Face;

/** The expression network and its preprocessing without the oracle (the parity test compares with face-api). */
class FaceExpressionNetworkTest {

    private static FaceExpressionModel s_model;

    @BeforeAll
    static void load() throws Exception {
        s_model = FaceExpressionModel.builtIn();
    }

    @AfterAll
    static void close() {
        s_model.close();
    }

    @Test
    void preprocessingPadsResizesAndNormalises() {
        // 224x224: the resize samples every second pixel (rows and columns 0, 2, 4, ...)
        final byte[] big = new byte[224 * 224 * 3];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte)(i * 7);
        }
        final float[] x = FaceApiInput.fromRgb(big, 224, 224, 112);
        for (int r : new int[] {0, 5, 111}) {
            for (int c : new int[] {0, 9, 111}) {
                for (int ch = 0; ch < 3; ch++) {
                    final int v = big[((2 * r) * 224 + 2 * c) * 3 + ch] & 0xff;
                    assertEquals((v - FaceApiInput.MEAN_RGB[ch]) / 255f, x[(r * 112 + c) * 3 + ch]);
                }
            }
        }
        // 112 wide, 109 tall (R of pixel (r, c) at (r * 112 + c) * 3): 3 rows of black, 2 after the image (round(1.5)) and 1 before it, no resize
        final byte[] white = new byte[109 * 112 * 3];
        java.util.Arrays.fill(white, (byte)255);
        final float[] y = FaceApiInput.fromRgb(white, 109, 112, 112);
        final float black = (0 - FaceApiInput.MEAN_RGB[0]) / 255f;
        final float full = (255 - FaceApiInput.MEAN_RGB[0]) / 255f;
        assertEquals(black, y[0]);
        assertEquals(full, y[112 * 3]);
        assertEquals(full, y[109 * 112 * 3]);
        assertEquals(black, y[110 * 112 * 3]);
        assertEquals(black, y[(111 * 112 + 50) * 3]);
    }

    @Test
    void resizeEqualsBilinearSamplingPixelByPixel() {
        // the row-wise resize gives exactly the values of TensorFlow's formula taken pixel by pixel, for upsizing,
        // downsizing, odd ratios and both paddings (centred for the face networks, after the image for the detector)
        final java.util.Random random = new java.util.Random(18);
        final int[][] shapes = {{97, 150, 112}, {150, 97, 112}, {360, 480, 416}, {112, 112, 416}, {61, 61, 112}};
        for (int[] hw : shapes) {
            final byte[] rgb = new byte[hw[0] * hw[1] * 3];
            random.nextBytes(rgb);
            for (boolean centre : new boolean[] {true, false}) {
                final int size = hw[2];
                final float[] fast = new float[size * size * 3];
                FaceApiInput.toSquare(rgb, hw[0], hw[1], size, centre, FaceApiInput.MEAN_RGB, fast, 0);
                assertArrayEquals(pixelByPixel(rgb, hw[0], hw[1], size, centre), fast,
                    hw[1] + "x" + hw[0] + " to " + size + (centre ? ", centred" : ", padded after"));
            }
        }
    }

    /** TensorFlow's bilinear resize (no aligned corners, no half-pixel centres) of the padded square, per value. */
    private static float[] pixelByPixel(final byte[] rgb, final int height, final int width, final int size,
        final boolean centre) {
        final int n = Math.max(height, width);
        final int d = n - Math.min(height, width);
        final int after = centre ? (int)Math.floor(d * 0.5 + 0.5) : d;
        final int top = height < width ? d - after : 0;
        final int left = width < height ? d - after : 0;
        final float[] out = new float[size * size * 3];
        for (int r = 0; r < size; r++) {
            final double fr = (double)n / size * r;
            final int r0 = (int)Math.floor(fr);
            final int r1 = Math.min(n - 1, (int)Math.ceil(fr));
            for (int c = 0; c < size; c++) {
                final double fc = (double)n / size * c;
                final int c0 = (int)Math.floor(fc);
                final int c1 = Math.min(n - 1, (int)Math.ceil(fc));
                for (int ch = 0; ch < 3; ch++) {
                    final double tl = px(rgb, height, width, r0 - top, c0 - left, ch);
                    final double tr = px(rgb, height, width, r0 - top, c1 - left, ch);
                    final double bl = px(rgb, height, width, r1 - top, c0 - left, ch);
                    final double br = px(rgb, height, width, r1 - top, c1 - left, ch);
                    final double t = tl + (tr - tl) * (fc - c0);
                    final double b = bl + (br - bl) * (fc - c0);
                    out[(r * size + c) * 3 + ch] = ((float)(t + (b - t) * (fr - r0)) - FaceApiInput.MEAN_RGB[ch]) / 255f;
                }
            }
        }
        return out;
    }

    private static double px(final byte[] rgb, final int height, final int width, final int y, final int x,
        final int ch) {
        return y < 0 || y >= height || x < 0 || x >= width ? 0 : rgb[(y * width + x) * 3 + ch] & 0xff;
    }

    @Test
    void probabilitiesSumToOneAndBatchesDoNotMix() throws Exception {
        final List<Face> faces = FaceExpressionParityTest.randomFaces(3, 7);
        final FaceExpressionModel.Output all = FaceExpressionParityTest.runDjl(s_model, faces);
        for (int i = 0; i < faces.size(); i++) {
            double sum = 0;
            for (float p : all.probabilities()[i]) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5);
            assertEquals(256, all.features()[i].length);
            final FaceExpressionModel.Output one = FaceExpressionParityTest.runDjl(s_model, List.of(faces.get(i)));
            assertArrayEquals(one.probabilities()[0], all.probabilities()[i], 1e-6f);
            assertArrayEquals(one.features()[0], all.features()[i], 1e-5f);
        }
    }

    @Test
    void theAstronautSmiles() throws Exception {
        // Eileen Collins smiles in the portrait: on crops around her face (the detector's box, box x1.25, 112x112,
        // and the two non-square crops) face-api says "happy" with a probability above 0.99; on the 224x224 region
        // and the whole portrait, mostly background and uniform, it is far less sure
        final List<Face> crops = FaceExpressionParityTest.astronautCrops();
        final FaceExpressionModel.Output out = FaceExpressionParityTest.runDjl(s_model, crops);
        final int happy = FaceExpressionNetwork.EXPRESSIONS.indexOf("happy");
        for (int i : new int[] {0, 1, 3, 4, 5}) {
            final float[] p = out.probabilities()[i];
            assertTrue(p[happy] > 0.99f, "crop " + i + ": " + java.util.Arrays.toString(p));
        }
        assertTrue(out.probabilities()[2][happy] < 0.5f, java.util.Arrays.toString(out.probabilities()[2]));
    }
}
