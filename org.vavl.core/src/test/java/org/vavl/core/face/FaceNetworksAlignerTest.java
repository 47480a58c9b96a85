package org.vavl.core.face;

import static org.vavl.core.face.FaceAlignerSettings.ALIGNMENT;
import static org.vavl.core.face.FaceAlignerSettings.DETECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aligner's pieces that use face-api's networks, on the astronaut portrait with its measured eye centres
 * ({@link AstronautClip#EYES}): the tiny face detector's box where the Haar cascade's is, the landmark fit's eyes
 * within 1.5 pixels of the measured ones (2.5 in a view rolled by 10 degrees) and a confident fit, no confident fit on patches without a face, the mirror
 * map of the 68 points, and the settings.
 */
class FaceNetworksAlignerTest {

    private static Mat s_bgr;

    private static LandmarkFitter s_fitter;

    @BeforeAll
    static void load() throws Exception {
        s_bgr = opencv_imgcodecs.imread(AstronautClip.astronautPng().toString());
        s_fitter = new LandmarkFitter();
    }

    @AfterAll
    static void close() {
        s_fitter.close();
    }

    @Test
    void tinyDetectorFindsTheFaceWhereTheHaarBoxIs() throws Exception {
        try (TinyFaceModels tiny = new TinyFaceModels(); YuvFrame frame = new YuvFrame()) {
            frame.setBgr(s_bgr);
            final List<DetectedFace> found = tiny.detectFrame(frame, 40, false);
            assertEquals(1, found.size(), "one face in the portrait");
            final FacePose p = found.get(0).pose;
            // the Haar box of the data README: centre (223.5, 113.5), side 93
            assertEquals(AstronautClip.FACE_CENTRE[0], p.cx, 5);
            assertEquals(AstronautClip.FACE_CENTRE[1], p.cy, 5);
            assertEquals(AstronautClip.FACE_SIDE, p.size, 8);
            assertTrue(found.get(0).score > 0.9, "score " + found.get(0).score);
            // around a pose off by a fifth of the face, rolled 10 degrees: found again
            final FacePose off = new FacePose(p.cx + 0.2 * p.size, p.cy - 0.1 * p.size, p.size * 1.1, Math.toRadians(10));
            final List<DetectedFace> around = tiny.detectAround(frame, off);
            assertEquals(1, around.size());
            assertEquals(p.cx, around.get(0).pose.cx, 6);
            assertEquals(p.cy, around.get(0).pose.cy, 6);
        }
    }

    @Test
    void landmarkEyesAreTheMeasuredEyes() {
        final FacePose haar = new FacePose(AstronautClip.FACE_CENTRE[0], AstronautClip.FACE_CENTRE[1],
            AstronautClip.FACE_SIDE, 0);
        for (double roll : new double[] {0, 10, -12}) {
            final LandmarkFitter.Fit fit = s_fitter.fit(s_bgr, haar.withAngle(Math.toRadians(roll)));
            for (int k = 0; k < 4; k++) {
                // a rolled view is less precise (the aligner fits again in the levelled view)
                assertEquals(AstronautClip.EYES[k], fit.eyes[k], roll == 0 ? 1.5 : 2.5,
                    "eye coordinate " + k + " at view roll " + roll);
            }
            assertTrue(fit.confidence > 0.6, "confidence " + fit.confidence);
            final double trueAngle = Math.toDegrees(Math.atan2(AstronautClip.EYES[3] - AstronautClip.EYES[1],
                AstronautClip.EYES[2] - AstronautClip.EYES[0]));
            assertEquals(trueAngle, Math.toDegrees(fit.pose.angle), 1.5);
            // the pose is about the Haar box
            assertEquals(AstronautClip.FACE_CENTRE[0], fit.pose.cx, 4);
            assertEquals(AstronautClip.FACE_CENTRE[1], fit.pose.cy, 6);
            assertEquals(AstronautClip.FACE_SIDE, fit.pose.size, 8);
        }
    }

    @Test
    void patchesWithoutAFaceGetNoConfidentFit() {
        final Random r = new Random(18);
        for (int i = 0; i < 12; i++) {
            final double size = 50 + r.nextInt(80);
            final FacePose p = new FacePose(size / 2 + r.nextInt((int)(512 - size)), 200 + r.nextInt(250), size, 0);
            final double c = s_fitter.fit(s_bgr, p).confidence;
            assertTrue(c < LandmarkFitter.MIN_CONFIDENCE, "patch " + p + ": confidence " + c);
        }
    }

    @Test
    void mirrorMapSwapsLeftAndRight() {
        final int[] m = LandmarkFitter.MIRROR;
        for (int i = 0; i < 68; i++) {
            assertEquals(i, m[m[i]], "the map is its own inverse at " + i);
        }
        assertEquals(16, m[0]);
        assertEquals(8, m[8]);
        assertEquals(26, m[17]);
        assertEquals(30, m[30]);
        assertEquals(35, m[31]);
        assertEquals(45, m[36]);
        assertEquals(46, m[41]);
        assertEquals(54, m[48]);
        assertEquals(51, m[51]);
        assertEquals(59, m[55]);
        assertEquals(64, m[60]);
        assertEquals(67, m[65]);
        assertEquals(66, m[66]);
    }

    @Test
    void settings() {
        assertEquals(FaceDetectorKind.TINY, FaceDetectorKind.fromSetting(" Tiny "));
        assertEquals(FaceAlignment.LANDMARKS, FaceAlignment.fromSetting("landmarks"));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> FaceAlignment.fromSetting("mesh"));
        assertTrue(e.getMessage().contains("'eyes' or 'landmarks'"), e.getMessage());
        // the default alignment is not recorded: face tracks made before the option stay valid
        assertFalse(FaceAlignerSettings.builder().build().toRecord().containsKey("alignment"));
        assertEquals("landmarks", FaceAlignerSettings.builder().set(ALIGNMENT, FaceAlignment.LANDMARKS).build()
            .toRecord().get("alignment"));
        assertEquals("tiny", FaceAlignerSettings.builder().set(DETECTOR, FaceDetectorKind.TINY).build().toRecord()
            .get("detector"));
    }
}
