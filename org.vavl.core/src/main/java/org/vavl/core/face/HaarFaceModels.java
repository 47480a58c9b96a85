package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * OpenCV's Haar frontal-face cascade for faces and its eye cascade for the eyes. The frontal cascade finds
 * upright faces; rolled faces are searched in views of the frame rotated by the previous pose's angle
 * (while tracking) or by +-20 degrees (when nothing is found upright). Eyes are searched in the upper part
 * of the face, in a view rotated by the face's current angle and scaled so that the face is 100 pixels
 * wide, where the eye cascade works best.
 */
final class HaarFaceModels implements FaceModels {

    /** Side of the face box, in pixels, in the views where the eyes are searched. */
    static final int EYE_VIEW_FACE = 100;

    /** The eye view covers this many face sides. */
    static final double EYE_VIEW_FACTOR = 1.5;

    /** Full-frame detection scans faces of at least this many pixels (the frame is shrunk to get there). */
    private static final double DETECT_MIN_PIXELS = 40;

    /**
     * Scale step of the whole-frame search. It only has to find the face: its box is measured again at step
     * 1.1 in a view around it (see {@link FrameAligner}), so the coarser step halves the cost of a clip's first
     * detection.
     */
    static final double FRAME_SCALE_STEP = 1.2;

    private static final double[] ROTATED_SEARCH = {Math.toRadians(-20), Math.toRadians(20)};

    private final CascadeClassifier m_face;

    private final CascadeClassifier m_eye;

    private final Mat m_small = new Mat();

    private final Mat m_coarse = new Mat();

    private final boolean m_coarseFirst;

    /** Side of the frontal cascade's window: the smallest face it finds. */
    private static final int CASCADE_WINDOW = 24;

    private final Mat m_view = new Mat();

    private final Mat m_matrix = new Mat();

    HaarFaceModels() throws IOException {
        this(false);
    }

    /**
     * @param coarseFirst search whole frames at half size first (for the landmark alignment, whose network measures
     *            the face again)
     */
    HaarFaceModels(final boolean coarseFirst) throws IOException {
        m_coarseFirst = coarseFirst;
        m_face = HaarCascades.load(HaarCascades.FRONTAL_FACE);
        CascadeClassifier eye = null;
        try {
            eye = HaarCascades.load(HaarCascades.EYE);
        } finally {
            if (eye == null) {
                m_face.close();
            }
        }
        m_eye = eye;
    }

    @Override
    public boolean detectorGivesEyes() {
        return false;
    }

    @Override
    public List<DetectedFace> detectFrame(final YuvFrame frame, final double minFace, final boolean rotated) {
        final Mat gray = frame.gray();
        final int w = gray.cols();
        final int h = gray.rows();
        final double shrink = Math.min(1.0, DETECT_MIN_PIXELS / Math.max(1.0, minFace));
        final int sw = Math.max(1, (int)Math.round(w * shrink));
        final int sh = Math.max(1, (int)Math.round(h * shrink));
        final int minPx = (int)Math.max(CASCADE_WINDOW, Math.floor(minFace * shrink));
        final List<DetectedFace> found = new ArrayList<>();
        // upright: a plain view of the whole (shrunk) frame
        Similarity view = new Similarity(w / 2.0, h / 2.0, (double)w / sw, 0, sw, sh);
        final Mat src;
        if (sw == w && sh == h) {
            src = gray;
        } else {
            try (Size s = new Size(sw, sh)) {
                resize(gray, m_small, s, 0, 0, INTER_AREA);
            }
            src = m_small;
        }
        // with landmark alignment, first a coarse search in the frame at half that size, for faces of at least twice
        // the cascade's window: a quarter of the pixels, half the cost (8.5 instead of 19 ms on a 480x360 frame); the
        // network places the face and rejects what is none, and the search down to the smallest face runs only when
        // the coarse one finds nothing. Not with eye alignment: the eye cascade, searching the coarse boxes, missed
        // the eyes on up to twice as many frames of Megamind.avi and its copies (also when each box was measured
        // again around it), so it keeps the full-size search.
        final int cw = sw / 2;
        final int ch = sh / 2;
        if (m_coarseFirst && minPx < 2 * CASCADE_WINDOW && Math.min(cw, ch) >= CASCADE_WINDOW) {
            try (Size s = new Size(cw, ch)) {
                resize(src, m_coarse, s, 0, 0, INTER_AREA);
            }
            detectIn(m_coarse, new Similarity(w / 2.0, h / 2.0, (double)w / cw, 0, cw, ch), CASCADE_WINDOW,
                Math.min(cw, ch), FRAME_SCALE_STEP, found);
        }
        if (found.isEmpty()) {
            detectIn(src, view, minPx, Math.min(sw, sh), FRAME_SCALE_STEP, found);
        }
        if (found.isEmpty() && rotated) {
            // square views hold the whole frame when rotated
            final int side = (int)Math.ceil(Math.hypot(sw, sh));
            for (double a : ROTATED_SEARCH) {
                view = new Similarity(w / 2.0, h / 2.0, (double)w / sw, a, side, side);
                view.warp(gray, m_view, m_matrix);
                detectIn(m_view, view, minPx, side, FRAME_SCALE_STEP, found);
                if (!found.isEmpty()) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public List<DetectedFace> detectAround(final YuvFrame frame, final FacePose pose) {
        final Mat gray = frame.gray();
        // the face is about 50 pixels in a 125-pixel view of 2.5 face sides; sizes 0.75..1.45 of the pose's
        final Similarity view = Similarity.around(pose, 2.5, 125);
        view.warp(gray, m_view, m_matrix);
        final List<DetectedFace> found = new ArrayList<>();
        detectIn(m_view, view, 37, 73, 1.1, found);
        return found;
    }

    private void detectIn(final Mat image, final Similarity view, final int minPx, final int maxPx,
        final double scaleFactor, final List<DetectedFace> out) {
        try (RectVector rects = new RectVector(); Size min = new Size(minPx, minPx);
                Size max = new Size(maxPx, maxPx)) {
            m_face.detectMultiScale(image, rects, scaleFactor, 3, 0, min, max);
            for (long i = 0; i < rects.size(); i++) {
                final Rect r = rects.get(i);
                final double[] c = view.toFrame(r.x() + r.width() / 2.0, r.y() + r.height() / 2.0);
                final double side = r.width() * view.scale;
                out.add(new DetectedFace(new FacePose(c[0], c[1], side, view.angle), Double.NaN, null));
            }
        }
    }

    @Override
    public double[] findEyes(final Mat gray, final FacePose pose) {
        final Similarity view = Similarity.around(pose, EYE_VIEW_FACTOR, (int)(EYE_VIEW_FACE * EYE_VIEW_FACTOR));
        view.warp(gray, m_view, m_matrix);
        final double[] c = findEyesInView(m_view);
        if (c == null) {
            return null;
        }
        final double[] e = refineByMirror(m_view, c);
        final double[] a = view.toFrame(e[0], e[1]);
        final double[] b = view.toFrame(e[2], e[3]);
        return new double[]{a[0], a[1], b[0], b[1]};
    }

    /** Scale step of the eye cascade. */
    private static final double EYE_SCALE_STEP = 1.1;

    /** Side of the eye patches compared by {@link #refineByMirror}, view pixels. */
    private static final int MIRROR_T = 20;

    /** How far (view pixels) the mirrored eye is searched around the cascade's position. */
    private static final int MIRROR_R = 6;

    private final Mat m_flipped = new Mat();

    private final Mat m_score = new Mat();

    /**
     * Refines the cascade's eye centres, whose boxes jitter by a few pixels, by the mirror symmetry of the
     * two eyes: each eye's patch, mirrored, is found again around the other eye (normalised
     * cross-correlation, sub-pixel peak); each eye's final position is the mean of the cascade's and the
     * mirror match's. The eye line found this way is accurate to a fraction of a degree on frontal faces.
     */
    private double[] refineByMirror(final Mat view, final double[] e) {
        final double[] b2 = mirrorMatch(view, e[0], e[1], e[2], e[3]);
        final double[] a2 = mirrorMatch(view, e[2], e[3], e[0], e[1]);
        if (a2 == null || b2 == null) {
            return e;
        }
        return new double[]{(e[0] + a2[0]) / 2, (e[1] + a2[1]) / 2, (e[2] + b2[0]) / 2, (e[3] + b2[1]) / 2};
    }

    /** Finds the mirror image of the patch at (fx, fy) near (nx, ny); null when weak or outside. */
    private double[] mirrorMatch(final Mat view, final double fx, final double fy, final double nx,
        final double ny) {
        final int t = MIRROR_T;
        final int px = (int)Math.round(fx - t / 2.0);
        final int py = (int)Math.round(fy - t / 2.0);
        final int sx = (int)Math.round(nx - t / 2.0) - MIRROR_R;
        final int sy = (int)Math.round(ny - t / 2.0) - MIRROR_R;
        final int side = t + 2 * MIRROR_R;
        if (px < 0 || py < 0 || px + t > view.cols() || py + t > view.rows() || sx < 0 || sy < 0
            || sx + side > view.cols() || sy + side > view.rows()) {
            return null;
        }
        try (Rect pr = new Rect(px, py, t, t); Mat patch = new Mat(view, pr); Rect sr = new Rect(sx, sy, side, side);
                Mat search = new Mat(view, sr); DoublePointer max = new DoublePointer(1);
                Point maxLoc = new Point()) {
            org.bytedeco.opencv.global.opencv_core.flip(patch, m_flipped, 1);
            org.bytedeco.opencv.global.opencv_imgproc.matchTemplate(search, m_flipped, m_score,
                org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED);
            org.bytedeco.opencv.global.opencv_core.minMaxLoc(m_score, null, max, null, maxLoc, null);
            if (max.get() < 0.3) {
                return null;
            }
            final java.nio.FloatBuffer b = m_score.createBuffer();
            final int w = m_score.cols();
            final int h = m_score.rows();
            final int x = maxLoc.x();
            final int y = maxLoc.y();
            double dx = 0;
            double dy = 0;
            if (x > 0 && x < w - 1) {
                dx = peak(b.get(y * w + x - 1), b.get(y * w + x), b.get(y * w + x + 1));
            }
            if (y > 0 && y < h - 1) {
                dy = peak(b.get((y - 1) * w + x), b.get(y * w + x), b.get((y + 1) * w + x));
            }
            // a patch taken at (px, py) has its centre at fx's rounding; carry the sub-pixel remainder over
            return new double[]{sx + x + dx + t / 2.0 + (fx - t / 2.0 - px), sy + y + dy + t / 2.0 + (fy - t / 2.0 - py)};
        }
    }

    /** Offset of the vertex of the parabola through three samples at -1, 0, 1. */
    static double peak(final double l, final double c, final double r) {
        final double d = l - 2 * c + r;
        if (d >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (l - r) / d));
    }

    /**
     * Eye search in a view where the face box is {@link #EYE_VIEW_FACE} pixels wide and centred: the eye
     * cascade runs on the band from 15% to 62% of the box's height; the pair chosen has one eye in each
     * half, plausible spacing (25-70% of the box) and tilt (under 25 degrees), and the most neighbours. Scale
     * step 1.1 (OpenCV's default): the eye cascade's cost is mostly the many windows on the eyes themselves,
     * and half the scales find the same eyes (the mirror refinement then places them to a fraction of a pixel).
     *
     * @return view coordinates (x1, y1, x2, y2), image-left eye first, or null
     */
    private double[] findEyesInView(final Mat view) {
        final int side = view.cols();
        final double box0 = (side - EYE_VIEW_FACE) / 2.0;
        final int top = (int)Math.round(box0 + 0.15 * EYE_VIEW_FACE);
        final int bottom = (int)Math.round(box0 + 0.62 * EYE_VIEW_FACE);
        final int left = (int)Math.round(box0 + 0.02 * EYE_VIEW_FACE);
        final int right = (int)Math.round(box0 + 0.98 * EYE_VIEW_FACE);
        final double mid = side / 2.0;
        try (Rect roiRect = new Rect(left, top, right - left, bottom - top); Mat roi = new Mat(view, roiRect);
                RectVector rects = new RectVector(); IntPointer counts = new IntPointer();
                Size min = new Size(14, 14); Size max = new Size(42, 42)) {
            m_eye.detectMultiScale2(roi, rects, counts, EYE_SCALE_STEP, 2, 0, min, max);
            final int n = (int)rects.size();
            double best = -1;
            double[] result = null;
            for (int i = 0; i < n; i++) {
                final Rect a = rects.get(i);
                final double ax = left + a.x() + a.width() / 2.0;
                final double ay = top + a.y() + a.height() / 2.0;
                if (ax >= mid) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    final Rect b = rects.get(j);
                    final double bx = left + b.x() + b.width() / 2.0;
                    final double by = top + b.y() + b.height() / 2.0;
                    if (bx <= mid) {
                        continue;
                    }
                    final double dist = Math.hypot(bx - ax, by - ay);
                    if (dist < 0.25 * EYE_VIEW_FACE || dist > 0.7 * EYE_VIEW_FACE) {
                        continue;
                    }
                    if (Math.abs(Math.atan2(by - ay, bx - ax)) > Math.toRadians(25)) {
                        continue;
                    }
                    final double sizeRatio = (double)Math.min(a.width(), b.width()) / Math.max(a.width(), b.width());
                    if (sizeRatio < 0.6) {
                        continue;
                    }
                    final double score = counts.get(i) + counts.get(j) + 2 * sizeRatio;
                    if (score > best) {
                        best = score;
                        result = new double[]{ax, ay, bx, by};
                    }
                }
            }
            return result;
        }
    }

    @Override
    public void close() {
        m_face.close();
        m_eye.close();
        m_small.close();
        m_coarse.close();
        m_view.close();
        m_matrix.close();
        m_flipped.close();
        m_score.close();
    }
}
