package org.vavl.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.ClipException;

class VideoProbeTest {

    @TempDir
    static Path dir;

    static Path mp4;

    static Path flv;

    static Path silent;

    static Path fastStart;

    @BeforeAll
    static void makeClips() throws IOException {
        mp4 = ClipRecorder.writeTestClip(dir.resolve("talk.mp4"), ClipRecorder.Format.MP4_H264_AAC, 320, 240, 30, 3.0,
            16000, 1);
        flv = ClipRecorder.writeTestClip(dir.resolve("1001_DFA_ANG_XX.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 480, 360,
            30, 2.5, 44100, 2);
        silent = ClipRecorder.writeTestClip(dir.resolve("silent.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25,
            2.0, 0, 0);
        try (ClipRecorder rec = ClipRecorder.builder(dir.resolve("fast.mp4"), 160, 120).frameRate(30).fastStart(true)
            .start()) {
            final byte[] bgr = new byte[160 * 120 * 3];
            final java.util.Random r = new java.util.Random(1);
            for (int i = 0; i < 90; i++) {
                r.nextBytes(bgr); // noise: large frames, so the truncation below cuts many of them
                rec.addFrameBgr(bgr);
            }
            fastStart = rec.finish();
        }
    }

    @Test
    void mp4WithAudio() throws Exception {
        final ClipInfo info = VideoProbe.probe(mp4);
        assertEquals("talk", info.clipId());
        assertEquals(mp4.toAbsolutePath(), info.path());
        assertEquals(3.0, info.durationSeconds(), 0.1);
        assertEquals(30.0, info.fps(), 1e-6);
        assertEquals(90, info.frames());
        assertEquals(320, info.width());
        assertEquals(240, info.height());
        assertEquals("h264", info.videoCodec());
        assertTrue(info.hasAudio());
        assertEquals(16000, info.audioSampleRate());
        assertEquals(1, info.audioChannels());
    }

    @Test
    void flvWithStereoMp3() throws Exception {
        final ClipInfo info = VideoProbe.probe(flv);
        assertEquals("1001_DFA_ANG_XX", info.clipId());
        assertEquals(2.5, info.durationSeconds(), 0.1);
        assertEquals(30.0, info.fps(), 1e-6);
        assertEquals(75, info.frames());
        assertEquals(480, info.width());
        assertEquals(360, info.height());
        assertEquals("flv1", info.videoCodec());
        assertTrue(info.hasAudio());
        assertEquals(44100, info.audioSampleRate());
        assertEquals(2, info.audioChannels());
    }

    @Test
    void withoutAudio() throws Exception {
        final ClipInfo info = VideoProbe.probe(silent);
        assertEquals(2.0, info.durationSeconds(), 0.1);
        assertEquals(25.0, info.fps(), 1e-6);
        assertEquals(50, info.frames());
        assertFalse(info.hasAudio());
        assertEquals(0, info.audioSampleRate());
        assertEquals(0, info.audioChannels());
        final ClipInfo fast = VideoProbe.probe(fastStart);
        assertEquals(90, fast.frames());
        assertEquals(3.0, fast.durationSeconds(), 0.1);
    }

    @Test
    void missingEmptyAndTextFiles() throws Exception {
        assertProblem(dir.resolve("nothere.mp4"), "nothere", "does not exist");
        final Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertProblem(empty, "empty", "is empty (0 bytes)");
        final Path text = Files.writeString(dir.resolve("page.mp4"), "<html><body>404 Not Found</body></html>\n",
            StandardCharsets.UTF_8);
        assertProblem(text, "page", "is a text file, not a video");
        final Path noise = dir.resolve("noise.avi");
        final byte[] bytes = new byte[5000];
        new java.util.Random(3).nextBytes(bytes);
        bytes[0] = 0;
        Files.write(noise, bytes);
        assertProblem(noise, "noise", "is not a video file FFmpeg can read");
        assertProblem(dir, dir.getFileName().toString(), "is a folder");
    }

    @Test
    void truncatedFilesAreDetected() throws Exception {
        // index at the end (FFmpeg's default for MP4): the index is cut off
        final Path cut = truncate(mp4, "cut.mp4", 0.6);
        assertProblem(cut, "cut", "truncated or corrupt MP4/MOV");
        // index at the start: the index lists frames that are not in the file
        final Path cutFast = truncate(fastStart, "cutfast.mp4", 0.5);
        assertProblem(cutFast, "cutfast", "truncated");
        // FLV: the header states a duration the data does not reach
        final Path cutFlv = truncate(flv, "cutflv.flv", 0.5);
        assertProblem(cutFlv, "cutflv", "truncated");
    }

    /**
     * An AVI whose index holds empty drop-frame entries (as OpenCV's tree.avi does): FFmpeg's AVI muxer writes
     * one for every frame number skipped. Every frame with data decodes, so it is not truncated; cut short, it is.
     */
    @Test
    void anAviWithEmptyDropFrameEntriesIsNotTruncated() throws Exception {
        final Path avi = dir.resolve("drops.avi");
        final org.bytedeco.javacv.FFmpegFrameRecorder r = new org.bytedeco.javacv.FFmpegFrameRecorder(avi.toFile(), 64,
            48, 0);
        r.setFormat("avi");
        r.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG);
        r.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P);
        r.setFrameRate(10);
        r.start();
        final java.util.Random rnd = new java.util.Random(3);
        // frames 0..9, then 20..29, 40..49: 20 empty index entries in between
        for (int block = 0; block < 3; block++) {
            for (int i = 0; i < 10; i++) {
                r.setFrameNumber(block * 20 + i);
                final org.bytedeco.javacv.Frame f = new org.bytedeco.javacv.Frame(64, 48,
                    org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3);
                final java.nio.ByteBuffer b = (java.nio.ByteBuffer)f.image[0];
                final byte[] px = new byte[b.capacity()];
                rnd.nextBytes(px);
                b.put(px);
                r.record(f, org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24);
            }
        }
        r.stop();
        r.release();
        try (org.bytedeco.javacv.FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(avi.toFile())) {
            g.start();
            assertEquals(50, g.getLengthInVideoFrames(), "the header counts the drop frames");
        }
        final ClipInfo info = VideoProbe.probe(avi);
        assertEquals(30, info.frames(), "frames with data");
        assertEquals(5.0, info.durationSeconds(), 0.15);
        final Path cut = truncate(avi, "dropscut.avi", 0.5);
        assertProblem(cut, "dropscut", "is truncated: its index lists 50 video frames but only 15 can be read");
    }

    @Test
    void audioOnlyFileHasNoVideoStream() throws Exception {
        // an FLV with only audio: written through FFmpeg directly (ClipRecorder always writes video)
        final Path audioOnly = dir.resolve("voice.flv");
        final org.bytedeco.javacv.FFmpegFrameRecorder r = new org.bytedeco.javacv.FFmpegFrameRecorder(
            audioOnly.toFile(), 1);
        r.setFormat("flv");
        r.setAudioCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC);
        r.setSampleRate(16000);
        r.start();
        r.recordSamples(16000, 1, java.nio.FloatBuffer.wrap(new float[16000]));
        r.stop();
        r.release();
        assertProblem(audioOnly, "voice", "has no video stream (audio only)");
    }

    @Test
    void clipIds() {
        assertEquals("a.b", VideoProbe.clipId(Path.of("/x/a.b.mp4")));
        assertEquals("noext", VideoProbe.clipId(Path.of("noext")));
        assertEquals(".hidden", VideoProbe.clipId(Path.of(".hidden")));
    }

    @Test
    void listing() throws Exception {
        final Path root = Files.createDirectories(dir.resolve("listing"));
        Files.createDirectories(root.resolve("sub/deeper"));
        for (String name : List.of("b.FLV", "a.mp4", "c.txt", ".hidden.mp4", "sub/d.mkv", "sub/deeper/e.MOV",
            "sub/a.mp4")) {
            Files.writeString(root.resolve(name), "x");
        }
        assertEquals(List.of(root.resolve("a.mp4"), root.resolve("b.FLV")),
            ClipListing.list(root, false, null));
        final List<Path> all = ClipListing.list(root, true, ClipListing.DEFAULT_PATTERNS);
        assertEquals(Arrays.asList(root.resolve("a.mp4"), root.resolve("b.FLV"), root.resolve("sub/a.mp4"),
            root.resolve("sub/d.mkv"), root.resolve("sub/deeper/e.MOV")), all);
        assertEquals(List.of(root.resolve("sub/deeper/e.MOV")), ClipListing.list(root, true, "?.mov"));
        assertEquals(List.of("a"), List.copyOf(ClipListing.duplicateClipIds(all).keySet()));

        IOException e = assertThrows(IOException.class, () -> ClipListing.list(root.resolve("nope"), false, null));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("does not exist"), e.getMessage());
        final Path emptyDir = Files.createDirectories(dir.resolve("emptyfolder"));
        e = assertThrows(IOException.class, () -> ClipListing.list(emptyDir, false, "*.flv;*.mp4"));
        assertTrue(e.getMessage().contains("emptyfolder") && e.getMessage().contains("'*.flv, *.mp4'"),
            e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClipListing.compile("sub/*.mp4"));
        assertThrows(IllegalArgumentException.class, () -> ClipListing.compile(" , "));
    }

    private static Path truncate(final Path source, final String name, final double keep) throws IOException {
        final byte[] all = Files.readAllBytes(source);
        return Files.write(dir.resolve(name), Arrays.copyOf(all, (int)(all.length * keep)));
    }

    private static void assertProblem(final Path file, final String clipId, final String problem) {
        final ClipException e = assertThrows(ClipException.class, () -> VideoProbe.probe(file), file.toString());
        assertEquals(clipId, e.getClipId());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
