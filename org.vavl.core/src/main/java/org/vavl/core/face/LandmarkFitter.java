package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;

import org.bytedeco.opencv.opencv_core.Mat;
import org.vavl.core.faceapi.FaceApiInput;
import org.vavl.core.faceapi.FaceLandmarkModel;

/**
 * Fits face-api's 68-point landmark network ({@link FaceLandmarkModel}, weights shipped in the engine) to a face of
 * a frame and turns the points into a face pose. Thread safe (one per extractor, shared by its workers).
 *
 * <p>Per fit: the square view of {@value #VIEW_FACTOR} face sides around the pose, rotated by its roll, is made at
 * the network's 112x112 (as face-api crops its detector's box); the network runs on it and on its mirror image in one
 * batch, the mirror's points are mirrored back (left and right points swapped, iBUG numbering) and the two sets
 * averaged. Their disagreement, the mean distance between the two estimates of a point over the distance between
 * the eye centres, gives the confidence {@code max(0, 1 - disagreement / }{@value #DISAGREEMENT_AT_ZERO}{@code )}:
 * about 0.87 on the astronaut's frontal face, 0.68 on a 40-pixel face, 0 on patches without a face and on a Haar
 * false positive (measured: see {@code docs/face.md}); fits below {@value #MIN_CONFIDENCE} are not used.
 *
 * <p>The pose: roll from the line through the eye centres (means of points 36-41 and 42-47); side
 * {@code max(}{@value #SIDE_PER_EYES}{@code  x eye distance, }{@value #SIDE_PER_EYE_MOUTH}{@code  x eye-to-mouth
 * distance)}; centre the eyes' midpoint moved {@value #CENTRE_TOWARDS_MOUTH} of the way to the mouth's centre (mean of
 * points 48-67). The constants make the box that of OpenCV's Haar cascade on frontal faces (astronaut portrait), so
 * the crop scale means the same as with the other alignments, and the eye-to-mouth term keeps the size when the head
 * turns.
 */
final class LandmarkFitter implements AutoCloseable {

    /** The view the network sees covers this many face sides. */
    static final double VIEW_FACTOR = 1.0;

    static final double DISAGREEMENT_AT_ZERO = 0.25;

    static final double SIDE_PER_EYES = 2.2;

    static final double SIDE_PER_EYE_MOUTH = 2.1;

    static final double CENTRE_TOWARDS_MOUTH = 0.3;

    /** Fits below this confidence are not used (no face, or the network lost it). */
    static final double MIN_CONFIDENCE = 0.25;

    private static final int SIZE = FaceLandmarkModel.SIZE;

    /** The point a point becomes in the mirror image (iBUG 68). */
    static final int[] MIRROR = mirror();

    /** One fit: the averaged points and eye centres in frame coordinates, the confidence, the pose they give. */
    static final class Fit {
        /** 68 points, x, y interleaved, frame pixels. */
        final double[] points;

        /** Eye centres, image-left eye first: x1, y1, x2, y2, frame pixels. */
        final double[] eyes;

        final double confidence;

        final FacePose pose;

        Fit(final double[] points, final double[] eyes, final double confidence, final FacePose pose) {
            this.points = points;
            this.eyes = eyes;
            this.confidence = confidence;
            this.pose = pose;
        }
    }

    private final FaceLandmarkModel m_model;

    LandmarkFitter() throws IOException {
        m_model = FaceLandmarkModel.builtIn();
    }

    /** Fits the landmarks to the face at {@code pose} of a BGR frame. */
    Fit fit(final Mat bgr, final FacePose pose) {
        final Similarity view = Similarity.around(pose, VIEW_FACTOR, SIZE);
        try (Mat patch = new Mat(); Mat matrix = new Mat()) {
            view.warp(bgr, patch, matrix);
            return fitView(patch, view);
        }
    }

    /**
     * Fits the landmarks to the face at {@code pose} of a decoded frame: the view is made from the frame's planes at
     * full colour resolution and turned into BGR alone, so the frame itself is never converted.
     */
    Fit fit(final YuvFrame frame, final FacePose pose) {
        final Similarity view = Similarity.around(pose, VIEW_FACTOR, SIZE);
        try (FaceCrop patch = new FaceCrop(SIZE, false); Mat bgr = new Mat()) {
            frame.crop(view, patch);
            return fitView(patch.toBgr(bgr), view);
        }
    }

    /** Runs the network on a BGR view (SIZE x SIZE) and on its mirror image. */
    private Fit fitView(final Mat patch, final Similarity view) {
        final byte[] rgb = new byte[SIZE * SIZE * 3];
        try (Mat rgbPatch = new Mat()) {
            cvtColor(patch, rgbPatch, COLOR_BGR2RGB);
            rgbPatch.data().get(rgb);
        }
        final byte[] mirrored = new byte[rgb.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                System.arraycopy(rgb, (y * SIZE + x) * 3, mirrored, (y * SIZE + SIZE - 1 - x) * 3, 3);
            }
        }
        final int plane = 3 * SIZE * SIZE;
        final float[] input = new float[2 * plane];
        FaceApiInput.fromRgb(rgb, SIZE, SIZE, SIZE, input, 0);
        FaceApiInput.fromRgb(mirrored, SIZE, SIZE, SIZE, input, plane);
        final float[][] raw = m_model.run(input, 2);
        return fromViewPoints(raw[0], raw[1], view);
    }

    /**
     * The fit from the network's points on a view and on its mirror image (fractions of the 112x112 input).
     */
    static Fit fromViewPoints(final float[] direct, final float[] mirror, final Similarity view) {
        final int n = direct.length / 2;
        final double[] avg = new double[2 * n];
        double disagreement = 0;
        for (int i = 0; i < n; i++) {
            final int m = MIRROR[i];
            final double x1 = direct[2 * i] * SIZE;
            final double y1 = direct[2 * i + 1] * SIZE;
            final double x2 = SIZE - mirror[2 * m] * SIZE;
            final double y2 = mirror[2 * m + 1] * SIZE;
            avg[2 * i] = (x1 + x2) / 2;
            avg[2 * i + 1] = (y1 + y2) / 2;
            disagreement += Math.hypot(x1 - x2, y1 - y2);
        }
        disagreement /= n;
        final double[] e1 = mean(avg, 36, 6);
        final double[] e2 = mean(avg, 42, 6);
        final double[] mouth = mean(avg, 48, 20);
        final double eyeDist = Math.hypot(e2[0] - e1[0], e2[1] - e1[1]);
        final double confidence = eyeDist <= 0 ? 0
            : Math.max(0, Math.min(1, 1 - disagreement / eyeDist / DISAGREEMENT_AT_ZERO));
        final double[] points = new double[2 * n];
        for (int i = 0; i < n; i++) {
            final double[] f = view.toFrame(avg[2 * i], avg[2 * i + 1]);
            points[2 * i] = f[0];
            points[2 * i + 1] = f[1];
        }
        final double[] a = view.toFrame(e1[0], e1[1]);
        final double[] b = view.toFrame(e2[0], e2[1]);
        final double[] mo = view.toFrame(mouth[0], mouth[1]);
        final double[] eyes = {a[0], a[1], b[0], b[1]};
        final double mx = (a[0] + b[0]) / 2;
        final double my = (a[1] + b[1]) / 2;
        final double eyeMouth = Math.hypot(mo[0] - mx, mo[1] - my);
        final double side = Math.max(SIDE_PER_EYES * Math.hypot(b[0] - a[0], b[1] - a[1]),
            SIDE_PER_EYE_MOUTH * eyeMouth);
        final double angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
        final FacePose pose = new FacePose(mx + CENTRE_TOWARDS_MOUTH * (mo[0] - mx),
            my + CENTRE_TOWARDS_MOUTH * (mo[1] - my), side, angle);
        return new Fit(points, eyes, confidence, pose);
    }

    private static double[] mean(final double[] p, final int first, final int count) {
        double x = 0;
        double y = 0;
        for (int i = first; i < first + count; i++) {
            x += p[2 * i];
            y += p[2 * i + 1];
        }
        return new double[] {x / count, y / count};
    }

    private static int[] mirror() {
        final int[] m = new int[68];
        for (int i = 0; i < 68; i++) {
            m[i] = i;
        }
        pairs(m, 0, 16, 8); // jaw 0-16
        pairs(m, 17, 26, 5); // brows 17-21 / 22-26
        pairs(m, 31, 35, 2); // nose base 31-35
        swap(m, 36, 45);
        swap(m, 37, 44);
        swap(m, 38, 43);
        swap(m, 39, 42);
        swap(m, 40, 47);
        swap(m, 41, 46);
        pairs(m, 48, 54, 3); // outer lip, upper 48-54
        pairs(m, 55, 59, 2); // outer lip, lower 55-59
        pairs(m, 60, 64, 2); // inner lip, upper 60-64
        swap(m, 65, 67); // inner lip, lower 65-67
        return m;
    }

    /** first + i and last - i swap, for i below count. */
    private static void pairs(final int[] m, final int first, final int last, final int count) {
        for (int i = 0; i < count; i++) {
            swap(m, first + i, last - i);
        }
    }

    private static void swap(final int[] m, final int a, final int b) {
        m[a] = b;
        m[b] = a;
    }

    @Override
    public void close() {
        m_model.close();
    }
}
