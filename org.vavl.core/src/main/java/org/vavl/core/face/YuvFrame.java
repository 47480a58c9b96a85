package org.vavl.core.face;

import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_BOTTOM;
import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_BOTTOMLEFT;
import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_CENTER;
import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_LEFT;
import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_TOP;
import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_TOPLEFT;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.vavl.core.media.DisplayRotation;

/**
 * One decoded frame in the decoder's own colour form: 8-bit YCbCr planes with chroma at half the width and height
 * (4:2:0), limited (video) or full (JPEG) range. The face aligner works on it directly: the tracker on the luma
 * plane, the crop made from the three planes straight into a face track's planes ({@link #crop}), so that a tracked
 * frame is never converted to BGR as a whole (the conversion cost more than a tenth of the aligner's time per frame).
 * Detection frames, one in many, get the BGR and grey images a BGR grabber gave ({@link #bgr}, {@link #gray}), so the
 * detectors and cascades see what they saw before.
 *
 * <p>4:2:0 8-bit frames (almost every camera and phone video: H.264, HEVC, VP9, AV1, MPEG-4) are used as the
 * decoder gives them, without a copy; other forms (4:2:2 or 4:4:4, high bit depth, RGB, grey, palette) are converted
 * to 4:2:0 by FFmpeg's scaler first. Not thread safe: one per clip.
 */
final class YuvFrame implements AutoCloseable {

    private static final Scalar BLACK = new Scalar(0.0);

    private static final Scalar LIMITED_BLACK = new Scalar(16.0);

    private static final Scalar NEUTRAL = new Scalar(128.0);

    /** Video-range to JPEG-range tables: luma (16..235 to 0..255) and chroma (16..240 to 0..255 around 128). */
    private static final Mat LUMA_TO_FULL = table(16, 219, 0);

    private static final Mat CHROMA_TO_FULL = table(128, 224, 128);

    private Mat m_y;

    private Mat m_u;

    private Mat m_v;

    /** Headers over the decoder's planes, remade per frame. */
    private final Mat[] m_views = new Mat[3];

    /** Planes this frame owns: the scaler's output. */
    private final Mat m_ownY = new Mat();

    private final Mat m_ownU = new Mat();

    private final Mat m_ownV = new Mat();

    /** Planes turned upright (display rotation). */
    private final Mat m_turnedY = new Mat();

    private final Mat m_turnedU = new Mat();

    private final Mat m_turnedV = new Mat();

    private final Mat m_matrix = new Mat();

    private final Mat m_bgr = new Mat();

    private Mat m_bgrSource;

    private final Mat m_gray = new Mat();

    private boolean m_grayValid;

    private boolean m_bgrValid;

    private boolean m_full;

    /** Where chroma sample (0, 0) lies in luma pixels (the chroma siting). */
    private double m_chromaX;

    private double m_chromaY;

    private SwsContext m_sws;

    private SwsContext m_toBgr;

    // ---------------------------------------------------------------- setting the frame

    /**
     * Takes a decoded frame (its planes are used, not copied: valid until the decoder's next frame).
     *
     * @param frame the decoder's frame (JavaCV's raw image mode)
     * @param clockwise the display rotation that turns it upright: 0, 90, 180 or 270 degrees
     */
    void set(final AVFrame frame, final int clockwise) {
        reset();
        final int w = frame.width();
        final int h = frame.height();
        final int format = frame.format();
        final int cw = (w + 1) / 2;
        final int ch = (h + 1) / 2;
        if (format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P) {
            m_full = format == AV_PIX_FMT_YUVJ420P || frame.color_range() == AVCOL_RANGE_JPEG;
            m_views[0] = new Mat(h, w, CV_8UC1, frame.data(0), frame.linesize(0));
            m_views[1] = new Mat(ch, cw, CV_8UC1, frame.data(1), frame.linesize(1));
            m_views[2] = new Mat(ch, cw, CV_8UC1, frame.data(2), frame.linesize(2));
            m_y = m_views[0];
            m_u = m_views[1];
            m_v = m_views[2];
            siting(frame.chroma_location(), format == AV_PIX_FMT_YUVJ420P);
        } else {
            m_full = isFullRange(format, frame.color_range());
            final int target = m_full ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_YUV420P;
            m_sws = sws_getCachedContext(m_sws, w, h, format, w, h, target, SWS_BILINEAR, null, null,
                (DoublePointer)null);
            if (m_sws == null) {
                throw new IllegalStateException("FFmpeg cannot convert frames of pixel format " + format
                    + " to YUV 4:2:0.");
            }
            m_ownY.create(h, w, CV_8UC1);
            m_ownU.create(ch, cw, CV_8UC1);
            m_ownV.create(ch, cw, CV_8UC1);
            try (PointerPointer<?> src = new PointerPointer<>(frame); PointerPointer<?> dst = new PointerPointer<>(4);
                    IntPointer steps = new IntPointer((int)m_ownY.step(), (int)m_ownU.step(), (int)m_ownV.step(), 0)) {
                dst.put(0, m_ownY.data()).put(1, m_ownU.data()).put(2, m_ownV.data());
                if (sws_scale(m_sws, src, frame.linesize(), 0, h, dst, steps) != h) {
                    throw new IllegalStateException("FFmpeg could not convert a " + w + "x" + h + " frame of pixel format "
                        + format + " to YUV 4:2:0.");
                }
            }
            m_y = m_ownY;
            m_u = m_ownU;
            m_v = m_ownV;
            // the scaler's siting, taken as centred between the luma samples (a quarter of a chroma sample at most)
            m_chromaX = 0.5;
            m_chromaY = 0.5;
        }
        if (clockwise != 0) {
            m_y = DisplayRotation.upright(m_y, clockwise, m_turnedY);
            m_u = DisplayRotation.upright(m_u, clockwise, m_turnedU);
            m_v = DisplayRotation.upright(m_v, clockwise, m_turnedV);
            // the siting turns with the picture; a quarter of a chroma pixel at most, taken as centred
            m_chromaX = 0.5;
            m_chromaY = 0.5;
        }
    }

    /** Takes an 8-bit BGR image (still images, tools): its YCbCr in JPEG's full range, chroma averaged 2x2. */
    void setBgr(final Mat bgr) {
        reset();
        try (Mat ycrcb = new Mat(); MatVector planes = new MatVector(3)) {
            cvtColor(bgr, ycrcb, COLOR_BGR2YCrCb);
            split(ycrcb, planes);
            planes.get(0).copyTo(m_ownY);
            try (Size s = new Size((bgr.cols() + 1) / 2, (bgr.rows() + 1) / 2)) {
                resize(planes.get(2), m_ownU, s, 0, 0, INTER_AREA);
                resize(planes.get(1), m_ownV, s, 0, 0, INTER_AREA);
            }
        }
        m_y = m_ownY;
        m_u = m_ownU;
        m_v = m_ownV;
        m_full = true;
        m_chromaX = 0.5;
        m_chromaY = 0.5;
        m_bgrSource = bgr;
    }

    private void reset() {
        for (int i = 0; i < m_views.length; i++) {
            if (m_views[i] != null) {
                m_views[i].close();
                m_views[i] = null;
            }
        }
        m_bgrValid = false;
        m_grayValid = false;
        m_bgrSource = null;
    }

    /** FFmpeg's chroma location: where chroma sample (0, 0) lies relative to luma sample (0, 0). */
    private void siting(final int location, final boolean jpeg) {
        switch (location) {
            case AVCHROMA_LOC_LEFT:
                m_chromaX = 0;
                m_chromaY = 0.5;
                break;
            case AVCHROMA_LOC_CENTER:
                m_chromaX = 0.5;
                m_chromaY = 0.5;
                break;
            case AVCHROMA_LOC_TOPLEFT:
                m_chromaX = 0;
                m_chromaY = 0;
                break;
            case AVCHROMA_LOC_TOP:
                m_chromaX = 0.5;
                m_chromaY = 0;
                break;
            case AVCHROMA_LOC_BOTTOMLEFT:
                m_chromaX = 0;
                m_chromaY = 1;
                break;
            case AVCHROMA_LOC_BOTTOM:
                m_chromaX = 0.5;
                m_chromaY = 1;
                break;
            default:
                // unspecified: JPEG centres chroma, MPEG-2 and later video standards site it left (as FFmpeg assumes)
                m_chromaX = jpeg ? 0.5 : 0;
                m_chromaY = 0.5;
        }
    }

    private static boolean isFullRange(final int format, final int range) {
        if (range == AVCOL_RANGE_JPEG || format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUVJ422P
            || format == AV_PIX_FMT_YUVJ444P || format == AV_PIX_FMT_YUVJ440P || format == AV_PIX_FMT_YUVJ411P) {
            return true;
        }
        final AVPixFmtDescriptor d = av_pix_fmt_desc_get(format);
        // RGB and grey pictures are full range: keep all their levels
        return d != null && ((d.flags() & AV_PIX_FMT_FLAG_RGB) != 0 || d.nb_components() <= 2);
    }

    // ---------------------------------------------------------------- reading it

    int width() {
        return m_y.cols();
    }

    int height() {
        return m_y.rows();
    }

    /**
     * @return the luma plane, as the decoder gives it (video range 16..235 for most videos, 0..255 for JPEG-range
     *         ones): what the tracker's normalised cross-correlation reads, which does not depend on the range
     */
    Mat luma() {
        return m_y;
    }

    /**
     * @return the frame in grey levels for the cascades, made on the first call for this frame: OpenCV's grey of
     *         {@link #bgr()}, the image the cascades saw when frames were grabbed as BGR (on the Y plane itself the
     *         eye cascade placed the eyes slightly differently, and the tiny detector with eye alignment kept the
     *         face centre within 5 % on fewer frames: 79 % against 96 % of the bench's frames)
     */
    Mat gray() {
        if (!m_grayValid) {
            cvtColor(bgr(), m_gray, COLOR_BGR2GRAY);
            m_grayValid = true;
        }
        return m_gray;
    }

    /**
     * @return the frame as 8-bit BGR, made on the first call for this frame (owned by this object) by FFmpeg's scaler
     *         with the settings JavaCV's grabber uses, so the CNN detectors see the pixels a BGR grabber gives
     */
    Mat bgr() {
        if (m_bgrSource != null) {
            return m_bgrSource;
        }
        if (!m_bgrValid) {
            final int w = width();
            final int h = height();
            m_toBgr = sws_getCachedContext(m_toBgr, w, h, m_full ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_YUV420P, w, h,
                AV_PIX_FMT_BGR24, SWS_BILINEAR, null, null, (DoublePointer)null);
            if (m_toBgr == null) {
                throw new IllegalStateException("FFmpeg cannot convert a " + w + "x" + h + " frame to BGR.");
            }
            m_bgr.create(h, w, CV_8UC3);
            // the scaler reads four plane pointers and strides on either side
            try (PointerPointer<?> src = new PointerPointer<>(4);
                    IntPointer srcSteps = new IntPointer((int)m_y.step(), (int)m_u.step(), (int)m_v.step(), 0);
                    PointerPointer<?> dst = new PointerPointer<>(4);
                    IntPointer dstSteps = new IntPointer((int)m_bgr.step(), 0, 0, 0)) {
                src.put(0, m_y.data()).put(1, m_u.data()).put(2, m_v.data());
                dst.put(0, m_bgr.data());
                if (sws_scale(m_toBgr, src, srcSteps, 0, h, dst, dstSteps) != h) {
                    throw new IllegalStateException("FFmpeg could not convert a " + w + "x" + h + " frame to BGR.");
                }
            }
            m_bgrValid = true;
        }
        return m_bgr;
    }

    /**
     * Writes a view of the frame into a face crop: luma sampled as {@link Similarity#warp} samples, each chroma plane
     * at the crop's chroma resolution from the frame's chroma samples where they lie (bilinear; black outside the
     * frame), in JPEG's full range.
     */
    void crop(final Similarity view, final FaceCrop out) {
        final double[] m = view.inverseMap();
        final int side = out.side();
        Similarity.warp(m_y, out.y(), m_matrix, m, side, side, m_full ? BLACK : LIMITED_BLACK);
        // crop chroma (a, b) sits at crop luma (f a + g, f b + g): centred between the luma samples when subsampled
        final double f = (double)side / out.chromaSide();
        final double g = (f - 1) / 2;
        // frame luma (x, y) is frame chroma ((x - chromaX) / 2, (y - chromaY) / 2)
        final double[] c = {m[0] * f / 2, m[1] * f / 2, (g * (m[0] + m[1]) + m[2] - m_chromaX) / 2, m[3] * f / 2,
            m[4] * f / 2, (g * (m[3] + m[4]) + m[5] - m_chromaY) / 2};
        final int cs = out.chromaSide();
        Similarity.warp(m_u, out.cb(), m_matrix, c, cs, cs, NEUTRAL);
        Similarity.warp(m_v, out.cr(), m_matrix, c, cs, cs, NEUTRAL);
        if (!m_full) {
            LUT(out.y(), LUMA_TO_FULL, out.y());
            LUT(out.cb(), CHROMA_TO_FULL, out.cb());
            LUT(out.cr(), CHROMA_TO_FULL, out.cr());
        }
    }

    /** The table of {@code to + (i - from) * 255 / span} for each level i, rounded and clamped to 0..255. */
    private static Mat table(final int from, final int span, final int to) {
        final byte[] t = new byte[256];
        for (int i = 0; i < 256; i++) {
            final long v = Math.round(to + (i - from) * 255.0 / span);
            t[i] = (byte)Math.max(0, Math.min(255, v));
        }
        final Mat m = new Mat(1, 256, CV_8UC1);
        m.data().put(t);
        return m;
    }

    @Override
    public void close() {
        reset();
        for (Mat m : new Mat[]{m_ownY, m_ownU, m_ownV, m_turnedY, m_turnedU, m_turnedV, m_matrix, m_bgr, m_gray}) {
            m.close();
        }
        if (m_sws != null) {
            sws_freeContext(m_sws);
            m_sws = null;
        }
        if (m_toBgr != null) {
            sws_freeContext(m_toBgr);
            m_toBgr = null;
        }
    }
}
