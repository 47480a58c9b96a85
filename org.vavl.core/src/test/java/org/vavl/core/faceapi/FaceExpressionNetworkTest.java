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
                    assertEquals((v - FaceApiInput.MEAN_RGB[ch]) / 255f, x[ch * 112 * 112 + r * 112 + c]);
                }
            }
        }
        // 112 wide, 109 tall: 3 rows of black, 2 after the image (round(1.5)) and 1 before it, no resize
        final byte[] white = new byte[109 * 112 * 3];
        java.util.Arrays.fill(white, (byte)255);
        final float[] y = FaceApiInput.fromRgb(white, 109, 112, 112);
        final float black = (0 - FaceApiInput.MEAN_RGB[0]) / 255f;
        final float full = (255 - FaceApiInput.MEAN_RGB[0]) / 255f;
        assertEquals(black, y[0]);
        assertEquals(full, y[112]);
        assertEquals(full, y[109 * 112]);
        assertEquals(black, y[110 * 112]);
        assertEquals(black, y[111 * 112 + 50]);
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
