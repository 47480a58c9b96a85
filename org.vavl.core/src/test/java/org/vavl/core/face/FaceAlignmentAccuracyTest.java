package org.vavl.core.face;

import static org.vavl.core.face.FaceAlignerSettings.ALIGNMENT;
import static org.vavl.core.face.FaceAlignerSettings.DETECTOR;
import static org.vavl.core.face.FaceAlignerSettings.TRACKING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.Overwrite;

/**
 * The aligner on astronaut.png rendered with a known roll (-15..15 degrees), scale and position per frame:
 * in at least 95% of frames the aligned face must have its eyes level within 3 degrees and the face centre
 * within 5% of the crop's side from the crop centre. Measured twice, independently of the aligner's own
 * eye estimates: (1) the true eye positions and face centre of each frame carried through the crop the
 * aligner made; (2) the eyes found again by template matching in the frames read back from the face-track
 * file, against an ideal crop of the portrait.
 */
class FaceAlignmentAccuracyTest {

    @TempDir
    static Path tmp;

    static AstronautClip clip;

    static Path video;

    @BeforeAll
    static void makeClip() throws Exception {
        video = tmp.resolve("astronaut_roll.mp4");
        clip = AstronautClip.write(video, 320, 240, 90, 30);
    }

    @Test
    void defaultSettingsTrackingAlignEyesAndCentre() throws Exception {
        check(FaceAlignerSettings.builder().build(), "tracking");
    }

    @Test
    void detectorOnEveryFrameAlignsEyesAndCentre() throws Exception {
        check(FaceAlignerSettings.builder().set(TRACKING, false).build(), "detect-every-frame");
    }

    @Test
    void tinyFaceDetectorAlignsEyesAndCentre() throws Exception {
        check(FaceAlignerSettings.builder().set(DETECTOR, FaceDetectorKind.TINY).build(), "tiny");
    }

    @Test
    void landmarksAlignEyesAndCentre() throws Exception {
        final FaceTrackResult r = check(FaceAlignerSettings.builder().set(ALIGNMENT, FaceAlignment.LANDMARKS).build(),
            "haar+landmarks");
        assertTrue(r.landmarkRatio() >= 0.95, "frames with landmarks: " + r);
        assertTrue(r.meanLandmarkConfidence() > 0.5, "landmark confidence: " + r);
    }

    @Test
    void tinyFaceDetectorWithLandmarksOnEveryFrameAlignsEyesAndCentre() throws Exception {
        final FaceTrackResult r = check(FaceAlignerSettings.builder().set(DETECTOR, FaceDetectorKind.TINY)
            .set(ALIGNMENT, FaceAlignment.LANDMARKS).set(TRACKING, false).build(), "tiny+landmarks-every-frame");
        assertEquals(clip.frames, r.landmarkFrames(), "every frame levelled by landmarks: " + r);
    }

    private FaceTrackResult check(final FaceAlignerSettings settings, final String name) throws Exception {
        final Path out = tmp.resolve("out-" + name);
        final Map<Long, FacePose> poses = new HashMap<>();
        final FaceTrackResult r;
        try (FaceTrackExtractor x = new FaceTrackExtractor(settings, out, Overwrite.ALWAYS)) {
            r = x.extract("astronaut", video, new CancelToken(), (n, res) -> poses.put(n, res.pose));
        }
        assertEquals(clip.frames, r.framesRead());
        assertNotNull(r.faceTrack());
        final int side = settings.outputSize();
        int good = 0;
        int goodAngle = 0;
        int goodCentre = 0;
        double worstAngle = 0;
        double worstCentre = 0;
        double sumAngle = 0;
        final List<String> bad = new ArrayList<>();
        for (int i = 0; i < clip.frames; i++) {
            final FacePose p = poses.get((long)i + 1);
            if (p == null) {
                bad.add(i + ": no face");
                continue;
            }
            final Similarity crop = Similarity.around(p, settings.cropScale(), side);
            final double[] e1 = clip.toFrame(i, AstronautClip.EYES[0], AstronautClip.EYES[1]);
            final double[] e2 = clip.toFrame(i, AstronautClip.EYES[2], AstronautClip.EYES[3]);
            final double[] c1 = crop.toPatch(e1[0], e1[1]);
            final double[] c2 = crop.toPatch(e2[0], e2[1]);
            final double angle = Math.toDegrees(Math.atan2(c2[1] - c1[1], c2[0] - c1[0]));
            final double[] fc = clip.toFrame(i, AstronautClip.FACE_CENTRE[0], AstronautClip.FACE_CENTRE[1]);
            final double[] cc = crop.toPatch(fc[0], fc[1]);
            final double off = Math.hypot(cc[0] - side / 2.0, cc[1] - side / 2.0) / side;
            worstAngle = Math.max(worstAngle, Math.abs(angle));
            worstCentre = Math.max(worstCentre, off);
            sumAngle += Math.abs(angle);
            final boolean okA = Math.abs(angle) <= 3;
            final boolean okC = off <= 0.05;
            goodAngle += okA ? 1 : 0;
            goodCentre += okC ? 1 : 0;
            if (okA && okC) {
                good++;
            } else {
                bad.add(String.format(Locale.ROOT, "%d: roll %.1f, eyes %.2f deg, centre off %.3f", i,
                    clip.rollDeg(i), angle, off));
            }
        }
        final double share = (double)good / clip.frames;
        System.out.printf(Locale.ROOT,
            "[face accuracy %s] %d/%d frames aligned (%.1f%%): eyes level within 3 deg %d, centre within 5%% %d; "
                + "mean |eye angle| %.2f deg, worst %.2f deg, worst centre offset %.3f; detector runs %d; %s%n",
            name, good, clip.frames, 100 * share, goodAngle, goodCentre, sumAngle / clip.frames, worstAngle,
            worstCentre, r.detectorRuns(), r);
        assertTrue(share >= 0.95, name + ": only " + good + " of " + clip.frames + " frames aligned: " + bad);

        // (2) read the face track back and find the eyes again by template matching against an ideal crop
        final double[] readBack = readBackShare(r.faceTrack(), settings, r.framesWritten());
        System.out.printf(Locale.ROOT, "[face accuracy %s, read back] %.1f%% of %d frames within 3 deg and 5%%%n",
            name, 100 * readBack[0], (long)readBack[1]);
        assertEquals(r.framesWritten(), (long)readBack[1]);
        assertTrue(readBack[0] >= 0.95, name + ": read back, only " + readBack[0] + " of frames aligned");
        return r;
    }

    /** @return {share of good frames, frames read} */
    private static double[] readBackShare(final Path track, final FaceAlignerSettings s, final long expected)
        throws Exception {
        final int side = s.outputSize();
        // ideal crop: eye line level, face box centre at the crop centre, box side = side / cropScale
        final double eyeAngle = Math.atan2(AstronautClip.EYES[3] - AstronautClip.EYES[1],
            AstronautClip.EYES[2] - AstronautClip.EYES[0]);
        final Similarity ideal = new Similarity(AstronautClip.FACE_CENTRE[0], AstronautClip.FACE_CENTRE[1],
            AstronautClip.FACE_SIDE * s.cropScale() / side, eyeAngle, side, side);
        final Mat portrait = opencv_imgcodecs.imread(AstronautClip.astronautPng().toString());
        final Mat gray = new Mat();
        opencv_imgproc.cvtColor(portrait, gray, opencv_imgproc.COLOR_BGR2GRAY);
        final Mat idealCrop = new Mat();
        ideal.warp(gray, idealCrop, new Mat());
        final double[] i1 = ideal.toPatch(AstronautClip.EYES[0], AstronautClip.EYES[1]);
        final double[] i2 = ideal.toPatch(AstronautClip.EYES[2], AstronautClip.EYES[3]);
        final int t = side / 8;
        final Mat t1 = new Mat(idealCrop, new Rect((int)Math.round(i1[0] - t / 2.0), (int)Math.round(i1[1] - t / 2.0), t, t)).clone();
        final Mat t2 = new Mat(idealCrop, new Rect((int)Math.round(i2[0] - t / 2.0), (int)Math.round(i2[1] - t / 2.0), t, t)).clone();
        final OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
        int good = 0;
        int n = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(track.toFile())) {
            g.start();
            assertEquals(side, g.getImageWidth());
            assertEquals(side, g.getImageHeight());
            Frame f;
            final Mat fg = new Mat();
            while ((f = g.grabImage()) != null) {
                n++;
                opencv_imgproc.cvtColor(conv.convert(f), fg, opencv_imgproc.COLOR_BGR2GRAY);
                final double[] f1 = find(fg, t1, i1, t);
                final double[] f2 = find(fg, t2, i2, t);
                final double angle = Math.toDegrees(Math.atan2(f2[1] - f1[1], f2[0] - f1[0]));
                // the eye midpoint moves with the face centre (same roll and nearly the same scale)
                final double off = Math.hypot((f1[0] + f2[0] - i1[0] - i2[0]) / 2, (f1[1] + f2[1] - i1[1] - i2[1]) / 2)
                    / side;
                if (Math.abs(angle) <= 3 && off <= 0.05) {
                    good++;
                }
            }
        }
        assertTrue(n > 0 && n == expected, "frames read back " + n + ", written " + expected);
        return new double[]{(double)good / n, n};
    }

    private static double[] find(final Mat image, final Mat template, final double[] near, final int t) {
        final int r = image.cols() / 6;
        final int x0 = Math.max(0, (int)Math.round(near[0] - t / 2.0) - r);
        final int y0 = Math.max(0, (int)Math.round(near[1] - t / 2.0) - r);
        final int w = Math.min(image.cols() - x0, t + 2 * r);
        final int h = Math.min(image.rows() - y0, t + 2 * r);
        final Mat search = new Mat(image, new Rect(x0, y0, w, h));
        final Mat res = new Mat();
        opencv_imgproc.matchTemplate(search, template, res, opencv_imgproc.TM_CCOEFF_NORMED);
        final Point loc = new Point();
        opencv_core.minMaxLoc(res, (double[])null, (double[])null, null, loc, null);
        return new double[]{x0 + loc.x() + t / 2.0, y0 + loc.y() + t / 2.0};
    }
}
