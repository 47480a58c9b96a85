package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;

import java.nio.FloatBuffer;
import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Aligns the main face of consecutive frames of one clip (not thread safe; one per clip).
 *
 * <p>Per frame: on a detection frame (the first, every {@code detectionInterval}-th processed frame while
 * tracking, every frame without tracking, and whenever tracking is lost) the detector runs, near the
 * previous face first (in a view rotated by its angle) and on the whole frame otherwise; the main face is
 * chosen (largest, or nearest to the previous); its eyes are found and the view is rotated until they are
 * level (up to three rounds, each in the view of the previous one, so the eye cascade sees upright eyes);
 * the face box is then measured again in the level view, where the frontal cascade is most accurate, unless
 * it was found around the previous face in a view already within 2 degrees of level (as around a tracked
 * face). The whole-frame search uses a coarse scale step: its box is always measured again.
 * With landmark alignment ({@link LandmarkFitter}) the landmark network levels and places the face on detection
 * frames instead of the eye cascade (trying up to three of the detector's boxes until a fit is confident), and a
 * tracked face is found again on a detection frame by a confident fit at its tracked pose alone, the detector running
 * only when that fails and on at least every {@value #LANDMARK_REDETECTIONS}th detection frame.
 * Between detections the face is tracked by its eyes: each eye's patch from the last detection is found
 * again (normalised cross-correlation, sub-pixel peak) in the view of the previous pose, and the two eye
 * positions give the new centre, size and roll. When the eyes are not found the face box is kept
 * unrotated (and counted), and the face's central patch is tracked instead. Frames come as the decoder gives them
 * ({@link YuvFrame}): the tracker reads the luma plane, so a tracked frame touches only the two small search windows
 * of that view and the crop, made from the frame's planes straight into the face track's planes ({@link FaceCrop});
 * the landmark network's view is made the same way; the detectors and cascades, on detection frames only, see the
 * BGR and grey images a BGR grabber gave.
 *
 * <p>The aligned face is the square of side {@code cropScale x box side} around the box centre, rotated
 * by the roll, resized to {@code outputSize}; outside the frame is black.
 */
final class FrameAligner implements AutoCloseable {

    /** Side of the face box in the tracking view (pixels). */
    private static final int VIEW_FACE = HaarFaceModels.EYE_VIEW_FACE;

    private static final double VIEW_FACTOR = HaarFaceModels.EYE_VIEW_FACTOR;

    private static final int VIEW_SIDE = (int)(VIEW_FACE * VIEW_FACTOR);

    /** Eye template side, search radius and face template side in view pixels. */
    private static final int EYE_T = 24;

    private static final int EYE_R = 10;

    private static final int FACE_T = 56;

    private static final int FACE_R = 14;

    private static final double MIN_MATCH = 0.5;

    /**
     * A face box the detector found in a view rolled within this angle (radians) of the eye line found
     * afterwards is not measured again in the level view.
     */
    private static final double LEVEL_TOLERANCE = Math.toRadians(2);

    private final FaceModels m_models;

    private final FaceAlignerSettings m_settings;

    private final LandmarkFitter m_landmarks;

    /** True when the current pose comes from a landmark fit (carried while tracking). */
    private boolean m_fromLandmarks;

    /** Candidates the landmark network tries on a detection frame (main face first). */
    private static final int LANDMARK_CANDIDATES = 3;

    /**
     * With landmark alignment, a tracked face is found again on a detection frame by a confident landmark fit at its
     * tracked pose, without the detector; the detector still runs on at least every this many detection frames (so
     * that a larger face, with main face = largest, is not missed for long).
     */
    private static final int LANDMARK_REDETECTIONS = 4;

    /** Detection frames since the detector last ran (landmark alignment). */
    private int m_landmarkRedetections;

    private final Mat m_view = new Mat();

    private final Mat m_matrix = new Mat();

    private final FaceCrop m_crop;

    /** The frame of {@link #process(Mat)} (still images, tools), made on its first use. */
    private YuvFrame m_still;

    private final Mat m_result = new Mat();

    private final Mat m_eyeT1 = new Mat();

    private final Mat m_eyeT2 = new Mat();

    private final Mat m_faceT = new Mat();

    /** A search window of the tracking view. */
    private final Mat m_window = new Mat();

    private final DoublePointer m_max = new DoublePointer(1);

    private final Point m_maxLoc = new Point();

    private FacePose m_pose;

    /** Reference eye positions (view coordinates, x1, y1, x2, y2) of the templates; null without eyes. */
    private double[] m_refEyes;

    private boolean m_eyesFound;

    private int m_sinceDetection;

    private boolean m_hasTemplates;

    /** Detections since the last search of rotated views of the whole frame. */
    private int m_sinceRotatedSearch = Integer.MAX_VALUE / 2;

    /** What one frame gave. */
    static final class Result {
        /** True when the frame has an aligned face ({@link #crop}). */
        boolean face;

        /** True when the detector ran on this frame. */
        boolean detectorRan;

        /** True when the face was found by the detector on this frame (false: tracked, or none). */
        boolean detected;

        /** The detector's score on this frame, NaN when it gives none or did not run. */
        double score = Double.NaN;

        /** Side of the face box, frame pixels. */
        double size;

        /** False when the face was not aligned by its eyes. */
        boolean eyes;

        /** The pose used for the crop (null without a face). */
        FacePose pose;

        /**
         * True when the face was levelled and placed by the landmark network, on this frame or on the detection frame
         * it was tracked from.
         */
        boolean landmarks;

        /** The landmark fit's confidence when the landmark network ran on this frame, NaN otherwise. */
        double landmarkConfidence = Double.NaN;

        /** The aligned face, owned by the aligner: valid until the next frame. */
        FaceCrop crop;
    }

    FrameAligner(final FaceModels models, final FaceAlignerSettings settings) {
        this(models, settings, null);
    }

    /**
     * @param landmarks the landmark network that levels and places the face on detection frames, or null to use the
     *            eyes of the face models
     */
    FrameAligner(final FaceModels models, final FaceAlignerSettings settings, final LandmarkFitter landmarks) {
        m_models = models;
        m_settings = settings;
        m_landmarks = landmarks;
        m_crop = new FaceCrop(settings.outputSize(), settings.format().subsampledChroma());
    }

    /** Aligns the main face of the next frame given as an 8-bit BGR image (still images, tools). */
    Result process(final Mat bgr) {
        if (m_still == null) {
            m_still = new YuvFrame();
        }
        m_still.setBgr(bgr);
        return process(m_still);
    }

    /** Aligns the main face of the next frame. */
    Result process(final YuvFrame frame) {
        final Result r = new Result();
        final boolean detect = m_pose == null || !m_settings.tracking()
            || m_sinceDetection + 1 >= m_settings.detectionInterval() || !m_hasTemplates;
        boolean ok = false;
        if (!detect) {
            ok = track(frame);
            m_sinceDetection++;
        }
        if (!ok && m_landmarks != null && m_pose != null && m_fromLandmarks
            && m_landmarkRedetections < LANDMARK_REDETECTIONS) {
            // landmark alignment: the tracked face found again by the landmark network alone
            ok = refitLandmarks(frame, r);
            m_landmarkRedetections++;
            m_sinceDetection = 0;
        }
        if (!ok) {
            r.detectorRan = true;
            ok = detect(frame, r);
            r.detected = ok;
            m_sinceDetection = 0;
            m_landmarkRedetections = 0;
        }
        if (!ok) {
            m_pose = null;
            m_hasTemplates = false;
            return r;
        }
        r.face = true;
        r.landmarks = m_fromLandmarks;
        r.pose = m_pose;
        r.size = m_pose.size;
        r.eyes = m_eyesFound;
        frame.crop(Similarity.around(m_pose, m_settings.cropScale(), m_settings.outputSize()), m_crop);
        r.crop = m_crop;
        return r;
    }

    // ---------------------------------------------------------------- detection

    private boolean detect(final YuvFrame frame, final Result r) {
        List<DetectedFace> found = List.of();
        final FacePose previous = m_pose;
        if (previous != null) {
            found = m_models.detectAround(frame, previous);
        }
        final boolean around = !found.isEmpty();
        if (!around) {
            final double minFace = m_settings.minFaceFraction() * Math.min(frame.width(), frame.height());
            // rotated views cost two more detections: while no face is found, try them now and then only
            final boolean rotated = m_sinceRotatedSearch >= Math.max(5, m_settings.detectionInterval());
            found = m_models.detectFrame(frame, minFace, rotated);
            m_sinceRotatedSearch = rotated ? 0 : m_sinceRotatedSearch + 1;
        }
        if (found.isEmpty()) {
            return false;
        }
        final DetectedFace main = choose(found, previous);
        if (m_landmarks != null) {
            return alignByLandmarks(frame, found, main, r);
        }
        m_fromLandmarks = false;
        r.score = main.score;
        FacePose pose = main.pose;
        double[] eyes = main.eyes;
        if (eyes == null) {
            // Haar: level the eyes in up to three rounds, each searching the view of the last estimate
            double[] last = null;
            for (int round = 0; round < 3; round++) {
                final double[] e = m_models.findEyes(frame.gray(), pose);
                if (e == null) {
                    break;
                }
                last = e;
                final double a = Math.atan2(e[3] - e[1], e[2] - e[0]);
                final double delta = normalise(a - pose.angle);
                pose = pose.withAngle(a);
                if (Math.abs(delta) < Math.toRadians(1)) {
                    break;
                }
            }
            eyes = last;
            if (eyes != null && (!around || Math.abs(normalise(pose.angle - main.pose.angle)) > LEVEL_TOLERANCE)) {
                // measure the box again in the level view: the frontal cascade is most accurate upright (a box
                // found in a view within LEVEL_TOLERANCE of level, as around a tracked face, is kept)
                final List<DetectedFace> level = m_models.detectAround(frame, pose);
                if (!level.isEmpty()) {
                    final FacePose lp = nearest(level, pose).pose;
                    if (lp.distanceTo(pose) < 0.3 * pose.size && lp.size > 0.75 * pose.size
                        && lp.size < 1.33 * pose.size) {
                        pose = new FacePose(lp.cx, lp.cy, lp.size, pose.angle);
                    }
                }
            } else if (eyes == null) {
                // eyes not found: keep the box as the detector gave it (counted by the caller)
                pose = main.pose;
            }
        }
        m_pose = pose;
        m_eyesFound = eyes != null;
        takeTemplates(frame, eyes);
        return true;
    }

    /**
     * Levels and places the face by the landmark network: the main face first, then the other candidates by size,
     * until a fit is confident; a second fit in the levelled view when the first turned the face by more than 3
     * degrees. Without a confident fit the main face's box is kept unrotated (counted as eyes not found).
     */
    private boolean alignByLandmarks(final YuvFrame frame, final List<DetectedFace> found, final DetectedFace main,
        final Result r) {
        final List<DetectedFace> order = new java.util.ArrayList<>(found);
        order.remove(main);
        order.sort((a, b) -> Double.compare(b.pose.size, a.pose.size));
        order.add(0, main);
        double bestConfidence = Double.NaN;
        for (int i = 0; i < Math.min(LANDMARK_CANDIDATES, order.size()); i++) {
            final DetectedFace candidate = order.get(i);
            LandmarkFitter.Fit fit = m_landmarks.fit(frame, candidate.pose);
            if (fit.confidence >= LandmarkFitter.MIN_CONFIDENCE
                && Math.abs(normalise(fit.pose.angle - candidate.pose.angle)) > Math.toRadians(3)) {
                final LandmarkFitter.Fit level = m_landmarks.fit(frame, fit.pose);
                if (level.confidence >= LandmarkFitter.MIN_CONFIDENCE) {
                    fit = level;
                }
            }
            if (Double.isNaN(bestConfidence) || fit.confidence > bestConfidence) {
                bestConfidence = fit.confidence;
            }
            if (fit.confidence >= LandmarkFitter.MIN_CONFIDENCE) {
                r.score = candidate.score;
                r.landmarkConfidence = fit.confidence;
                m_pose = fit.pose;
                m_eyesFound = true;
                m_fromLandmarks = true;
                takeTemplates(frame, fit.eyes);
                return true;
            }
        }
        r.score = main.score;
        r.landmarkConfidence = bestConfidence;
        m_pose = main.pose;
        m_eyesFound = false;
        m_fromLandmarks = false;
        takeTemplates(frame, null);
        return true;
    }

    /**
     * Fits the landmarks at the tracked pose (a second fit in the levelled view when the face turned by more than 3
     * degrees); false when the fit is not confident (then the detector runs).
     */
    private boolean refitLandmarks(final YuvFrame frame, final Result r) {
        LandmarkFitter.Fit fit = m_landmarks.fit(frame, m_pose);
        r.landmarkConfidence = fit.confidence;
        if (fit.confidence < LandmarkFitter.MIN_CONFIDENCE) {
            return false;
        }
        if (Math.abs(normalise(fit.pose.angle - m_pose.angle)) > Math.toRadians(3)) {
            final LandmarkFitter.Fit level = m_landmarks.fit(frame, fit.pose);
            if (level.confidence >= LandmarkFitter.MIN_CONFIDENCE) {
                fit = level;
                r.landmarkConfidence = fit.confidence;
            }
        }
        r.detected = true;
        m_pose = fit.pose;
        m_eyesFound = true;
        m_fromLandmarks = true;
        takeTemplates(frame, fit.eyes);
        return true;
    }

    private DetectedFace choose(final List<DetectedFace> found, final FacePose previous) {
        if (m_settings.mainFace() == MainFacePolicy.NEAREST && previous != null) {
            return nearest(found, previous);
        }
        DetectedFace best = found.get(0);
        for (DetectedFace f : found) {
            if (f.pose.size > best.pose.size) {
                best = f;
            }
        }
        return best;
    }

    private static DetectedFace nearest(final List<DetectedFace> found, final FacePose to) {
        DetectedFace best = found.get(0);
        for (DetectedFace f : found) {
            if (f.pose.distanceTo(to) < best.pose.distanceTo(to)) {
                best = f;
            }
        }
        return best;
    }

    private static double normalise(final double a) {
        return Math.atan2(Math.sin(a), Math.cos(a));
    }

    // ---------------------------------------------------------------- tracking

    private void takeTemplates(final YuvFrame frame, final double[] eyes) {
        m_hasTemplates = false;
        m_refEyes = null;
        if (!m_settings.tracking() || m_settings.detectionInterval() <= 1) {
            return;
        }
        // the view made as the tracked frames' search windows are: warped from the luma plane
        final Similarity view = Similarity.around(m_pose, VIEW_FACTOR, VIEW_SIDE);
        view.warp(frame.luma(), m_view, m_matrix);
        if (eyes != null) {
            final double[] a = view.toPatch(eyes[0], eyes[1]);
            final double[] b = view.toPatch(eyes[2], eyes[3]);
            if (!copyPatch(a[0], a[1], EYE_T, m_eyeT1) || !copyPatch(b[0], b[1], EYE_T, m_eyeT2)) {
                return;
            }
            m_refEyes = new double[]{a[0], a[1], b[0], b[1]};
        } else if (!copyPatch(VIEW_SIDE / 2.0, VIEW_SIDE / 2.0, FACE_T, m_faceT)) {
            return;
        }
        m_hasTemplates = true;
    }

    /** Copies the square of side t centred at (x, y) of the view; false when it is not inside. */
    private boolean copyPatch(final double x, final double y, final int t, final Mat into) {
        final int x0 = (int)Math.round(x - t / 2.0);
        final int y0 = (int)Math.round(y - t / 2.0);
        if (x0 < 0 || y0 < 0 || x0 + t > m_view.cols() || y0 + t > m_view.rows()) {
            return false;
        }
        try (Rect rect = new Rect(x0, y0, t, t); Mat sub = new Mat(m_view, rect)) {
            sub.copyTo(into);
        }
        return true;
    }

    private boolean track(final YuvFrame frame) {
        final Similarity view = Similarity.around(m_pose, VIEW_FACTOR, VIEW_SIDE);
        if (m_refEyes == null) {
            final double[] f = match(frame, view, m_faceT, VIEW_SIDE / 2.0, VIEW_SIDE / 2.0, FACE_T, FACE_R);
            if (f == null) {
                return false;
            }
            final double[] c = view.toFrame(f[0], f[1]);
            m_pose = new FacePose(c[0], c[1], m_pose.size, m_pose.angle);
            return true;
        }
        final double[] r = m_refEyes;
        final double[] f1 = match(frame, view, m_eyeT1, r[0], r[1], EYE_T, EYE_R);
        final double[] f2 = match(frame, view, m_eyeT2, r[2], r[3], EYE_T, EYE_R);
        if (f1 == null || f2 == null) {
            return false;
        }
        final double rdx = r[2] - r[0];
        final double rdy = r[3] - r[1];
        final double fdx = f2[0] - f1[0];
        final double fdy = f2[1] - f1[1];
        final double dAngle = normalise(Math.atan2(fdy, fdx) - Math.atan2(rdy, rdx));
        final double dScale = Math.hypot(fdx, fdy) / Math.hypot(rdx, rdy);
        if (Math.abs(dAngle) > Math.toRadians(10) || dScale < 0.85 || dScale > 1.18) {
            return false;
        }
        // the face centre sits at the view centre relative to the reference eyes; move it with the eyes
        final double rmx = (r[0] + r[2]) / 2.0;
        final double rmy = (r[1] + r[3]) / 2.0;
        final double fmx = (f1[0] + f2[0]) / 2.0;
        final double fmy = (f1[1] + f2[1]) / 2.0;
        final double ox = VIEW_SIDE / 2.0 - rmx;
        final double oy = VIEW_SIDE / 2.0 - rmy;
        final double cos = Math.cos(dAngle) * dScale;
        final double sin = Math.sin(dAngle) * dScale;
        final double cxv = fmx + cos * ox - sin * oy;
        final double cyv = fmy + sin * ox + cos * oy;
        final double[] c = view.toFrame(cxv, cyv);
        m_pose = new FacePose(c[0], c[1], m_pose.size * dScale, m_pose.angle + dAngle);
        return true;
    }

    /**
     * Finds a template near (x, y) of a view of the frame. Only the search window of the view is made (the
     * same pixels as in the whole view).
     *
     * @return the matched centre in view coordinates (sub-pixel), or null when the match is weak or the
     *         window is not inside the view
     */
    private double[] match(final YuvFrame frame, final Similarity view, final Mat template, final double x, final double y,
        final int t, final int radius) {
        final int x0 = (int)Math.round(x - t / 2.0) - radius;
        final int y0 = (int)Math.round(y - t / 2.0) - radius;
        final int side = t + 2 * radius;
        if (x0 < 0 || y0 < 0 || x0 + side > view.width || y0 + side > view.height) {
            return null;
        }
        view.window(x0, y0, side, side).warp(frame.luma(), m_window, m_matrix);
        matchTemplate(m_window, template, m_result, TM_CCOEFF_NORMED);
        minMaxLoc(m_result, null, m_max, null, m_maxLoc, null);
        final double max = m_max.get();
        if (max < MIN_MATCH) {
            return null;
        }
        final int px = m_maxLoc.x();
        final int py = m_maxLoc.y();
        final FloatBuffer b = m_result.createBuffer();
        final int w = m_result.cols();
        final int h = m_result.rows();
        double sx = 0;
        double sy = 0;
        if (px > 0 && px < w - 1) {
            sx = peak(b.get(py * w + px - 1), b.get(py * w + px), b.get(py * w + px + 1));
        }
        if (py > 0 && py < h - 1) {
            sy = peak(b.get((py - 1) * w + px), b.get(py * w + px), b.get((py + 1) * w + px));
        }
        return new double[]{x0 + px + sx + t / 2.0, y0 + py + sy + t / 2.0, max};
    }

    /** Offset of the vertex of the parabola through three samples at -1, 0, 1. */
    private static double peak(final double l, final double c, final double r) {
        final double d = l - 2 * c + r;
        if (d >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (l - r) / d));
    }

    @Override
    public void close() {
        m_view.close();
        m_matrix.close();
        m_crop.close();
        m_result.close();
        m_eyeT1.close();
        m_eyeT2.close();
        m_faceT.close();
        m_window.close();
        if (m_still != null) {
            m_still.close();
        }
        m_max.close();
        m_maxLoc.close();
    }
}
