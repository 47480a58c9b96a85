package org.vavl.core.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.faceapi.FaceApiOracle.Face;

/**
 * Parity of the DJL 68-point landmark network ({@link FaceLandmarkModel} with {@link FaceApiInput}'s preprocessing
 * and {@link FaceLandmarkModel#toImage}) with face-api's own JavaScript on TensorFlow.js (CPU backend) in Node.js, on
 * the same random and astronaut faces as {@link FaceExpressionParityTest}: the network's output and the points on
 * the image, as fractions of the image's width and height, within 1e-4.
 */
class FaceLandmarkParityTest {

    private static FaceLandmarkModel s_model;

    @BeforeAll
    static void load() throws Exception {
        s_model = FaceLandmarkModel.builtIn();
    }

    @AfterAll
    static void close() {
        if (s_model != null) {
            s_model.close();
        }
    }

    static float[][] runDjl(final FaceLandmarkModel model, final List<Face> faces) throws Exception {
        final int plane = 3 * 112 * 112;
        final float[] x = new float[faces.size() * plane];
        for (int i = 0; i < faces.size(); i++) {
            final Face f = faces.get(i);
            FaceApiInput.fromRgb(f.rgb(), f.height(), f.width(), 112, x, i * plane);
        }
        return model.run(x, faces.size());
    }

    @Test
    void landmarksMatchFaceApi(@TempDir final Path work) throws Exception {
        final List<Face> faces = new ArrayList<>(FaceExpressionParityTest.randomFaces(4, 18));
        faces.addAll(FaceExpressionParityTest.astronautCrops());
        final FaceApiOracle.Result js = FaceApiOracle.landmarks(faces, work);
        assertEquals("cpu", js.backend());
        final float[][] raw = runDjl(s_model, faces);
        double maxRaw = 0;
        double maxImage = 0;
        for (int i = 0; i < faces.size(); i++) {
            final float[] image = FaceLandmarkModel.toImage(raw[i], faces.get(i).height(), faces.get(i).width());
            assertEquals(136, js.arrays().get("raw")[i].length);
            for (int k = 0; k < 136; k++) {
                maxRaw = Math.max(maxRaw, Math.abs(raw[i][k] - js.arrays().get("raw")[i][k]));
                maxImage = Math.max(maxImage, Math.abs(image[k] - js.arrays().get("landmarks")[i][k]));
            }
        }
        System.out.printf(Locale.ROOT, "face-api parity, 68 landmarks (%d faces: 4 random, %d astronaut crops; face-api"
            + " %s on tfjs %s, %s backend): network output max |diff| %.3g, points on the image max |diff| %.3g"
            + " (fractions of width / height)%n", faces.size(), faces.size() - 4, js.faceapi(), js.tfjs(), js.backend(),
            maxRaw, maxImage);
        assertTrue(maxRaw <= 1e-4, "network output differs from face-api's by up to " + maxRaw);
        assertTrue(maxImage <= 1e-4, "landmarks differ from face-api's by up to " + maxImage);
    }

    @Test
    void theAstronautsEyesAreWhereTheyAre() throws Exception {
        // the crop of the detector's box (177, 67, 93x93): her eyes lie in its upper half, level, the person's right
        // eye (points 36-41) on the image's left
        final Face face = FaceExpressionParityTest.astronautCrops().get(0);
        final float[] p = FaceLandmarkModel.toImage(runDjl(s_model, List.of(face))[0], face.height(), face.width());
        final double[] right = centre(p, 36);
        final double[] left = centre(p, 42);
        assertTrue(right[0] < left[0], "right eye left of the left eye");
        for (double[] eye : new double[][] {right, left}) {
            assertTrue(eye[1] > 0.2 && eye[1] < 0.5, "eye height " + eye[1]);
        }
        final double roll = Math.toDegrees(Math.atan2((left[1] - right[1]) * face.height(),
            (left[0] - right[0]) * face.width()));
        assertTrue(Math.abs(roll) < 10, "eye line " + roll + " degrees");
        final double[] mouth = centre(p, 48);
        assertTrue(mouth[1] > 0.65, "mouth below the eyes: " + mouth[1]);
    }

    /** Mean of six points from {@code first} (an eye), or of 20 for the mouth (48). */
    private static double[] centre(final float[] p, final int first) {
        final int n = first == 48 ? 20 : 6;
        double x = 0;
        double y = 0;
        for (int i = first; i < first + n; i++) {
            x += p[2 * i];
            y += p[2 * i + 1];
        }
        return new double[] {x / n, y / n};
    }
}
