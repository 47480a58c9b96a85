package org.vavl.core.face;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Writes the aligned faces of one clip into its face-track file (one square face per frame). Motion JPEG
 * faces are turned into the encoder's planar full-range YCbCr 4:4:4 by OpenCV (BT.601, JFIF: the same
 * conversion FFmpeg's scaler makes, at a fraction of its cost) and handed to the encoder as they are; FFV1
 * faces go through FFmpeg's scaler to BGR0.
 */
final class FaceTrackWriter implements AutoCloseable {

    private final FFmpegFrameRecorder m_recorder;

    private final FaceTrackFormat m_format;

    private final int m_side;

    private final OpenCVFrameConverter.ToMat m_converter = new OpenCVFrameConverter.ToMat();

    private final Mat m_ycrcb = new Mat();

    /** Y, Cb and Cr planes one after the other (3 x side rows), as yuvj444p lays them out. */
    private final Mat m_planar;

    /** Views of {@link #m_planar} in YCrCb's channel order: Y, Cr, Cb. */
    private final MatVector m_planes;

    private final Mat[] m_planeViews;

    /**
     * Opens the face-track file.
     *
     * @throws IOException naming the file when it cannot be written
     */
    FaceTrackWriter(final Path target, final FaceTrackFormat format, final int side, final double fps)
        throws IOException {
        m_format = format;
        m_side = side;
        final FFmpegFrameRecorder r = new FFmpegFrameRecorder(target.toFile(), side, side, 0);
        r.setFormat(format.container());
        r.setFrameRate(fps);
        r.setGopSize(1);
        r.setVideoOption("threads", "1");
        if (format == FaceTrackFormat.MJPEG_AVI) {
            r.setVideoCodecName("mjpeg");
            r.setPixelFormat(AV_PIX_FMT_YUVJ444P);
            r.setVideoQuality(2);
            // JPEG's standard Huffman tables instead of FFmpeg's default, tables optimised per frame (a second pass
            // over every face): the same decoded pixels, files about 5 % larger, the encoding about 20 % faster
            r.setVideoOption("huffman", "default");
        } else {
            r.setVideoCodecName("ffv1");
            r.setPixelFormat(AV_PIX_FMT_BGR0);
        }
        try {
            r.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            try {
                r.release();
            } catch (Exception ignored) {
                // ignored: the start failure thrown below says what went wrong; this one must not replace it
            }
            throw new IOException("cannot write the face track '" + target + "': " + e.getMessage(), e);
        }
        m_recorder = r;
        m_planar = new Mat(3 * side, side, CV_8UC1);
        m_planeViews = new Mat[]{m_planar.rowRange(0, side), m_planar.rowRange(2 * side, 3 * side),
            m_planar.rowRange(side, 2 * side)};
        m_planes = new MatVector(m_planeViews);
    }

    /** Appends one face (8-bit BGR, side x side). */
    void write(final Mat face) throws IOException {
        if (m_format == FaceTrackFormat.MJPEG_AVI) {
            cvtColor(face, m_ycrcb, COLOR_BGR2YCrCb);
            // split writes into the existing plane views (same size and type): no copy afterwards
            split(m_ycrcb, m_planes);
            m_recorder.recordImage(m_side, m_side, Frame.DEPTH_UBYTE, 1, m_side, AV_PIX_FMT_YUVJ444P,
                m_planar.createBuffer());
        } else {
            m_recorder.record(m_converter.convert(face), AV_PIX_FMT_BGR24);
        }
    }

    /** Writes the file's end. */
    void finish() throws IOException {
        m_recorder.stop();
    }

    @Override
    public void close() {
        try {
            m_recorder.release();
        } catch (Exception e) {
            // releasing after a failure: the temporary file is deleted by the store anyway
        }
        m_planes.close();
        for (Mat m : m_planeViews) {
            m.close();
        }
        m_planar.close();
        m_ycrcb.close();
        m_converter.close();
    }
}
