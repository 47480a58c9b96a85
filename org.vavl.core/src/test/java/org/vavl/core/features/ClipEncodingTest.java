package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.features.ClipEncoding.ClipInput;
import org.vavl.core.features.ModelAudioEncoder.LongAudio;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;
import org.vavl.testsupport.Oracles;

class ClipEncodingTest {

    @TempDir
    Path tmp;

    private List<ClipInput> faceTracks(final int n, final int frames) throws Exception {
        final Random rnd = new Random(7);
        final List<ClipInput> clips = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            final List<Mat> f = new ArrayList<>();
            for (int i = 0; i < frames + c; i++) {
                f.add(TestFaces.cartoon(c % 2 == 0, rnd, 64));
            }
            final Path p = tmp.resolve("tracks").resolve("clip" + c + ".mkv");
            Files.createDirectories(p.getParent());
            TestFaces.writeTrack(p, f);
            clips.add(new ClipInput("clip" + c, p));
        }
        return clips;
    }

    @Test
    void encodesRecordsSettingsAndSkipsUpToDateClips() throws Exception {
        final List<ClipInput> clips = faceTracks(3, 2);
        final Path out = tmp.resolve("features");
        try (HogFaceEncoder hog = new HogFaceEncoder()) {
            final ClipOutputStore store = ClipEncoding.storeFor(out, hog, Overwrite.IF_CHANGED);
            final List<EncodedClip> r = ClipEncoding.run(clips, hog, store, 2, OnError.FAIL, Progress.NONE);
            assertEquals(3, r.size());
            for (int c = 0; c < 3; c++) {
                assertTrue(r.get(c).ok());
                assertEquals("clip" + c, r.get(c).clipId());
                assertEquals(out.resolve("clip" + c + ".npy"), r.get(c).features());
                assertEquals(2 + c, r.get(c).frames());
                assertEquals(1764, r.get(c).dim());
                assertFalse(r.get(c).reused());
                final FeatureSequence f = Npy.read(r.get(c).features());
                assertEquals(2 + c, f.frames());
            }
            assertEquals(HogFaceEncoder.NAME, store.readSettings("clip0").get("encoder"));
            // again: nothing to do
            final List<EncodedClip> again = ClipEncoding.run(clips, hog, store, 2, OnError.FAIL, Progress.NONE);
            assertTrue(again.stream().allMatch(EncodedClip::reused));
        }
        // another encoder (a model) into the same folder makes them again and records the model checksum
        try (ModelFaceEncoder enc = ModelFaceEncoder.open(Fixtures.path("tiny_cnn.onnx"), 32)) {
            final ClipOutputStore store = ClipEncoding.storeFor(out, enc, Overwrite.IF_CHANGED);
            final List<EncodedClip> r = ClipEncoding.run(clips, enc, store, 1, OnError.FAIL, Progress.NONE);
            assertTrue(r.stream().noneMatch(EncodedClip::reused));
            assertEquals(16, r.get(0).dim());
            assertEquals(EncoderModel.sha256(Fixtures.path("tiny_cnn.onnx")), store.readSettings("clip1").get("model sha256"));
            assertTrue(ClipEncoding.run(clips, enc, store, 1, OnError.FAIL, Progress.NONE).stream()
                .allMatch(EncodedClip::reused));
        }
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".part-")));
        }
    }

    @Test
    void aReplacedInputIsEncodedAgainAndTwoRunsIntoOneFolderTakeTurns() throws Exception {
        final List<ClipInput> clips = faceTracks(3, 2);
        final Path out = tmp.resolve("replaced");
        try (HogFaceEncoder hog = new HogFaceEncoder()) {
            final ClipOutputStore store = ClipEncoding.storeFor(out, hog, Overwrite.IF_CHANGED);
            assertEquals(2, ClipEncoding.run(clips, hog, store, 1, OnError.FAIL, Progress.NONE).get(0).frames());
            // clip0's face track replaced by a longer one (same time): its features are made again
            final java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(clips.get(0).input());
            Files.copy(clips.get(2).input(), clips.get(0).input(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(clips.get(0).input(), t);
            final List<EncodedClip> r = ClipEncoding.run(clips, hog, store, 1, OnError.FAIL, Progress.NONE);
            assertFalse(r.get(0).reused());
            assertEquals(4, r.get(0).frames());
            assertEquals(4, Npy.read(out.resolve("clip0.npy")).frames());
            assertTrue(r.get(1).reused() && r.get(2).reused());

            // two runs at once into one folder: all complete, each clip encoded by one of them
            final Path shared = tmp.resolve("shared");
            final List<List<EncodedClip>> results = java.util.Collections.synchronizedList(new ArrayList<>());
            final List<Thread> runs = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                runs.add(new Thread(() -> {
                    try {
                        results.add(ClipEncoding.run(clips, hog, ClipEncoding.storeFor(shared, hog,
                            Overwrite.IF_CHANGED), 2, OnError.FAIL, Progress.NONE));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            runs.forEach(Thread::start);
            for (Thread t2 : runs) {
                t2.join();
            }
            assertEquals(2, results.size());
            final int[] made = new int[1];
            results.forEach(l -> l.forEach(c -> {
                assertTrue(c.ok(), c.error());
                made[0] += c.reused() ? 0 : 1;
            }));
            assertEquals(3, made[0]);
            try (Stream<Path> s = Files.list(shared)) {
                assertEquals(List.of("clip0.npy", "clip0.npy.settings", "clip1.npy", "clip1.npy.settings", "clip2.npy",
                    "clip2.npy.settings"), s.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }

    @Test
    void badClipsFailOrAreSkipped() throws Exception {
        final List<ClipInput> clips = new ArrayList<>(faceTracks(2, 1));
        clips.add(1, new ClipInput("nofile", null));
        clips.add(new ClipInput("gone", tmp.resolve("gone.mkv")));
        clips.add(new ClipInput("clip0", clips.get(0).input())); // the same clip again
        try (HogFaceEncoder hog = new HogFaceEncoder()) {
            final ClipOutputStore store = ClipEncoding.storeFor(tmp.resolve("f"), hog, Overwrite.IF_CHANGED);
            final List<EncodedClip> r = ClipEncoding.run(clips, hog, store, 2, OnError.SKIP, Progress.NONE);
            assertEquals(5, r.size());
            assertTrue(r.get(0).ok());
            assertFalse(r.get(1).ok());
            assertTrue(r.get(1).error().contains("'nofile' has no input file"), r.get(1).error());
            assertTrue(r.get(2).ok());
            assertFalse(r.get(3).ok());
            assertTrue(r.get(3).error().contains("gone.mkv") && r.get(3).error().contains("does not exist"));
            assertNull(r.get(3).features());
            assertEquals(r.get(0).features(), r.get(4).features());
            final ClipException e = assertThrows(ClipException.class,
                () -> ClipEncoding.run(clips, hog, store, 2, OnError.FAIL, Progress.NONE));
            assertEquals("nofile", e.getClipId());
            final List<ClipInput> clash = List.of(clips.get(0), new ClipInput("clip0", clips.get(2).input()));
            final ClipException e2 = assertThrows(ClipException.class,
                () -> ClipEncoding.run(clash, hog, store, 1, OnError.FAIL, Progress.NONE));
            assertTrue(e2.getMessage().contains("appears twice with different inputs"), e2.getMessage());
        }
    }

    @Test
    void cancellationLeavesNothingHalfWritten() throws Exception {
        final List<ClipInput> clips = faceTracks(3, 3);
        final AtomicBoolean cancel = new AtomicBoolean();
        final Progress p = new Progress() {
            @Override
            public void update(final double fraction, final String message) {
                cancel.set(true); // cancel after the first clip
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        final Path out = tmp.resolve("c");
        try (HogFaceEncoder hog = new HogFaceEncoder()) {
            assertThrows(CancelledException.class, () -> ClipEncoding.run(clips, hog,
                ClipEncoding.storeFor(out, hog, Overwrite.IF_CHANGED), 1, OnError.FAIL, p));
        }
        try (Stream<Path> s = Files.list(out)) {
            final List<Path> left = s.toList();
            assertTrue(left.stream().noneMatch(f -> f.getFileName().toString().contains(".part-")), left.toString());
            assertTrue(left.stream().filter(f -> f.toString().endsWith(".npy")).count() < 3, left.toString());
        }
    }

    @Test
    void audioBatchesOfSimilarLengthKeepTheClipOrder() throws Exception {
        final int[] lengths = {20000, 8000, 16000, 8100, 30000};
        final List<ClipInput> clips = new ArrayList<>();
        final Random rnd = new Random(9);
        for (int i = 0; i < lengths.length; i++) {
            final float[] x = new float[lengths[i]];
            for (int k = 0; k < x.length; k++) {
                x[k] = (float)(0.1 * rnd.nextGaussian());
            }
            final Path wav = tmp.resolve("a" + i + ".wav");
            Waveform.writePcm16(wav, x);
            clips.add(new ClipInput("a" + i, wav));
        }
        try (ModelAudioEncoder single = ModelAudioEncoder.open(Fixtures.path("tiny_wav2vec2.pt"),
            WaveformNormalisation.perUtterance(), LongAudio.CUT, 12, 1, "cpu");
            ModelAudioEncoder batched = ModelAudioEncoder.open(Fixtures.path("tiny_wav2vec2.pt"),
                WaveformNormalisation.perUtterance(), LongAudio.CUT, 12, 2, "cpu")) {
            final List<EncodedClip> a = ClipEncoding.run(clips, single,
                ClipEncoding.storeFor(tmp.resolve("s"), single, Overwrite.IF_CHANGED), 2, OnError.FAIL, Progress.NONE);
            final List<String> messages = new ArrayList<>();
            final List<EncodedClip> b = ClipEncoding.run(clips, batched,
                ClipEncoding.storeFor(tmp.resolve("b"), batched, Overwrite.IF_CHANGED), 2, OnError.FAIL,
                new Progress() {
                    @Override
                    public synchronized void update(final double fraction, final String message) {
                        messages.add(message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
            assertEquals(3, messages.size(), "5 clips in batches of 2: " + messages);
            assertTrue(messages.stream().anyMatch(m -> m.contains("a1 (+1 more)")), messages.toString());
            for (int i = 0; i < lengths.length; i++) {
                assertEquals("a" + i, b.get(i).clipId());
                // the model's frame rule (field 400, hop 320) gives each clip its own frame count
                assertEquals(1 + (lengths[i] - 400) / 320, a.get(i).frames());
                assertEquals(a.get(i).frames(), b.get(i).frames(), "clip a" + i);
            }
        }
    }

    @Test
    void existingFeatureFilesAreAttachedByClipId() throws Exception {
        final Path folder = Files.createDirectories(tmp.resolve("Face_features"));
        Npy.write(folder.resolve("1001_DFA_ANG_XX.npy"), new FeatureSequence(new float[6], 3, 2));
        Npy.write(folder.resolve("1001_DFA_HAP_XX.npy"), new FeatureSequence(new float[10], 5, 2));
        Npy.write(folder.resolve("odd.npy"), new FeatureSequence(new float[9], 3, 3));
        final List<EncodedClip> r = ExistingFeatures.attachAll(folder,
            List.of("1001_DFA_ANG_XX", "missing", "1001_DFA_HAP_XX", "odd"), OnError.SKIP, Progress.NONE);
        assertEquals(3, r.get(0).frames());
        assertEquals(2, r.get(0).dim());
        assertTrue(r.get(0).reused());
        assertTrue(r.get(1).error().contains("No feature file for clip 'missing'")
            && r.get(1).error().contains("missing.npy"), r.get(1).error());
        assertEquals(5, r.get(2).frames());
        assertTrue(r.get(3).error().contains("has 3 values per frame, the other clips 2"), r.get(3).error());
        assertThrows(ClipException.class,
            () -> ExistingFeatures.attachAll(folder, List.of("missing"), OnError.FAIL, Progress.NONE));
    }

    @Test
    void outputIsReadableByNumpy() throws Exception {
        Oracles.requirePython("numpy");
        final Path wav = tmp.resolve("n.wav");
        Waveform.writePcm16(wav, new float[16000]);
        try (LogMelEncoder enc = new LogMelEncoder()) {
            final List<EncodedClip> r = ClipEncoding.run(List.of(new ClipInput("n", wav)), enc,
                ClipEncoding.storeFor(tmp.resolve("np"), enc, Overwrite.IF_CHANGED), 1, OnError.FAIL, Progress.NONE);
            final String out = Fixtures.runPython(60, "-c",
                "import numpy, sys; a = numpy.load(sys.argv[1]); print(a.dtype, a.shape, float(a.min()))",
                r.get(0).features().toString());
            assertTrue(out.trim().startsWith("float32 (97, 80)"), out);
        }
    }
}
