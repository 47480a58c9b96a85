package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YCrCb2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * One aligned face as a face track stores it: full-range (JPEG) YCbCr planes, BT.601, luma {@code side x side}
 * and chroma either {@code ceil(side / 2)} square (4:2:0, chroma samples centred between the luma samples, as JPEG
 * places them) or {@code side} square (4:4:4). The three planes lie one after the other in one buffer
 * ({@link #planar}), as FFmpeg's {@code yuvj420p} / {@code yuvj444p} lay them out, so an encoder takes them as they
 * are.
 */
final class FaceCrop implements AutoCloseable {

    private final int m_side;

    private final int m_chromaSide;

    private final Mat m_planar;

    private final Mat m_y;

    private final Mat m_cb;

    private final Mat m_cr;

    private final BytePointer m_cbData;

    private final BytePointer m_crData;

    /**
     * @param side the face's side in pixels
     * @param subsampled 4:2:0 chroma when true, 4:4:4 when false
     */
    FaceCrop(final int side, final boolean subsampled) {
        m_side = side;
        m_chromaSide = subsampled ? (side + 1) / 2 : side;
        final int luma = side * side;
        final int chroma = m_chromaSide * m_chromaSide;
        m_planar = new Mat(luma + 2 * chroma, 1, CV_8UC1);
        final BytePointer base = m_planar.data();
        m_y = new Mat(side, side, CV_8UC1, base);
        m_cbData = new BytePointer(base).position(luma);
        m_crData = new BytePointer(base).position(luma + chroma);
        m_cb = new Mat(m_chromaSide, m_chromaSide, CV_8UC1, m_cbData);
        m_cr = new Mat(m_chromaSide, m_chromaSide, CV_8UC1, m_crData);
    }

    int side() {
        return m_side;
    }

    int chromaSide() {
        return m_chromaSide;
    }

    boolean subsampled() {
        return m_chromaSide != m_side;
    }

    /** @return the luma plane (a view of {@link #planar}) */
    Mat y() {
        return m_y;
    }

    /** @return the blue-difference plane (a view of {@link #planar}) */
    Mat cb() {
        return m_cb;
    }

    /** @return the red-difference plane (a view of {@link #planar}) */
    Mat cr() {
        return m_cr;
    }

    /** @return all three planes in one buffer, Y then Cb then Cr (one column) */
    Mat planar() {
        return m_planar;
    }

    /** Copies the pixels of another crop of the same layout. */
    void copyFrom(final FaceCrop other) {
        other.m_planar.copyTo(m_planar);
    }

    /**
     * The face as 8-bit BGR (PNG frames, lossless face tracks, tests): chroma brought to the luma's size (bilinear)
     * and converted by JPEG's full-range BT.601 equations.
     */
    Mat toBgr(final Mat out) {
        try (Mat cb = new Mat(); Mat cr = new Mat(); Mat ycrcb = new Mat()) {
            final Mat b;
            final Mat r;
            if (subsampled()) {
                try (Size s = new Size(m_side, m_side)) {
                    resize(m_cb, cb, s, 0, 0, INTER_LINEAR);
                    resize(m_cr, cr, s, 0, 0, INTER_LINEAR);
                }
                b = cb;
                r = cr;
            } else {
                b = m_cb;
                r = m_cr;
            }
            try (MatVector planes = new MatVector(m_y, r, b)) {
                merge(planes, ycrcb);
            }
            cvtColor(ycrcb, out, COLOR_YCrCb2BGR);
        }
        return out;
    }

    /** @return the face as a new 8-bit BGR image (the caller closes it) */
    Mat toBgr() {
        return toBgr(new Mat());
    }

    @Override
    public void close() {
        m_y.close();
        m_cb.close();
        m_cr.close();
        m_cbData.close();
        m_crData.close();
        m_planar.close();
    }
}
