package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.vavl.core.faceapi.FaceExpressionNetwork;

/** The built-in expression network encoder on BGR face images (the network itself: FaceExpressionParityTest). */
class ExpressionFaceEncoderTest {

    /** A BGR crop of the engine's astronaut.png. */
    private static Mat astronaut(final int x, final int y, final int w, final int h) throws Exception {
        final BufferedImage img;
        try (InputStream in = ExpressionFaceEncoderTest.class.getResourceAsStream("/org/vavl/core/demo/astronaut.png")) {
            img = ImageIO.read(in);
        }
        final byte[] bgr = new byte[w * h * 3];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                final int p = img.getRGB(x + c, y + r);
                final int k = (r * w + c) * 3;
                bgr[k] = (byte)p;
                bgr[k + 1] = (byte)(p >> 8);
                bgr[k + 2] = (byte)(p >> 16);
            }
        }
        final Mat m = new Mat(h, w, opencv_core.CV_8UC3);
        m.data().put(bgr);
        return m;
    }

    @Test
    void probabilitiesThenEmbeddingPerFrame() throws Exception {
        final Mat face = astronaut(165, 55, 117, 117); // the face box x1.25
        final Mat wide = astronaut(150, 70, 150, 96);
        final Mat grey = new Mat();
        org.bytedeco.opencv.global.opencv_imgproc.cvtColor(face, grey,
            org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
        final List<Mat> frames = List.of(face, wide, grey);
        final FeatureSequence both;
        final FeatureSequence probabilities;
        final FeatureSequence embedding;
        try (ExpressionFaceEncoder all = new ExpressionFaceEncoder();
            ExpressionFaceEncoder p = new ExpressionFaceEncoder(ExpressionFaceEncoder.Part.PROBABILITIES, 1);
            ExpressionFaceEncoder e = new ExpressionFaceEncoder(ExpressionFaceEncoder.Part.EMBEDDING, 2)) {
            assertEquals(263, all.dim());
            assertEquals(7, p.dim());
            assertEquals(256, e.dim());
            assertTrue(all.settings().get("encoder").contains("expression network"), all.settings().toString());
            both = all.encodeImages(frames);
            probabilities = p.encodeImages(frames);
            embedding = e.encodeImages(frames);
        }
        assertEquals(3, both.frames());
        final int happy = FaceExpressionNetwork.EXPRESSIONS.indexOf("happy");
        for (int i = 0; i < 3; i++) {
            final float[] row = both.frame(i);
            assertArrayEquals(probabilities.frame(i), Arrays.copyOfRange(row, 0, 7), 1e-6f);
            assertArrayEquals(embedding.frame(i), Arrays.copyOfRange(row, 7, 263), 1e-5f);
            double sum = 0;
            for (int k = 0; k < 7; k++) {
                sum += row[k];
            }
            assertEquals(1.0, sum, 1e-5);
            for (int k = 7; k < 263; k++) {
                assertTrue(row[k] >= 0, "the embedding is an average of ReLU outputs");
            }
        }
        // she smiles: happy on the colour crops (face-api says the same, see FaceExpressionParityTest)
        assertTrue(both.frame(0)[happy] > 0.99f, Arrays.toString(probabilities.frame(0)));
        assertTrue(both.frame(1)[happy] > 0.99f, Arrays.toString(probabilities.frame(1)));
    }
}
