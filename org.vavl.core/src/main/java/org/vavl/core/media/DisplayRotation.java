package org.vavl.core.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A video's display rotation: phones store the picture as the sensor saw it and a display matrix (MP4 / MOV side
 * data) that tells players how to turn it. Players and FFmpeg's command line (its {@code autorotate}) apply it; the
 * decoder does not, so the engine does: the Video Reader reports it and the displayed size, the Face Aligner turns
 * every frame upright before it looks for a face.
 */
public final class DisplayRotation {

    private DisplayRotation() {
    }

    /**
     * @param displayMatrixAngle the angle of the display matrix in degrees, counter-clockwise, as FFmpeg's
     *            {@code av_display_rotation_get} gives it (-90 for a phone held upright)
     * @return the clockwise turn that shows the picture upright: 0, 90, 180 or 270 (the nearest quarter turn)
     */
    public static int clockwiseDegrees(final double displayMatrixAngle) {
        if (!Double.isFinite(displayMatrixAngle)) {
            return 0;
        }
        final long quarters = Math.round(-displayMatrixAngle / 90);
        return (int)(((quarters % 4) + 4) % 4) * 90;
    }

    /** @return the clockwise turn of an open video's picture (0 when it has no display matrix) */
    public static int of(final FFmpegFrameGrabber grabber) {
        try {
            return clockwiseDegrees(grabber.getDisplayRotation());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * @param frame a decoded picture
     * @param degrees the clockwise turn ({@link #clockwiseDegrees})
     * @param out where a turned picture is written (reused between frames)
     * @return {@code frame} itself when no turn is needed, else {@code out} holding the upright picture
     */
    public static Mat upright(final Mat frame, final int degrees, final Mat out) {
        switch (degrees) {
            case 90:
                opencv_core.rotate(frame, out, opencv_core.ROTATE_90_CLOCKWISE);
                return out;
            case 180:
                opencv_core.rotate(frame, out, opencv_core.ROTATE_180);
                return out;
            case 270:
                opencv_core.rotate(frame, out, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
                return out;
            default:
                return frame;
        }
    }
}
