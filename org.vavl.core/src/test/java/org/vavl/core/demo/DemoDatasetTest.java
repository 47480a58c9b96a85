package org.vavl.core.demo;

import static org.vavl.core.demo.DemoSettings.CLIPS_PER_EMOTION;
import static org.vavl.core.demo.DemoSettings.DEV_SPEAKERS;
import static org.vavl.core.demo.DemoSettings.HEIGHT;
import static org.vavl.core.demo.DemoSettings.SEED;
import static org.vavl.core.demo.DemoSettings.SPEAKERS;
import static org.vavl.core.demo.DemoSettings.TEST_SPEAKERS;
import static org.vavl.core.demo.DemoSettings.THREADS;
import static org.vavl.core.demo.DemoSettings.WIDTH;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.media.ClipInfo;
import org.vavl.core.media.VideoProbe;
import org.vavl.core.util.Progress;

class DemoDatasetTest {

    @TempDir
    static Path dir;

    /** 2 speakers x 6 emotions x 1 clip at the default frame size, made with 2 threads. */
    static final DemoSettings SMALL = DemoSettings.SETTINGS.builder().set(SPEAKERS, 2).set(CLIPS_PER_EMOTION, 1)
        .set(DEV_SPEAKERS, 0).set(TEST_SPEAKERS, 1).set(SEED, 11).build();

    static DemoDataset.Result result;

    @BeforeAll
    static void generate() throws Exception {
        result = DemoDataset.generate(dir.resolve("a"), SMALL.toBuilder().set(THREADS, 2).build(), Progress.NONE);
        System.out.printf("Demo dataset: %d clips in %.1f s%n", result.clips().size(), result.seconds());
    }

    @Test
    void sameSeedGivesTheSameDataset() throws Exception {
        // a smaller dataset twice, with 2 threads and with 1
        final DemoSettings tiny = DemoSettings.SETTINGS.builder().set(SPEAKERS, 1).set(CLIPS_PER_EMOTION, 1)
            .set(DEV_SPEAKERS, 0).set(TEST_SPEAKERS, 0).set(WIDTH, 240).set(HEIGHT, 180).set(SEED, 5).build();
        final DemoDataset.Result first = DemoDataset.generate(dir.resolve("b1"), tiny.toBuilder().set(THREADS, 2).build(), Progress.NONE);
        final DemoDataset.Result again = DemoDataset.generate(dir.resolve("b2"), tiny.toBuilder().set(THREADS, 1).build(), Progress.NONE);
        assertEquals(Files.readString(first.labelFile()), Files.readString(again.labelFile()));
        for (int i : new int[] {0, 5}) {
            final Path a = first.clips().get(i).video();
            final Path b = again.clips().get(i).video();
            assertEquals(a.getFileName(), b.getFileName());
            assertArrayEquals(firstFrame(a), firstFrame(b), "first frame of " + a.getFileName());
        }
        // another seed: other speakers, intensities and labels
        assertFalse(DemoDataset.isComplete(dir.resolve("a"), SMALL.toBuilder().set(SEED, 12).build()));
        assertTrue(DemoDataset.isComplete(dir.resolve("a"), SMALL));
        assertFalse(DemoDataset.ensure(dir.resolve("a"), SMALL, Progress.NONE), "complete dataset is kept");
    }

    @Test
    void labelFileIsInCremaDFormat() throws Exception {
        final List<String> lines = Files.readAllLines(result.labelFile());
        assertTrue(Files.readString(result.labelFile()).contains("\r\n"), "CRLF like CREMA-D's files");
        assertEquals("FileName,angry,sad,disgust,fear,neutral,happy,SpkrID,Gender,Split_Set", lines.get(0));
        assertEquals(13, lines.size());
        final Map<String, String> splitOfSpeaker = new HashMap<>();
        final Set<String> emotions = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",");
            assertEquals(10, f.length, line);
            assertTrue(f[0].matches("100[12]_[A-Z]{3}_(ANG|SAD|DIS|FEA|NEU|HAP)_(LO|MD|HI|XX)\\.wav"), f[0]);
            double sum = 0;
            int argmax = 0;
            for (int k = 0; k < 6; k++) {
                final double v = Double.parseDouble(f[1 + k]);
                assertTrue(v >= 0.01 && v <= 1, line);
                sum += v;
                if (v > Double.parseDouble(f[1 + argmax])) {
                    argmax = k;
                }
            }
            assertEquals(1.0, sum, 1e-9, line);
            final DemoEmotion truth = DemoEmotion.values()[argmax];
            assertEquals(truth.code(), f[0].split("_")[2], "true class dominant: " + line);
            emotions.add(truth.columnName());
            assertEquals(f[0].substring(0, 4), f[7]);
            assertTrue(f[8].equals("Female") || f[8].equals("Male"), line);
            assertTrue(Set.of("Train", "Development", "Test").contains(f[9]), line);
            final String before = splitOfSpeaker.put(f[7], f[9]);
            assertTrue(before == null || before.equals(f[9]), "one split per speaker: " + line);
            assertTrue(Files.isRegularFile(result.videoFolder().resolve(f[0].replace(".wav", ".mp4"))));
        }
        assertEquals(6, emotions.size());
        assertEquals(Set.of("Train", "Test"), new TreeSet<>(splitOfSpeaker.values()));
    }

    @Test
    void clipsProbeAsSettingsSay() throws Exception {
        for (DemoDataset.DemoClip c : result.clips()) {
            final ClipInfo info = VideoProbe.probe(c.video());
            assertEquals(c.clipId(), info.clipId());
            assertEquals(480, info.width());
            assertEquals(360, info.height());
            assertEquals(30.0, info.fps(), 1e-6);
            assertEquals("h264", info.videoCodec());
            assertTrue(info.hasAudio());
            assertEquals(16000, info.audioSampleRate());
            assertEquals(1, info.audioChannels());
            assertTrue(info.durationSeconds() > 1.8 && info.durationSeconds() < 3.8, info.toString());
            assertEquals(info.durationSeconds() * 30, info.frames(), 2.0, info.toString());
        }
    }

    @Test
    void faceIsFoundByTheHaarCascade() throws Exception {
        final Path cascadeFile = Files.createTempFile(dir, "haar", ".xml");
        try (InputStream in = CascadeClassifier.class.getResourceAsStream(
            "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_alt.xml")) {
            Files.copy(in, cascadeFile, StandardCopyOption.REPLACE_EXISTING);
        }
        int sampled = 0;
        int found = 0;
        try (CascadeClassifier cascade = new CascadeClassifier(cascadeFile.toString());
            OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
            Mat gray = new Mat(); RectVector faces = new RectVector()) {
            for (DemoDataset.DemoClip c : result.clips()) {
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(c.video().toFile())) {
                    g.start();
                    Frame f;
                    int i = 0;
                    while ((f = g.grabImage()) != null) {
                        if (i++ % 10 != 0) {
                            continue;
                        }
                        opencv_imgproc.cvtColor(conv.convert(f), gray, opencv_imgproc.COLOR_BGR2GRAY);
                        opencv_imgproc.equalizeHist(gray, gray);
                        cascade.detectMultiScale(gray, faces, 1.1, 3, 0, new Size(60, 60), new Size());
                        sampled++;
                        if (faces.size() == 1) {
                            found++;
                        }
                    }
                }
            }
        }
        final double ratio = found / (double)sampled;
        System.out.printf("Haar frontal face found in %d of %d sampled frames (%.3f)%n", found, sampled, ratio);
        assertTrue(ratio >= 0.9, "face found in " + ratio + " of sampled frames");
    }

    @Test
    void voiceCarriesTheEmotion() throws Exception {
        // the same speaker: angry is louder than sad; the voice is speech-like (silence around it)
        double angry = 0;
        double sad = 0;
        for (DemoDataset.DemoClip c : result.clips()) {
            if (c.emotion() == DemoEmotion.ANGRY) {
                angry += rms(c.video());
            } else if (c.emotion() == DemoEmotion.SAD) {
                sad += rms(c.video());
            }
        }
        assertTrue(angry > 1.8 * sad, "angry RMS " + angry + " vs sad " + sad);
    }

    @Test
    void badSettingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DemoSettings.SETTINGS.builder().set(CLIPS_PER_EMOTION, 13).build());
        assertTrue(e.getMessage().contains("Clips per emotion"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DemoSettings.SETTINGS.builder().set(SPEAKERS, 3).build());
        assertTrue(e.getMessage().contains("Speakers is 3"), e.getMessage());
        assertEquals(6 * 8 * 4, DemoSettings.defaults().clipCount());
    }

    /**
     * The first frame's pixels, BGR rows packed. The grabber's rows are padded (a 240-pixel row of 720 bytes is 768
     * bytes apart) and the padding is whatever memory the buffer got: comparing it made this test fail now and then.
     */
    private static byte[] firstFrame(final Path video) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.start();
            final Frame f = g.grabImage();
            final java.nio.ByteBuffer b = (java.nio.ByteBuffer)f.image[0];
            final int row = f.imageWidth * f.imageChannels;
            final byte[] out = new byte[row * f.imageHeight];
            for (int y = 0; y < f.imageHeight; y++) {
                b.get(y * f.imageStride, out, y * row, row);
            }
            return out;
        }
    }

    private static double rms(final Path video) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            g.start();
            double sum = 0;
            long n = 0;
            Frame f;
            while ((f = g.grabSamples()) != null) {
                final FloatBuffer fb = (FloatBuffer)f.samples[0];
                while (fb.hasRemaining()) {
                    final float v = fb.get();
                    sum += v * v;
                    n++;
                }
            }
            return Math.sqrt(sum / n);
        }
    }
}
