package org.vavl.core.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.faceapi.FaceApiOracle.Face;

/**
 * Parity of the DJL expression network ({@link FaceExpressionModel}, with {@link FaceApiInput}'s preprocessing) with
 * face-api's own JavaScript on TensorFlow.js (CPU backend) in Node.js, on the same 8-bit RGB faces: random
 * 112x112 images (fixed seed) and crops of the engine's {@code astronaut.png} of several sizes and shapes (so the
 * padding to a square and the bilinear resize are checked too). The oracle weights come from face-api's npm
 * package, the DJL weights from the engine's committed copies.
 */
class FaceExpressionParityTest {

    private static FaceExpressionModel s_model;

    @BeforeAll
    static void load() throws Exception {
        s_model = FaceExpressionModel.builtIn();
    }

    @AfterAll
    static void close() {
        if (s_model != null) {
            s_model.close();
        }
    }

    /** Random 112x112 faces, seed 18. */
    static List<Face> randomFaces(final int n, final long seed) {
        final Random r = new Random(seed);
        final List<Face> faces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final byte[] rgb = new byte[112 * 112 * 3];
            r.nextBytes(rgb);
            faces.add(new Face(rgb, 112, 112));
        }
        return faces;
    }

    /** The astronaut's face (OpenCV's Haar box about x=177, y=67, 93x93), cropped around it in several ways. */
    static List<Face> astronautCrops() throws Exception {
        final BufferedImage img;
        try (InputStream in = FaceApiInput.class.getResourceAsStream("/org/vavl/core/demo/astronaut.png")) {
            img = ImageIO.read(in);
        }
        final List<Face> faces = new ArrayList<>();
        faces.add(crop(img, 177, 67, 93, 93)); // the detector's box, enlarged to 112 by the resize
        faces.add(crop(img, 165, 55, 117, 117)); // box x1.25
        faces.add(crop(img, 130, 20, 224, 224)); // a 224x224 region: the resize takes every second pixel
        faces.add(crop(img, 170, 50, 112, 112)); // exactly 112: no resize
        faces.add(crop(img, 160, 60, 101, 130)); // taller than wide: padded left and right (odd difference)
        faces.add(crop(img, 150, 70, 150, 96)); // wider than tall: padded above and below
        faces.add(crop(img, 0, 0, 512, 512)); // the whole portrait, shrunk
        return faces;
    }

    static Face crop(final BufferedImage img, final int x, final int y, final int w, final int h) {
        final byte[] rgb = new byte[w * h * 3];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                final int p = img.getRGB(x + c, y + r);
                final int k = (r * w + c) * 3;
                rgb[k] = (byte)(p >> 16);
                rgb[k + 1] = (byte)(p >> 8);
                rgb[k + 2] = (byte)p;
            }
        }
        return new Face(rgb, h, w);
    }

    static FaceExpressionModel.Output runDjl(final FaceExpressionModel model, final List<Face> faces) throws Exception {
        final int plane = 3 * 112 * 112;
        final float[] x = new float[faces.size() * plane];
        for (int i = 0; i < faces.size(); i++) {
            final Face f = faces.get(i);
            FaceApiInput.fromRgb(f.rgb(), f.height(), f.width(), 112, x, i * plane);
        }
        return model.run(x, faces.size());
    }

    @Test
    void randomInputsMatchFaceApi(@TempDir final Path work) throws Exception {
        check("random 112x112 (seed 18)", randomFaces(8, 18), work);
    }

    @Test
    void astronautCropsMatchFaceApi(@TempDir final Path work) throws Exception {
        check("astronaut crops", astronautCrops(), work);
    }

    private static void check(final String what, final List<Face> faces, final Path work) throws Exception {
        final FaceApiOracle.Result js = FaceApiOracle.expressions(faces, work);
        assertEquals("cpu", js.backend());
        final FaceExpressionModel.Output djl = runDjl(s_model, faces);
        double maxP = 0;
        double maxF = 0;
        double maxFeature = 0;
        for (int i = 0; i < faces.size(); i++) {
            assertEquals(7, js.probabilities()[i].length);
            assertEquals(256, js.features()[i].length);
            for (int k = 0; k < 7; k++) {
                maxP = Math.max(maxP, Math.abs(djl.probabilities()[i][k] - js.probabilities()[i][k]));
            }
            for (int k = 0; k < 256; k++) {
                maxF = Math.max(maxF, Math.abs(djl.features()[i][k] - js.features()[i][k]));
                maxFeature = Math.max(maxFeature, Math.abs(js.features()[i][k]));
            }
        }
        System.out.printf(Locale.ROOT, "face-api parity, %s (%d faces; face-api %s on tfjs %s, %s backend): "
            + "probabilities max |diff| %.3g, features max |diff| %.3g (largest feature %.3g)%n", what, faces.size(),
            js.faceapi(), js.tfjs(), js.backend(), maxP, maxF, maxFeature);
        assertTrue(maxP <= 1e-4, what + ": probabilities differ from face-api's by up to " + maxP);
        assertTrue(maxF <= 1e-4 * Math.max(1, maxFeature), what + ": features differ from face-api's by up to " + maxF);
    }
}
