package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.vavl.core.demo.DemoDataset;
import org.vavl.testsupport.TestFiles;
import org.vavl.core.media.ClipRecorder;

/**
 * Test clips made from {@code astronaut.png} (shared data): the portrait placed in each frame with a known
 * roll, scale and position, so the true eye positions and face centre of every frame are known.
 */
final class AstronautClip {

    /**
     * Eye centres in astronaut.png, continuous coordinates (pixel centres at +0.5): the dark-weighted
     * centroids of the two irises, measured once on the image (image-left eye first).
     */
    static final double[] EYES = {202.8 + 0.5, 99.7 + 0.5, 246.7 + 0.5, 102.0 + 0.5};

    /** Centre of the face box of astronaut.png as the data README gives it ([177, 67, 93, 93]). */
    static final double[] FACE_CENTRE = {177 + 46.5, 67 + 46.5};

    /** Side of that face box. */
    static final double FACE_SIDE = 93;

    final int width;

    final int height;

    final int frames;

    final double fps;

    private AstronautClip(final int width, final int height, final int frames, final double fps) {
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.fps = fps;
    }

    /** @return astronaut.png (public domain, the engine's own copy in {@code org/vavl/core/demo}) as a file */
    static Path astronautPng() {
        return TestFiles.resource(DemoDataset.class, "astronaut.png");
    }

    /** Roll of frame i (0-based) in degrees: a full sweep through -15..15. */
    double rollDeg(final int i) {
        return 15 * Math.sin(2 * Math.PI * i / frames);
    }

    /** Scale of frame i (portrait pixels to frame pixels). */
    double scale(final int i) {
        return 0.62 + 0.1 * Math.sin(2 * Math.PI * i / (0.7 * frames));
    }

    /** Where the face centre of frame i lies in the frame. */
    double[] centre(final int i) {
        return new double[]{width / 2.0 + 0.08 * width * Math.sin(2 * Math.PI * i / (0.9 * frames)),
            height / 2.0 + 0.06 * height * Math.cos(2 * Math.PI * i / (1.1 * frames))};
    }

    /** Maps a portrait point (continuous coordinates) into frame i. */
    double[] toFrame(final int i, final double x, final double y) {
        final double a = Math.toRadians(rollDeg(i));
        final double s = scale(i);
        final double[] c = centre(i);
        final double dx = x - FACE_CENTRE[0];
        final double dy = y - FACE_CENTRE[1];
        // positive roll turns the face clockwise on screen (y down): the eye line tilts down to the right
        return new double[]{c[0] + s * (Math.cos(a) * dx - Math.sin(a) * dy),
            c[1] + s * (Math.sin(a) * dx + Math.cos(a) * dy)};
    }

    /** The true eye line angle (degrees) of frame i. */
    double eyeAngleDeg(final int i) {
        final double[] a = toFrame(i, EYES[0], EYES[1]);
        final double[] b = toFrame(i, EYES[2], EYES[3]);
        return Math.toDegrees(Math.atan2(b[1] - a[1], b[0] - a[0]));
    }

    /** Writes the clip (H.264 MP4, high bit rate) and returns it. */
    static AstronautClip write(final Path file, final int width, final int height, final int frames,
        final double fps) throws Exception {
        return write(file, width, height, frames, fps, i -> true);
    }

    /**
     * Writes a clip whose frame i shows the portrait when {@code face.test(i)} and otherwise a face-free
     * picture (a smooth colour gradient with a few bars).
     */
    static AstronautClip write(final Path file, final int width, final int height, final int frames,
        final double fps, final java.util.function.IntPredicate face) throws Exception {
        final AstronautClip clip = new AstronautClip(width, height, frames, fps);
        final Mat portrait = opencv_imgcodecs.imread(astronautPng().toString());
        final Mat frame = new Mat(height, width, opencv_core.CV_8UC3);
        final Mat m = new Mat(2, 3, opencv_core.CV_64F);
        final byte[] bgr = new byte[width * height * 3];
        try (ClipRecorder rec = ClipRecorder.builder(file, width, height).format(ClipRecorder.Format.MP4_H264_AAC)
            .frameRate(fps).noAudio().videoBitrate(width * height * 30).start()) {
            for (int i = 0; i < frames; i++) {
                if (face.test(i)) {
                    clip.matrix(i, m);
                    warpAffine(portrait, frame, m, new Size(width, height), INTER_LINEAR, BORDER_REPLICATE,
                        new Scalar());
                    final ByteBuffer buf = frame.createBuffer();
                    buf.get(bgr);
                } else {
                    noFace(bgr, width, height, i);
                }
                rec.addFrameBgr(bgr);
            }
            rec.finish();
        }
        return clip;
    }

    /** A picture without a face: a colour gradient that drifts with i, and vertical bars. */
    static void noFace(final byte[] bgr, final int width, final int height, final int i) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                final int o = (y * width + x) * 3;
                final boolean bar = ((x + 2 * i) / 16) % 5 == 0;
                bgr[o] = (byte)(bar ? 40 : (x * 255 / width));
                bgr[o + 1] = (byte)(bar ? 40 : (y * 255 / height));
                bgr[o + 2] = (byte)(bar ? 40 : 128 + (i % 64));
            }
        }
    }

    /** The portrait-to-frame matrix of frame i in OpenCV's pixel-index convention. */
    void matrix(final int i, final Mat m) {
        final double a = Math.toRadians(rollDeg(i));
        final double s = scale(i);
        // continuous: f = c + s R (p - fc); index = continuous - 0.5
        final double[] o = toFrame(i, 0.5, 0.5);
        Similarity.putRotationScale(m, s * Math.cos(a), s * Math.sin(a), o[0] - 0.5, o[1] - 0.5);
    }
}
