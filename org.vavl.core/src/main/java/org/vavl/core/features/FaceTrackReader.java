package org.vavl.core.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads a face track (one video file per clip, each frame one aligned square face, as the Face Aligner
 * writes it) frame by frame with JavaCV's {@code FFmpegFrameGrabber.grabImage()}. Frames stream: only the
 * current one is in memory.
 *
 * <pre>
 * try (FaceTrackReader r = FaceTrackReader.open(track)) {
 *     for (Mat bgr = r.next(); bgr != null; bgr = r.next()) { ... } // 8-bit BGR, valid until the next call
 * }
 * </pre>
 */
public final class FaceTrackReader implements AutoCloseable {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path m_file;

    private final FFmpegFrameGrabber m_grabber;

    private final OpenCVFrameConverter.ToMat m_converter = new OpenCVFrameConverter.ToMat();

    private int m_read;

    private FaceTrackReader(final Path file, final FFmpegFrameGrabber grabber) {
        m_file = file;
        m_grabber = grabber;
    }

    /**
     * Opens a face track.
     *
     * @throws IOException naming the file when it is missing, empty, or not a readable video
     */
    public static FaceTrackReader open(final Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Face track '" + file + "' does not exist. Run the Face Aligner first or check the"
                + " face track column.");
        }
        if (Files.size(file) == 0) {
            throw new IOException("Face track '" + file + "' is empty (0 bytes). Run the Face Aligner again.");
        }
        org.vavl.core.media.FfmpegLog.quiet(); // checks the natives once, then FFmpeg quiet
        final FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            final IOException failure = new IOException("Face track '" + file + "' is not a readable video ("
                + e.getMessage() + "). Run the Face Aligner again.", e);
            try {
                g.release();
            } catch (FrameGrabber.Exception | RuntimeException r) {
                failure.addSuppressed(r); // reported with the failure it follows, which it must not replace
            }
            throw failure;
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            close(g);
            throw new IOException("Face track '" + file + "' has no video stream. Run the Face Aligner again.");
        }
        return new FaceTrackReader(file, g);
    }

    /** @return the frame count the container declares (an estimate; 0 when unknown) */
    public int declaredFrames() {
        return Math.max(0, m_grabber.getLengthInFrames());
    }

    /** @return frame width in pixels */
    public int width() {
        return m_grabber.getImageWidth();
    }

    /** @return frame height in pixels */
    public int height() {
        return m_grabber.getImageHeight();
    }

    /** @return frames returned so far */
    public int framesRead() {
        return m_read;
    }

    /**
     * @return the next frame as an 8-bit BGR {@link Mat}, valid until the next call; null at the end
     * @throws IOException naming the file and the frame when decoding fails
     */
    public Mat next() throws IOException {
        final Frame f;
        try {
            f = m_grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new IOException("Face track '" + m_file + "' cannot be decoded at frame " + (m_read + 1) + " ("
                + e.getMessage() + "). Run the Face Aligner again.", e);
        }
        if (f == null) {
            return null;
        }
        final Mat m = m_converter.convert(f);
        if (m == null || m.empty()) {
            return null;
        }
        m_read++;
        return m;
    }

    @Override
    public void close() {
        close(m_grabber);
        m_converter.close();
    }

    /**
     * Stops and releases the decoder. A failure here is ignored on purpose: it comes after the frames were read (or
     * after a failure of its own, which it must not replace), the caller has nothing to redo, and release is tried
     * even when stop fails, so the native decoder is freed either way.
     */
    private static void close(final FFmpegFrameGrabber g) {
        try {
            g.stop();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // see above: release below still frees the decoder
        }
        try {
            g.release();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // see above: nothing is left to free or to redo
        }
    }

    /**
     * @return the frame count a face track's container declares, without decoding (0 when unknown); used to
     *         sort clips by length
     */
    public static long declaredFrames(final Path file) {
        try (FaceTrackReader r = open(file)) {
            return r.declaredFrames();
        } catch (IOException e) {
            return 0;
        }
    }
}
