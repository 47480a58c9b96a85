package org.vavl.core.face;

import static org.vavl.core.face.FaceAlignerSettings.CROP_SCALE;
import static org.vavl.core.face.FaceAlignerSettings.DETECTOR;
import static org.vavl.core.face.FaceAlignerSettings.FORMAT;
import static org.vavl.core.face.FaceAlignerSettings.FRAME_STEP;
import static org.vavl.core.face.FaceAlignerSettings.MISSING_FACE;
import static org.vavl.core.face.FaceAlignerSettings.OUTPUT_SIZE;
import static org.vavl.core.face.FaceAlignerSettings.PNG_FOLDER;
import static org.vavl.core.face.FaceAlignerSettings.YUNET_MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;
import org.vavl.core.settings.RecordSettings;

/** Face tracks: missing-face policies, bad files, YuNet model errors, cancellation, re-runs, PNG frames. */
class FaceTrackExtractorTest {

    @TempDir
    static Path tmp;

    /** 30 frames, all with a face. */
    static Path faces;

    /** 20 frames, none with a face. */
    static Path noFace;

    /** 30 frames: 6 without a face, 12 with, 6 without, 6 with. */
    static Path gaps;

    static final int GAPS_WITH_FACE = 18;

    @BeforeAll
    static void makeClips() throws Exception {
        faces = tmp.resolve("faces.mp4");
        AstronautClip.write(faces, 240, 180, 30, 30);
        noFace = tmp.resolve("empty_room.mp4");
        AstronautClip.write(noFace, 160, 120, 20, 30, i -> false);
        gaps = tmp.resolve("gaps.mp4");
        AstronautClip.write(gaps, 240, 180, 30, 30, i -> (i >= 6 && i < 18) || i >= 24);
    }

    private static RecordSettings.Builder<FaceAlignerSettings> settings() {
        return FaceAlignerSettings.builder().set(OUTPUT_SIZE, 112);
    }

    private static long frameCount(final Path video) throws Exception {
        long n = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.start();
            while (g.grabImage() != null) {
                n++;
            }
        }
        return n;
    }

    private static List<String> files(final Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void aReplacedVideoIsMadeAgainAndTwoRunsIntoOneFolderTakeTurns() throws Exception {
        final Path out = tmp.resolve("replaced");
        final Path video = tmp.resolve("replaced-input.mp4");
        Files.copy(faces, video);
        try (FaceTrackExtractor x = new FaceTrackExtractor(settings().build(), out, Overwrite.IF_CHANGED)) {
            assertEquals(30, x.extract("clip", video, new CancelToken()).framesRead());
            assertTrue(x.extract("clip", video, new CancelToken()).reused());
            // another video under the same name (and the same modification time): a new face track
            final java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(video);
            Files.copy(gaps, video, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(video, t);
            final FaceTrackResult r = x.extract("clip", video, new CancelToken());
            assertFalse(r.reused());
            assertEquals(GAPS_WITH_FACE, r.framesWithFace());
            assertEquals(GAPS_WITH_FACE, frameCount(r.faceTrack()));
            assertTrue(x.store().readSettings("clip").get("input sha-256").endsWith("(whole file)"));
        }
        // two executions into one folder at once, on the same clips: every track is complete and made once
        final Path shared = tmp.resolve("shared");
        final List<FaceTrackExtractor.ClipInput> clips = FaceTrackExtractor.inputs(List.of("a", "b", "c", "d"),
            List.of(faces, gaps, faces, gaps));
        final List<List<org.vavl.core.util.ClipWorkPool.Outcome<FaceTrackResult>>> results =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final List<Thread> runs = new java.util.ArrayList<>();
        for (int k = 0; k < 2; k++) {
            runs.add(new Thread(() -> {
                try (FaceTrackExtractor x = new FaceTrackExtractor(settings().build(), shared, Overwrite.IF_CHANGED)) {
                    results.add(x.run(clips, 2, OnError.FAIL, Progress.NONE));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        runs.forEach(Thread::start);
        for (Thread t : runs) {
            t.join();
        }
        assertEquals(2, results.size());
        int made = 0;
        for (List<org.vavl.core.util.ClipWorkPool.Outcome<FaceTrackResult>> r : results) {
            for (int i = 0; i < 4; i++) {
                assertTrue(r.get(i).ok(), r.get(i).error());
                assertEquals(i % 2 == 0 ? 30 : GAPS_WITH_FACE, r.get(i).value().framesWithFace());
                made += r.get(i).value().reused() ? 0 : 1;
            }
        }
        assertEquals(4, made, "each clip made by one run, reused by the other");
        assertEquals(List.of("a.avi", "a.avi.figures", "a.avi.settings", "b.avi", "b.avi.figures", "b.avi.settings",
            "c.avi", "c.avi.figures", "c.avi.settings", "d.avi", "d.avi.figures", "d.avi.settings"), files(shared));
    }

    @Test
    void faceTrackHasOneAlignedFacePerFrameAndFigures() throws Exception {
        final Path out = tmp.resolve("plain");
        try (FaceTrackExtractor x = new FaceTrackExtractor(settings().build(), out, Overwrite.IF_CHANGED)) {
            final FaceTrackResult r = x.extract("faces", faces, new CancelToken());
            assertEquals(out.resolve("faces.avi"), r.faceTrack());
            assertEquals(30, r.framesRead());
            assertEquals(30, r.framesProcessed());
            assertEquals(30, r.framesWithFace());
            assertEquals(30, r.framesWritten());
            assertEquals(1.0, r.faceRatio(), 1e-12);
            assertEquals(0, r.eyesNotFound());
            assertTrue(Double.isNaN(r.meanDetectionConfidence()), "Haar gives no score");
            // the portrait's face box is 93 px, scaled 0.52..0.72 into the frame
            assertTrue(r.medianFaceSize() > 40 && r.medianFaceSize() < 75, "median face " + r.medianFaceSize());
            assertTrue(r.detectorRuns() >= 1 && r.detectorRuns() < 5, "detector runs " + r.detectorRuns());
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(r.faceTrack().toFile())) {
                g.start();
                assertEquals(112, g.getImageWidth());
                assertEquals(112, g.getImageHeight());
                assertEquals("mjpeg", g.getVideoCodecName());
                assertEquals(30.0, g.getVideoFrameRate(), 0.01);
                final Frame f = g.grabImage();
                assertEquals(3, f.imageChannels);
            }
            assertEquals(30, frameCount(r.faceTrack()));
            assertEquals(List.of("faces.avi", "faces.avi.figures", "faces.avi.settings"), files(out));

            // a re-run with the same settings keeps the track and its figures
            final long modified = Files.getLastModifiedTime(r.faceTrack()).toMillis();
            final FaceTrackResult again = x.extract("faces", faces, new CancelToken());
            assertTrue(again.reused());
            assertEquals(r.framesWithFace(), again.framesWithFace());
            assertEquals(r.medianFaceSize(), again.medianFaceSize());
            assertEquals(modified, Files.getLastModifiedTime(r.faceTrack()).toMillis());
        }
        // other settings make it again
        try (FaceTrackExtractor x = new FaceTrackExtractor(settings().set(CROP_SCALE, 1.5).build(), out,
            Overwrite.IF_CHANGED)) {
            final FaceTrackResult r = x.extract("faces", faces, new CancelToken());
            assertFalse(r.reused());
            assertEquals("1.50000", x.store().readSettings("faces").get("crop scale"));
        }
    }

    @Test
    void clipWithoutFaceIsReportedPerPolicy() throws Exception {
        for (MissingFacePolicy p : new MissingFacePolicy[]{MissingFacePolicy.SKIP_FRAME,
            MissingFacePolicy.REPEAT_LAST}) {
            final Path out = tmp.resolve("noface-" + p.name());
            try (FaceTrackExtractor x = new FaceTrackExtractor(settings().set(MISSING_FACE, p).build(), out,
                Overwrite.IF_CHANGED)) {
                final FaceTrackResult r = x.extract("empty_room", noFace, new CancelToken());
                assertNull(r.faceTrack(), p + ": no face track without faces");
                assertEquals(20, r.framesRead());
                assertEquals(0, r.framesWithFace());
                assertEquals(0.0, r.faceRatio());
                assertEquals(0, r.framesWritten());
                assertTrue(Double.isNaN(r.medianFaceSize()));
                assertEquals(List.of(), files(out), p + ": nothing written");
            }
        }
        final Path out = tmp.resolve("noface-reject");
        try (FaceTrackExtractor x = new FaceTrackExtractor(
            settings().set(MISSING_FACE, MissingFacePolicy.REJECT_CLIP).build(), out, Overwrite.IF_CHANGED)) {
            final ClipException e = assertThrows(ClipException.class,
                () -> x.extract("empty_room", noFace, new CancelToken()));
            assertEquals("empty_room", e.getClipId());
            assertTrue(e.getMessage().startsWith("Clip 'empty_room': no face in frame 1 (0.00 s)"), e.getMessage());
            assertTrue(e.getMessage().contains("'reject clip'"), e.getMessage());
            // with on error = skip the clip is reported in its outcome, the others go on
            final List<Outcome<FaceTrackResult>> o = x.run(
                FaceTrackExtractor.inputs(List.of("empty_room", "faces"), List.of(noFace, faces)), 2, OnError.SKIP,
                Progress.NONE);
            assertFalse(o.get(0).ok());
            assertTrue(o.get(0).error().contains("no face in frame 1"), o.get(0).error());
            assertTrue(o.get(1).ok());
            assertEquals(30, o.get(1).value().framesWritten());
            assertEquals(List.of("faces.avi", "faces.avi.figures", "faces.avi.settings"), files(out));
        }
    }

    @Test
    void framesWithoutFacePerPolicy() throws Exception {
        FaceTrackResult skip;
        try (FaceTrackExtractor x = new FaceTrackExtractor(settings().build(), tmp.resolve("gaps-skip"),
            Overwrite.ALWAYS)) {
            skip = x.extract("gaps", gaps, new CancelToken());
        }
        assertEquals(30, skip.framesProcessed());
        assertEquals(GAPS_WITH_FACE, skip.framesWithFace());
        assertEquals(GAPS_WITH_FACE, skip.framesWritten());
        assertEquals(0.6, skip.faceRatio(), 1e-12);
        assertEquals(GAPS_WITH_FACE, frameCount(skip.faceTrack()));

        FaceTrackResult repeat;
        final Path png = tmp.resolve("gaps-png");
        try (FaceTrackExtractor x = new FaceTrackExtractor(
            settings().set(MISSING_FACE, MissingFacePolicy.REPEAT_LAST).set(PNG_FOLDER, png).build(),
            tmp.resolve("gaps-repeat"),
            Overwrite.ALWAYS)) {
            repeat = x.extract("gaps", gaps, new CancelToken());
            assertEquals(png.resolve("gaps").resolve("detections"), x.pngFramesFolder("gaps"));
        }
        assertEquals(GAPS_WITH_FACE, repeat.framesWithFace());
        assertEquals(30, repeat.framesWritten(), "one face per frame: leading frames get the first face");
        assertEquals(30, frameCount(repeat.faceTrack()));
        // PNG frames in the reference's layout: <folder>/<clip>/detections/<frame, 6 digits>_000.png
        final List<String> pngs = files(png.resolve("gaps").resolve("detections"));
        assertEquals(30, pngs.size());
        assertEquals("000001_000.png", pngs.get(0));
        assertEquals("000030_000.png", pngs.get(29));
        final Mat first = opencv_imgcodecs.imread(png.resolve("gaps/detections/000001_000.png").toString());
        assertEquals(112, first.cols());
        assertEquals(112, first.rows());
        assertEquals(List.of("gaps"), files(png), "no temporary PNG folder left");

        final ClipException e;
        try (FaceTrackExtractor x = new FaceTrackExtractor(
            settings().set(MISSING_FACE, MissingFacePolicy.REJECT_CLIP).build(), tmp.resolve("gaps-reject"),
            Overwrite.ALWAYS)) {
            e = assertThrows(ClipException.class, () -> x.extract("gaps", gaps, new CancelToken()));
            assertEquals(List.of(), files(tmp.resolve("gaps-reject")));
        }
        assertTrue(e.getMessage().contains("no face in frame 1 "), e.getMessage());
    }

    @Test
    void frameStepAndLosslessFormat() throws Exception {
        try (FaceTrackExtractor x = new FaceTrackExtractor(
            settings().set(FRAME_STEP, 3).set(FORMAT, FaceTrackFormat.FFV1_MKV).build(), tmp.resolve("step"),
            Overwrite.ALWAYS)) {
            final FaceTrackResult r = x.extract("faces", faces, new CancelToken());
            assertEquals(30, r.framesRead());
            assertEquals(10, r.framesProcessed());
            assertEquals(10, r.framesWritten());
            assertTrue(r.faceTrack().toString().endsWith("faces.mkv"));
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(r.faceTrack().toFile())) {
                g.start();
                assertEquals("ffv1", g.getVideoCodecName());
                assertEquals(10.0, g.getVideoFrameRate(), 0.01);
            }
            assertEquals(10, frameCount(r.faceTrack()));
        }
    }

    /**
     * The frames read back from a face track are the aligner's crops: MJPEG (4:2:0 planes coded by FFmpeg, read back
     * through FFmpeg's scaler) within JPEG's loss, PSNR over 40 dB; FFV1 bit exact.
     */
    @Test
    void faceTrackFramesAreTheAlignedCrops() throws Exception {
        for (FaceTrackFormat format : FaceTrackFormat.values()) {
            final List<Mat> crops = new ArrayList<>();
            final FaceTrackResult r;
            try (FaceTrackExtractor x = new FaceTrackExtractor(settings().set(FORMAT, format).build(),
                tmp.resolve("fidelity-" + format.settingValue()), Overwrite.ALWAYS)) {
                r = x.extract("faces", faces, new CancelToken(), (n, res) -> crops.add(res.crop.toBgr()));
            }
            assertEquals(30, crops.size());
            final OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
            int i = 0;
            double worst = Double.POSITIVE_INFINITY;
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(r.faceTrack().toFile())) {
                g.start();
                Frame f;
                while ((f = g.grabImage()) != null) {
                    final Mat back = conv.convert(f);
                    final Mat crop = crops.get(i++);
                    assertEquals(crop.cols(), back.cols());
                    assertEquals(crop.rows(), back.rows());
                    if (format == FaceTrackFormat.FFV1_MKV) {
                        assertEquals(0.0, opencv_core.norm(crop, back, opencv_core.NORM_INF, null), format + " frame " + i);
                    } else {
                        worst = Math.min(worst, opencv_core.PSNR(crop, back));
                    }
                }
            }
            assertEquals(30, i);
            if (format == FaceTrackFormat.MJPEG_AVI) {
                assertTrue(worst > 40, "MJPEG face track: worst PSNR " + worst + " dB");
                System.out.printf(java.util.Locale.ROOT, "[face track fidelity] MJPEG worst PSNR %.1f dB%n", worst);
            }
        }
    }

    @Test
    void badFilesGiveClearErrorsNamingTheClip() throws Exception {
        final Path zero = Files.createFile(tmp.resolve("zero.mp4"));
        final Path text = Files.writeString(tmp.resolve("notes.mp4"), "this is not a video\n".repeat(200));
        final byte[] whole = Files.readAllBytes(faces);
        final Path truncated = Files.write(tmp.resolve("truncated.mp4"),
            java.util.Arrays.copyOf(whole, whole.length / 3));
        final Path missing = tmp.resolve("missing.mp4");
        final Path out = tmp.resolve("bad");
        try (FaceTrackExtractor x = new FaceTrackExtractor(settings().build(), out, Overwrite.ALWAYS)) {
            assertMessage(x, "zero", zero, "Clip 'zero': the video file '" + zero + "' is empty (0 bytes)");
            assertMessage(x, "notes", text, "Clip 'notes': '" + text + "' cannot be opened as a video");
            assertMessage(x, "truncated", truncated, "Clip 'truncated': '" + truncated + "' cannot be opened");
            assertMessage(x, "missing", missing, "Clip 'missing': the video file '" + missing + "' does not exist");
            final List<Outcome<FaceTrackResult>> o = x.run(FaceTrackExtractor.inputs(
                List.of("zero", "faces", "notes"), List.of(zero, faces, text)), 2, OnError.SKIP, Progress.NONE);
            assertFalse(o.get(0).ok());
            assertTrue(o.get(1).ok());
            assertFalse(o.get(2).ok());
            assertTrue(o.get(2).error().startsWith("Clip 'notes'"), o.get(2).error());
            final ClipException fail = assertThrows(ClipException.class, () -> x.run(FaceTrackExtractor.inputs(
                List.of("faces", "zero"), List.of(faces, zero)), 1, OnError.FAIL, Progress.NONE));
            assertEquals("zero", fail.getClipId());
        }
        assertEquals(List.of("faces.avi", "faces.avi.figures", "faces.avi.settings"), files(out));
    }

    private static void assertMessage(final FaceTrackExtractor x, final String id, final Path video,
        final String start) {
        final ClipException e = assertThrows(ClipException.class, () -> x.extract(id, video, new CancelToken()));
        assertEquals(id, e.getClipId());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void yunetModelMissingOrInvalidNamesTheFile() throws Exception {
        final IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
            () -> FaceAlignerSettings.builder().set(DETECTOR, FaceDetectorKind.YUNET).build());
        assertTrue(unset.getMessage().contains("face_detection_yunet_2023mar.onnx"), unset.getMessage());

        final Path missing = tmp.resolve("models/face_detection_yunet_2023mar.onnx");
        final IOException m = assertThrows(IOException.class, () -> new FaceTrackExtractor(
            FaceAlignerSettings.builder().set(DETECTOR, FaceDetectorKind.YUNET).set(YUNET_MODEL, missing).build(),
            tmp.resolve("yunet"), Overwrite.ALWAYS));
        assertTrue(m.getMessage().startsWith("The YuNet model file '" + missing + "' does not exist."), m.getMessage());
        assertTrue(m.getMessage().contains("OpenCV Zoo"), m.getMessage());

        final Path invalid = Files.write(tmp.resolve("not_a_model.onnx"), "definitely not ONNX".getBytes());
        final IOException i = assertThrows(IOException.class, () -> new FaceTrackExtractor(
            FaceAlignerSettings.builder().set(DETECTOR, FaceDetectorKind.YUNET).set(YUNET_MODEL, invalid).build(),
            tmp.resolve("yunet"), Overwrite.ALWAYS));
        assertTrue(i.getMessage().startsWith("The YuNet model file '" + invalid + "'"), i.getMessage());
        assertTrue(i.getMessage().contains("could not be loaded") || i.getMessage().contains("is not a YuNet"),
            i.getMessage());

        final Path empty = Files.createFile(tmp.resolve("empty.onnx"));
        final IOException z = assertThrows(IOException.class, () -> new FaceTrackExtractor(
            FaceAlignerSettings.builder().set(DETECTOR, FaceDetectorKind.YUNET).set(YUNET_MODEL, empty).build(),
            tmp.resolve("yunet"), Overwrite.ALWAYS));
        assertTrue(z.getMessage().startsWith("The YuNet model file '" + empty + "' is empty"), z.getMessage());
    }

    @Test
    void cancellationLeavesNoPartialFile() throws Exception {
        final Path out = tmp.resolve("cancel");
        final Path png = tmp.resolve("cancel-png");
        final CancelToken token = new CancelToken();
        final AtomicInteger seen = new AtomicInteger();
        try (FaceTrackExtractor x = new FaceTrackExtractor(settings().set(PNG_FOLDER, png).build(), out,
            Overwrite.ALWAYS)) {
            assertThrows(CancelledException.class, () -> x.extract("faces", faces, token, (n, r) -> {
                if (seen.incrementAndGet() == 12) {
                    token.cancel();
                }
            }));
            assertEquals(12, seen.get(), "stops at the next frame");
        }
        assertEquals(List.of(), files(out), "no face track, no temporary file");
        assertEquals(List.of(), files(png), "no PNG folder, no temporary folder");
    }
}
