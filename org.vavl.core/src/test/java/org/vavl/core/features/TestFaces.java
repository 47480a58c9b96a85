package org.vavl.core.features;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Test faces: simple cartoon faces (smiling or frowning) drawn with OpenCV, with position and size jitter,
 * random skin tone and pixel noise, and face tracks written with FFmpegFrameRecorder (FFV1, lossless).
 */
final class TestFaces {

    private TestFaces() {
    }

    /** @return a size x size BGR cartoon face; smile = mouth corners up, else down (frown, brows tilted) */
    static Mat cartoon(final boolean smile, final Random rnd, final int size) {
        final Mat m = new Mat(size, size, CV_8UC3, new Scalar(40 + rnd.nextInt(40), 40 + rnd.nextInt(40),
            40 + rnd.nextInt(40), 0));
        final double s = size / 224.0 * (0.92 + 0.16 * rnd.nextDouble());
        final int cx = size / 2 + (int)Math.round((rnd.nextDouble() - 0.5) * 12 * size / 224.0);
        final int cy = size / 2 + (int)Math.round((rnd.nextDouble() - 0.5) * 12 * size / 224.0);
        final Scalar skin = new Scalar(120 + rnd.nextInt(60), 150 + rnd.nextInt(50), 190 + rnd.nextInt(50), 0);
        final Scalar dark = new Scalar(30 + rnd.nextInt(30), 30 + rnd.nextInt(30), 40 + rnd.nextInt(30), 0);
        ellipse(m, new Point(cx, cy), new Size(i(85 * s), i(100 * s)), 0, 0, 360, skin, -1, LINE_AA, 0);
        // eyes
        final int eyeY = cy - i(25 * s);
        circle(m, new Point(cx - i(32 * s), eyeY), i(9 * s), dark, -1, LINE_AA, 0);
        circle(m, new Point(cx + i(32 * s), eyeY), i(9 * s), dark, -1, LINE_AA, 0);
        // brows: relaxed for a smile, pulled down to the middle for a frown
        final int browY = eyeY - i(22 * s);
        final int tilt = smile ? -i(3 * s) : i(9 * s);
        line(m, new Point(cx - i(48 * s), browY), new Point(cx - i(16 * s), browY + tilt), dark, Math.max(2, i(5 * s)),
            LINE_AA, 0);
        line(m, new Point(cx + i(48 * s), browY), new Point(cx + i(16 * s), browY + tilt), dark, Math.max(2, i(5 * s)),
            LINE_AA, 0);
        // mouth: lower half of an ellipse (smile) or upper half (frown)
        final int mw = i((36 + rnd.nextInt(12)) * s);
        final int mh = i((14 + rnd.nextInt(8)) * s);
        final int thickness = Math.max(2, i(6 * s));
        if (smile) {
            ellipse(m, new Point(cx, cy + i(38 * s)), new Size(mw, mh), 0, 0, 180, dark, thickness, LINE_AA, 0);
        } else {
            ellipse(m, new Point(cx, cy + i(58 * s)), new Size(mw, mh), 0, 180, 360, dark, thickness, LINE_AA, 0);
        }
        addNoise(m, rnd, 12);
        return m;
    }

    private static int i(final double v) {
        return (int)Math.round(v);
    }

    private static void addNoise(final Mat m, final Random rnd, final int amplitude) {
        final byte[] px = new byte[(int)(m.total() * m.channels())];
        m.data().get(px);
        for (int k = 0; k < px.length; k++) {
            final int v = (px[k] & 0xff) + (int)Math.round(rnd.nextGaussian() * amplitude / 2.0);
            px[k] = (byte)Math.max(0, Math.min(255, v));
        }
        m.data().put(px);
    }

    /** Writes frames (BGR, all the same size) as a lossless FFV1 face track ({@code .mkv}). */
    static void writeTrack(final Path file, final List<Mat> frames) throws Exception {
        final int w = frames.get(0).cols();
        final int h = frames.get(0).rows();
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
            OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat("matroska");
            r.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            r.setPixelFormat(avutil.AV_PIX_FMT_BGR0);
            r.setFrameRate(25);
            r.start();
            for (Mat m : frames) {
                r.record(conv.convert(m), avutil.AV_PIX_FMT_BGR24);
            }
            r.stop();
        }
    }
}
