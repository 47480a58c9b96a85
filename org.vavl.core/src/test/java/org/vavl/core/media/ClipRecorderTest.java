package org.vavl.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipRecorderTest {

    @TempDir
    Path dir;

    @Test
    void mp4WithAudioHasEveryFrameAndTheTone() throws Exception {
        final Path clip = ClipRecorder.writeTestClip(dir.resolve("a.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120,
            25, 2.0, 16000, 1);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile())) {
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            g.start();
            assertTrue(g.getFormat().contains("mp4"), g.getFormat());
            assertEquals("h264", g.getVideoCodecName());
            assertEquals("aac", g.getAudioCodecName());
            assertEquals(160, g.getImageWidth());
            assertEquals(120, g.getImageHeight());
            assertEquals(25.0, g.getVideoFrameRate(), 0.01);
            assertEquals(16000, g.getSampleRate());
            assertEquals(1, g.getAudioChannels());
            int frames = 0;
            long samples = 0;
            double sumSq = 0;
            Frame f;
            while ((f = g.grab()) != null) {
                if (f.image != null) {
                    frames++;
                }
                if (f.samples != null) {
                    final FloatBuffer fb = (FloatBuffer)f.samples[0];
                    while (fb.hasRemaining()) {
                        final float v = fb.get();
                        sumSq += v * v;
                        samples++;
                    }
                }
            }
            assertEquals(50, frames);
            assertEquals(32000, samples, 1100, "about 2 s of audio (AAC frames of 1024)");
            // 0.25 amplitude sine: RMS 0.177
            assertEquals(0.177, Math.sqrt(sumSq / samples), 0.02);
        }
        assertNoPartFiles();
    }

    @Test
    void flvWithMp3AndWithoutAudio() throws Exception {
        final Path flv = ClipRecorder.writeTestClip(dir.resolve("b.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 176, 144,
            30, 1.0, 44100, 2);
        final Path silent = ClipRecorder.writeTestClip(dir.resolve("c.mp4"), ClipRecorder.Format.MP4_H264_AAC, 64, 48,
            10, 1.0, 0, 0);
        final Path flvH264 = ClipRecorder.writeTestClip(dir.resolve("d.flv"), ClipRecorder.Format.FLV_H264_AAC, 64, 48,
            15, 1.0, 16000, 1);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(flv.toFile())) {
            g.start();
            assertEquals("flv1", avcodec.avcodec_get_name(g.getVideoCodec()).getString());
            assertEquals("mp3", avcodec.avcodec_get_name(g.getAudioCodec()).getString());
            assertEquals(2, g.getAudioChannels());
            assertEquals(44100, g.getSampleRate());
            assertEquals(30, countImages(g));
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(silent.toFile())) {
            g.start();
            assertFalse(g.hasAudio());
            assertEquals(10, countImages(g));
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(flvH264.toFile())) {
            g.start();
            assertEquals("h264", g.getVideoCodecName());
            assertEquals("aac", g.getAudioCodecName());
            assertEquals(15, countImages(g));
        }
        assertNoPartFiles();
    }

    @Test
    void bufferedImageFramesKeepTheirColours() throws Exception {
        final Path clip = dir.resolve("colours.mp4");
        try (ClipRecorder rec = ClipRecorder.builder(clip, 64, 64).frameRate(30).start()) {
            final BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            final Graphics2D g = img.createGraphics();
            g.setColor(new Color(200, 40, 40));
            g.fillRect(0, 0, 64, 64);
            g.dispose();
            for (int i = 0; i < 5; i++) {
                rec.addFrame(img);
            }
            final byte[] rgb = new byte[64 * 64 * 3];
            for (int i = 0; i < rgb.length; i += 3) {
                rgb[i + 2] = (byte)200; // blue in RGB order
            }
            rec.addFrameRgb(rgb);
            assertEquals(6, rec.framesWritten());
            rec.finish();
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile());
            Java2DFrameConverter conv = new Java2DFrameConverter()) {
            g.start();
            final BufferedImage first = conv.convert(g.grabImage());
            final Color c = new Color(first.getRGB(32, 32));
            assertEquals(200, c.getRed(), 12);
            assertEquals(40, c.getGreen(), 12);
            assertEquals(40, c.getBlue(), 12);
            Frame f = null;
            for (int i = 0; i < 5; i++) {
                f = g.grabImage();
            }
            assertNotNull(f);
            final Color last = new Color(conv.convert(f).getRGB(32, 32));
            assertTrue(last.getBlue() > 170 && last.getRed() < 30, "last frame is blue: " + last);
        }
    }

    @Test
    void closeWithoutFinishLeavesNothing() throws Exception {
        final Path clip = dir.resolve("partial.mp4");
        try (ClipRecorder rec = ClipRecorder.builder(clip, 32, 32).audio(16000, 1).start()) {
            rec.addFrameBgr(new byte[32 * 32 * 3]);
            rec.addAudio(new float[1600]);
        }
        assertFalse(Files.exists(clip));
        assertNoPartFiles();
    }

    @Test
    void badSettingsAndFramesAreNamed() throws Exception {
        final Path clip = dir.resolve("bad.flv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ClipRecorder.builder(clip, 31, 32).start());
        assertTrue(e.getMessage().contains("31x32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClipRecorder.builder(clip, 32, 32)
            .format(ClipRecorder.Format.FLV_FLV1_MP3).audio(16000, 1).start());
        assertTrue(e.getMessage().contains("16000") && e.getMessage().contains("FLV"), e.getMessage());
        try (ClipRecorder rec = ClipRecorder.builder(dir.resolve("x.mp4"), 32, 32).start()) {
            e = assertThrows(IllegalArgumentException.class, () -> rec.addFrameBgr(new byte[10]));
            assertTrue(e.getMessage().contains("x.mp4") && e.getMessage().contains("3072"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> rec.addAudio(new float[10]));
        }
        final java.io.IOException io = assertThrows(java.io.IOException.class,
            () -> ClipRecorder.builder(dir.resolve("nofolder/y.mp4"), 32, 32).start());
        assertTrue(io.getMessage().contains("does not exist"), io.getMessage());
        assertEquals(ClipRecorder.Format.FLV_FLV1_MP3, ClipRecorder.Format.fromSetting("FLV"));
        assertThrows(IllegalArgumentException.class, () -> ClipRecorder.Format.fromSetting("webm"));
        assertNoPartFiles();
    }

    private static int countImages(final FFmpegFrameGrabber g) throws Exception {
        int n = 0;
        while (g.grabImage() != null) {
            n++;
        }
        return n;
    }

    private void assertNoPartFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no .part file left");
        }
    }
}
