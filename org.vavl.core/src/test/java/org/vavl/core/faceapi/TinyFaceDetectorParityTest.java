package org.vavl.core.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
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
import org.vavl.core.faceapi.TinyFaceDetector.Detection;

/**
 * Parity of the DJL tiny face detector ({@link TinyFaceDetector}: {@link FaceApiInput#forDetector}'s preprocessing,
 * the network, the box decoding and non-maximum suppression) with face-api's own TinyFaceDetector on TensorFlow.js
 * (CPU backend) in Node.js: the network's output within 1e-4, and the faces found with the same count, intersection
 * over union at least 0.95 and scores within 1e-3; on the engine's astronaut portrait and parts of it of several
 * shapes, at input sizes 416, 320 and 160, and on random images (seed 18) with a low score threshold so that boxes
 * are found. Debian's {@code opencv-doc} sample photo {@code messi5.jpg} joins when installed.
 */
class TinyFaceDetectorParityTest {

    private static TinyFaceDetector s_detector;

    @BeforeAll
    static void load() throws Exception {
        s_detector = TinyFaceDetector.builtIn();
    }

    @AfterAll
    static void close() {
        if (s_detector != null) {
            s_detector.close();
        }
    }

    static BufferedImage astronaut() throws Exception {
        try (InputStream in = FaceApiInput.class.getResourceAsStream("/org/vavl/core/demo/astronaut.png")) {
            return ImageIO.read(in);
        }
    }

    /** The portrait and parts of it: square, wider than tall, taller than wide, the face small. */
    static List<Face> photos() throws Exception {
        final BufferedImage img = astronaut();
        final List<Face> faces = new ArrayList<>();
        faces.add(FaceExpressionParityTest.crop(img, 0, 0, 512, 512));
        faces.add(FaceExpressionParityTest.crop(img, 40, 0, 420, 300)); // wider: padded below
        faces.add(FaceExpressionParityTest.crop(img, 100, 10, 250, 380)); // taller: padded to the right
        faces.add(FaceExpressionParityTest.crop(img, 150, 40, 150, 150)); // the face filling the image
        final Path messi = Path.of("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");
        if (Files.isRegularFile(messi)) {
            final BufferedImage m = ImageIO.read(messi.toFile());
            faces.add(FaceExpressionParityTest.crop(m, 0, 0, m.getWidth(), m.getHeight()));
        }
        return faces;
    }

    static List<Face> randomImages(final long seed) {
        final Random r = new Random(seed);
        final int[][] sizes = {{200, 300}, {256, 256}, {333, 150}};
        final List<Face> out = new ArrayList<>();
        for (int[] s : sizes) {
            final byte[] rgb = new byte[s[0] * s[1] * 3];
            r.nextBytes(rgb);
            out.add(new Face(rgb, s[0], s[1]));
        }
        return out;
    }

    @Test
    void photosMatchFaceApi(@TempDir final Path work) throws Exception {
        final List<Face> photos = photos();
        int faces = 0;
        for (int size : new int[] {416, 320, 160}) {
            faces += check("photos at " + size, photos, size, 0.5, work);
        }
        assertTrue(faces >= 6, "face-api finds the astronaut's face in most photos and sizes: " + faces + " faces");
    }

    @Test
    void randomImagesMatchFaceApi(@TempDir final Path work) throws Exception {
        check("random images (seed 18)", randomImages(18), 416, 0.005, work);
    }

    private static int check(final String what, final List<Face> images, final int size, final double threshold,
        final Path work) throws Exception {
        final FaceApiOracle.Result js = FaceApiOracle.detector(images, work, size, threshold);
        assertEquals("cpu", js.backend());
        final List<byte[]> rgb = new ArrayList<>();
        final int[] h = new int[images.size()];
        final int[] w = new int[images.size()];
        final int plane = 3 * size * size;
        final float[] x = new float[images.size() * plane];
        for (int i = 0; i < images.size(); i++) {
            rgb.add(images.get(i).rgb());
            h[i] = images.get(i).height();
            w[i] = images.get(i).width();
            FaceApiInput.forDetector(rgb.get(i), h[i], w[i], size, x, i * plane);
        }
        final float[][] raw = s_detector.run(x, images.size(), size);
        final List<List<Detection>> found = s_detector.detect(rgb, h, w, size, threshold);
        double maxRaw = 0;
        double minIou = 1;
        double maxScore = 0;
        int count = 0;
        for (int i = 0; i < images.size(); i++) {
            final float[] jsRaw = js.arrays().get("raw")[i];
            assertEquals(jsRaw.length, raw[i].length, what + ", image " + i + ": output size");
            for (int k = 0; k < jsRaw.length; k++) {
                maxRaw = Math.max(maxRaw, Math.abs(raw[i][k] - jsRaw[k]));
            }
            final float[] d = js.arrays().get("detections")[i];
            final List<Detection> ours = found.get(i);
            assertEquals(d.length / 5, ours.size(), what + ", image " + i + ": faces found, ours " + ours);
            for (int k = 0; k < ours.size(); k++) {
                final Detection theirs = new Detection(d[5 * k], d[5 * k + 1], d[5 * k + 2], d[5 * k + 3], d[5 * k + 4]);
                minIou = Math.min(minIou, ours.get(k).iou(theirs));
                maxScore = Math.max(maxScore, Math.abs(ours.get(k).score() - theirs.score()));
                count++;
            }
        }
        System.out.printf(Locale.ROOT, "face-api parity, tiny face detector, %s (%d images, input %d, score > %.3g; "
            + "face-api %s on tfjs %s, %s backend): network output max |diff| %.3g; %d faces, smallest IoU %.6f, "
            + "scores max |diff| %.3g%n", what, images.size(), size, threshold, js.faceapi(), js.tfjs(), js.backend(),
            maxRaw, count, minIou, maxScore);
        assertTrue(maxRaw <= 1e-4, what + ": network output differs from face-api's by up to " + maxRaw);
        assertTrue(minIou >= 0.95, what + ": a box overlaps face-api's by only " + minIou);
        assertTrue(maxScore <= 1e-3, what + ": scores differ from face-api's by up to " + maxScore);
        return count;
    }
}
