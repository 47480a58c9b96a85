package org.vavl.core.face;

import static org.vavl.core.face.FaceAlignerSettings.OUTPUT_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.media.ClipInfo;
import org.vavl.core.media.ClipRecorder;
import org.vavl.core.media.DisplayRotation;
import org.vavl.core.media.VideoProbe;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.Overwrite;
import org.vavl.testsupport.Oracles;

/**
 * A phone clip: the picture stored turned a quarter counter-clockwise (as the sensor saw it) and a display matrix
 * that tells players to turn it a quarter clockwise. The Video Reader's probe reports the turn and the size as shown;
 * the Face Aligner finds the face in every frame only because it turns the frames upright first.
 */
class RotatedClipTest {

    @TempDir
    static Path tmp;

    static Path upright;

    static Path phone;

    @BeforeAll
    static void makeClips() throws Exception {
        upright = tmp.resolve("upright.mp4");
        AstronautClip.write(upright, 240, 180, 20, 25);
        phone = tmp.resolve("phone.mp4");
        final OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(upright.toFile());
            ClipRecorder rec = ClipRecorder.builder(phone, 180, 240).frameRate(25).noAudio().displayRotation(-90)
                .videoBitrate(1_500_000).start()) {
            g.start();
            Frame f;
            final Mat sideways = new Mat();
            final byte[] bgr = new byte[180 * 240 * 3];
            while ((f = g.grabImage()) != null) {
                opencv_core.rotate(toMat.convert(f), sideways, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
                sideways.data().get(bgr);
                rec.addFrameBgr(bgr);
            }
            rec.finish();
        }
    }

    @Test
    void displayMatrixAnglesBecomeClockwiseQuarterTurns() {
        assertEquals(90, DisplayRotation.clockwiseDegrees(-90));
        assertEquals(270, DisplayRotation.clockwiseDegrees(90));
        assertEquals(180, DisplayRotation.clockwiseDegrees(180));
        assertEquals(180, DisplayRotation.clockwiseDegrees(-180));
        assertEquals(0, DisplayRotation.clockwiseDegrees(0));
        assertEquals(90, DisplayRotation.clockwiseDegrees(-89.99));
        assertEquals(0, DisplayRotation.clockwiseDegrees(Double.NaN));
    }

    @Test
    void theProbeReportsTheTurnAndTheSizeAsShown() throws Exception {
        final ClipInfo info = VideoProbe.probe(phone);
        assertEquals(90, info.rotation());
        assertEquals(240, info.width(), "shown upright: 240 wide");
        assertEquals(180, info.height());
        assertEquals(0, VideoProbe.probe(upright).rotation());
    }

    @Test
    void theFaceAlignerTurnsFramesUpright() throws Exception {
        try (FaceTrackExtractor x = new FaceTrackExtractor(FaceAlignerSettings.builder().set(OUTPUT_SIZE, 112).build(),
            tmp.resolve("tracks"), Overwrite.ALWAYS)) {
            final FaceTrackResult phoneTrack = x.extract("phone", phone, new CancelToken());
            final FaceTrackResult uprightTrack = x.extract("upright", upright, new CancelToken());
            assertEquals(20, phoneTrack.framesRead());
            assertEquals(uprightTrack.framesWithFace(), phoneTrack.framesWithFace(),
                "as many faces as in the upright clip");
            assertTrue(phoneTrack.framesWithFace() >= 18, phoneTrack.toString());
        }
    }

    /** FFmpeg's command line turns the picture by the same display matrix (its autorotate): an independent oracle. */
    @Test
    void ffmpegsCommandLineShowsTheSameSize() throws Exception {
        final boolean cli = Files.isExecutable(Path.of("/usr/bin/ffprobe"));
        Oracles.require(cli, "needs /usr/bin/ffprobe (Debian: apt-get install ffmpeg; .ci/run installs it)");
        final Process p = new ProcessBuilder("/usr/bin/ffmpeg", "-v", "error", "-i", phone.toString(), "-frames:v",
            "1", "-y", tmp.resolve("first.png").toString())
            .redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        final Process probe = new ProcessBuilder("/usr/bin/ffprobe", "-v", "error", "-select_streams", "v:0",
            "-show_entries", "stream_side_data=rotation", "-of", "csv=p=0", phone.toString()).start();
        final List<String> lines = new String(probe.getInputStream().readAllBytes()).lines().map(String::trim)
            .filter(l -> !l.isEmpty()).toList();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of("-90"), lines, "ffprobe reads the display matrix the recorder wrote");
        // the autorotated first frame has the size the probe reports (the stored picture is 180 x 240)
        final java.awt.image.BufferedImage first = javax.imageio.ImageIO.read(tmp.resolve("first.png").toFile());
        assertEquals(240, first.getWidth());
        assertEquals(180, first.getHeight());
    }
}
