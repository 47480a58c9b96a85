package org.vavl.core.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.Overwrite;
import org.vavl.testsupport.Oracles;

/**
 * The aligner's frames as the decoder gives them ({@link YuvFrame}): the crop's planes against the decoded planes that
 * FFmpeg's command line writes out (an independent decoder run), and clips in other pixel forms (4:4:4, 4:2:2 JPEG
 * range, RGB) against the same clip in 4:2:0.
 */
class YuvFrameTest {

    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    @TempDir
    static Path tmp;

    static Path clip;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = tmp.resolve("faces.mp4");
        AstronautClip.write(clip, 240, 180, 12, 25);
    }

    /** The first frame's planes as FFmpeg's command line decodes them (yuv420p: no conversion). */
    private static byte[] cliPlanes() throws Exception {
        final Path raw = tmp.resolve("first.yuv");
        run(FFMPEG.toString(), "-v", "error", "-y", "-i", clip.toString(), "-frames:v", "1", "-f", "rawvideo",
            "-pix_fmt", "yuv420p", raw.toString());
        return Files.readAllBytes(raw);
    }

    private static void run(final String... command) throws Exception {
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    private static int[] plane(final Mat m) {
        final byte[] b = new byte[m.rows() * m.cols()];
        m.data().get(b);
        final int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] & 0xff;
        }
        return v;
    }

    private static int toFullLuma(final int y) {
        return (int)Math.max(0, Math.min(255, Math.round((y - 16) * 255.0 / 219)));
    }

    private static int toFullChroma(final double c) {
        return (int)Math.max(0, Math.min(255, Math.round((c - 128) * 255.0 / 224 + 128)));
    }

    /**
     * An upright crop of scale 1 at whole pixels copies the video's luma, stretched from video range (16-235) to
     * JPEG's (0-255); its chroma, at full resolution, samples the left-sited 4:2:0 chroma where it lies (even columns
     * on the samples, rows a quarter sample above or below them).
     */
    @Test
    void anUprightCropCopiesTheDecodedPlanes() throws Exception {
        Oracles.require(Files.isExecutable(FFMPEG), "needs /usr/bin/ffmpeg (Debian: apt-get install ffmpeg; .ci/run "
            + "installs it)");
        final byte[] cli = cliPlanes();
        final int w = 240;
        final int h = 180;
        final int cw = w / 2;
        final int side = 64;
        final int x0 = 88;
        final int y0 = 40;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile()); YuvFrame frame = new YuvFrame();
                FaceCrop crop = new FaceCrop(side, false)) {
            g.setImageMode(FrameGrabber.ImageMode.RAW);
            g.start();
            frame.set((AVFrame)g.grabImage().opaque, 0);
            assertEquals(w, frame.width());
            assertEquals(h, frame.height());
            // the view's pixel (u, v) samples frame pixel (x0 + u, y0 + v)
            frame.crop(new Similarity(x0 + side / 2.0, y0 + side / 2.0, 1, 0, side, side), crop);
            final int[] y = plane(crop.y());
            final int[] cb = plane(crop.cb());
            final int[] cr = plane(crop.cr());
            int worstChroma = 0;
            for (int v = 0; v < side; v++) {
                for (int u = 0; u < side; u++) {
                    final int fy = cli[(y0 + v) * w + x0 + u] & 0xff;
                    assertEquals(toFullLuma(fy), y[v * side + u], "luma at " + u + ", " + v);
                    if (u % 2 == 0) {
                        // chroma row j sits at luma row 2j + 0.5: luma row r lies between chroma rows (r - 0.5) / 2
                        final int r = y0 + v;
                        final int j0 = r % 2 == 0 ? r / 2 - 1 : r / 2;
                        final double f = r % 2 == 0 ? 0.75 : 0.25;
                        final int i = (x0 + u) / 2;
                        for (int k = 0; k < 2; k++) {
                            final int off = w * h + k * cw * (h / 2);
                            final int a = cli[off + Math.max(0, j0) * cw + i] & 0xff;
                            final int b = cli[off + Math.min(h / 2 - 1, j0 + 1) * cw + i] & 0xff;
                            final int expected = toFullChroma((1 - f) * a + f * b);
                            final int got = (k == 0 ? cb : cr)[v * side + u];
                            worstChroma = Math.max(worstChroma, Math.abs(expected - got));
                        }
                    }
                }
            }
            assertTrue(worstChroma <= 1, "chroma off by " + worstChroma + " levels (rounding allows 1)");
        }
    }

    /**
     * The same clip in other pixel forms gives the same faces as in 4:2:0, as bright: FFV1 4:4:4 (converted by
     * FFmpeg's scaler), Motion JPEG 4:2:2 in JPEG range and 4:2:0 in JPEG range (used as it is), FFV1 RGB.
     */
    @Test
    void otherPixelFormsGiveTheSameFaces() throws Exception {
        Oracles.require(Files.isExecutable(FFMPEG), "needs /usr/bin/ffmpeg (Debian: apt-get install ffmpeg; .ci/run "
            + "installs it)");
        final List<Path> copies = new ArrayList<>();
        for (String[] form : new String[][] {{"yuv444p.mkv", "ffv1", "yuv444p"}, {"yuvj422p.avi", "mjpeg", "yuvj422p"},
            {"yuvj420p.avi", "mjpeg", "yuvj420p"}, {"bgr0.mkv", "ffv1", "bgr0"}}) {
            final Path out = tmp.resolve(form[0]);
            run(FFMPEG.toString(), "-v", "error", "-y", "-i", clip.toString(), "-c:v", form[1], "-pix_fmt", form[2],
                "-q:v", "2", out.toString());
            copies.add(out);
        }
        try (FaceTrackExtractor x = new FaceTrackExtractor(FaceAlignerSettings.builder().build(),
            tmp.resolve("tracks"), Overwrite.ALWAYS)) {
            final FaceTrackResult reference = x.extract("yuv420p", clip, new CancelToken());
            assertEquals(12, reference.framesWithFace(), reference.toString());
            final double brightness = meanLuma(reference.faceTrack());
            for (Path copy : copies) {
                final String name = copy.getFileName().toString();
                final FaceTrackResult r = x.extract(name, copy, new CancelToken());
                assertEquals(reference.framesWithFace(), r.framesWithFace(), name + ": " + r);
                assertEquals(reference.medianFaceSize(), r.medianFaceSize(), 3, name + ": " + r);
                assertEquals(brightness, meanLuma(r.faceTrack()), 3, name + ": mean grey level of the faces");
            }
        }
    }

    /** The mean grey level of a face track's faces (as a BGR reader gets them). */
    private static double meanLuma(final Path track) throws Exception {
        double sum = 0;
        long n = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(track.toFile())) {
            g.start();
            final org.bytedeco.javacv.OpenCVFrameConverter.ToMat toMat = new org.bytedeco.javacv.OpenCVFrameConverter.ToMat();
            org.bytedeco.javacv.Frame f;
            while ((f = g.grabImage()) != null) {
                final Mat gray = new Mat();
                org.bytedeco.opencv.global.opencv_imgproc.cvtColor(toMat.convert(f), gray,
                    org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
                sum += org.bytedeco.opencv.global.opencv_core.mean(gray).get(0);
                n++;
                gray.close();
            }
        }
        return sum / n;
    }
}
