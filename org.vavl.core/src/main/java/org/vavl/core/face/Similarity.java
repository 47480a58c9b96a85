package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.DoubleBuffer;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;

/**
 * A view of a frame: a {@code width x height} patch whose centre lies at frame point {@code (cx, cy)},
 * with {@code scale} frame pixels per patch pixel and rotated by {@code angle} (radians, image
 * coordinates with y down): the patch's horizontal axis runs along frame direction
 * {@code (cos angle, sin angle)}. Used for the crops, the eye search and the rotated face search.
 */
final class Similarity {

    final double cx;

    final double cy;

    final double scale;

    final double angle;

    final int width;

    final int height;

    /** Outside the frame (read only, shared). */
    private static final Scalar BLACK = new Scalar(0.0);

    Similarity(final double cx, final double cy, final double scale, final double angle, final int width,
        final int height) {
        this.cx = cx;
        this.cy = cy;
        this.scale = scale;
        this.angle = angle;
        this.width = width;
        this.height = height;
    }

    /** A square view of side {@code side} frame pixels around a face pose, {@code pixels} wide. */
    static Similarity around(final FacePose pose, final double factor, final int pixels) {
        return new Similarity(pose.cx, pose.cy, pose.size * factor / pixels, pose.angle, pixels, pixels);
    }

    /**
     * The part of this view from patch pixel (x0, y0), {@code w x h} pixels: its pixels sample the frame
     * exactly where this view's pixels do.
     */
    Similarity window(final int x0, final int y0, final int w, final int h) {
        final double[] c = toFrame(x0 + w / 2.0, y0 + h / 2.0);
        return new Similarity(c[0], c[1], scale, angle, w, h);
    }

    /** @return the frame coordinates of patch point (u, v) */
    double[] toFrame(final double u, final double v) {
        final double du = u - width / 2.0;
        final double dv = v - height / 2.0;
        final double c = Math.cos(angle) * scale;
        final double s = Math.sin(angle) * scale;
        return new double[]{cx + c * du - s * dv, cy + s * du + c * dv};
    }

    /** @return the patch coordinates of frame point (x, y) */
    double[] toPatch(final double x, final double y) {
        final double dx = x - cx;
        final double dy = y - cy;
        final double c = Math.cos(angle) / scale;
        final double s = Math.sin(angle) / scale;
        return new double[]{width / 2.0 + c * dx + s * dy, height / 2.0 - s * dx + c * dy};
    }

    /**
     * Writes the 2x3 matrix of a rotation and scale, {@code [c, -s, tx; s, c, ty]} with {@code c = scale cos(angle)}
     * and {@code s = scale sin(angle)}, into {@code matrix} (made 2x3 double when it is not).
     */
    static void putRotationScale(final Mat matrix, final double c, final double s, final double tx,
        final double ty) {
        if (matrix.rows() != 2 || matrix.cols() != 3 || matrix.type() != CV_64F) {
            matrix.create(2, 3, CV_64F);
        }
        final DoubleBuffer b = matrix.createBuffer();
        b.put(0, c);
        b.put(1, -s);
        b.put(2, tx);
        b.put(3, s);
        b.put(4, c);
        b.put(5, ty);
    }

    /**
     * The inverse map of {@link #warp}: patch pixel {@code (u, v)} samples frame pixel
     * {@code (m[0] u + m[1] v + m[2], m[3] u + m[4] v + m[5])} (pixel centres at integer coordinates, as OpenCV's).
     */
    double[] inverseMap() {
        final double c = Math.cos(angle) * scale;
        final double s = Math.sin(angle) * scale;
        // dst (u, v) -> src (x, y); OpenCV samples pixel centres at integer coordinates, so shift by 0.5
        final double uu = width / 2.0 - 0.5;
        final double vv = height / 2.0 - 0.5;
        return new double[]{c, -s, cx - 0.5 - c * uu + s * vv, s, c, cy - 0.5 - s * uu - c * vv};
    }

    /**
     * Writes the view of {@code frame} into {@code patch} (bilinear; outside the frame is black).
     *
     * @param matrix a reusable 2x3 matrix
     */
    void warp(final Mat frame, final Mat patch, final Mat matrix) {
        warp(frame, patch, matrix, inverseMap(), width, height, BLACK);
    }

    /**
     * Writes {@code width x height} pixels of {@code frame} sampled by an inverse map ({@link #inverseMap}) into
     * {@code patch} (bilinear; {@code border} outside the frame).
     */
    static void warp(final Mat frame, final Mat patch, final Mat matrix, final double[] map, final int width,
        final int height, final Scalar border) {
        putRotationScale(matrix, map[0], map[3], map[2], map[5]);
        try (Size size = new Size(width, height)) {
            warpAffine(frame, patch, matrix, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, border);
        }
    }
}
