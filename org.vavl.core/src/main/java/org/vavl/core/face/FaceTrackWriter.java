package org.vavl.core.face;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;

import java.io.IOException;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes the aligned faces of one clip into its face-track file (one square face per frame). Motion JPEG faces are
 * handed to the encoder as the aligner made them ({@link FaceCrop}: full-range YCbCr 4:2:0 planes, FFmpeg's
 * {@code yuvj420p}), without a conversion; FFV1 faces (4:4:4) are converted to BGR by OpenCV and stored as FFmpeg's
 * BGR0, bit exact.
 */
final class FaceTrackWriter implements AutoCloseable {

    private final FFmpegFrameRecorder m_recorder;

    private final FaceTrackFormat m_format;

    private final int m_side;

    private final OpenCVFrameConverter.ToMat m_converter = new OpenCVFrameConverter.ToMat();

    private final Mat m_bgr = new Mat();

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
            r.setPixelFormat(AV_PIX_FMT_YUVJ420P);
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
    }

    /** Appends one face (side x side, 4:2:0 for Motion JPEG, 4:4:4 for FFV1). */
    void write(final FaceCrop face) throws IOException {
        if (face.side() != m_side || face.subsampled() != m_format.subsampledChroma()) {
            throw new IllegalArgumentException("A face of " + face.side() + " pixels (" + (face.subsampled()
                ? "4:2:0" : "4:4:4") + ") does not fit this face track.");
        }
        if (m_format == FaceTrackFormat.MJPEG_AVI) {
            m_recorder.recordImage(m_side, m_side, Frame.DEPTH_UBYTE, 1, m_side, AV_PIX_FMT_YUVJ420P,
                face.planar().createBuffer());
        } else {
            m_recorder.record(m_converter.convert(face.toBgr(m_bgr)), AV_PIX_FMT_BGR24);
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
        m_bgr.close();
        m_converter.close();
    }
}
