package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.core.model.Task;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

class AuxFormerTrainerTest {

    static final List<String> CLASSES = List.of("angry", "happy", "sad");

    @TempDir
    static Path dir;

    static List<FeatureClip> clips;

    static AuxFormerTrainer.Result trained;

    static long trainMillis;

    @BeforeAll
    static void trainOnce() throws Exception {
        clips = Synthetic.categorical(dir.resolve("cat"), 120, 3, 1, "Train", "Train", "Development", "Test");
        final long t0 = System.nanoTime();
        trained = AuxFormerTrainer.train(clips, CLASSES, Synthetic.smallNet().build(), Task.CATEGORICAL,
            Synthetic.fastSettings()
                .set(TrainingSettings.SEED, 3).build(), "Train", "Development", OnError.FAIL, Progress.NONE);
        trainMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    static List<FeatureClip> split(final List<FeatureClip> all, final String value) {
        return all.stream().filter(c -> value.equals(c.split())).collect(Collectors.toList());
    }

    static List<AuxFormerPredictor.ClipPrediction> predict(final TrainedAuxFormer model, final List<FeatureClip> c,
        final int batch) throws Exception {
        try (AuxFormerPredictor p = AuxFormerPredictor.open(model, "cpu")) {
            return p.predict(c, batch, 1, OnError.FAIL, Progress.NONE);
        }
    }

    @Test
    void learnsSeparableClassesAndReportsHistory() throws Exception {
        final List<EpochRecord> h = trained.history();
        System.out.println("categorical training: " + trainMillis + " ms");
        h.forEach(System.out::println);
        assertEquals(6, h.size());
        assertEquals(1, h.stream().filter(EpochRecord::selected).count());
        final EpochRecord sel = h.stream().filter(EpochRecord::selected).findFirst().get();
        assertEquals(h.stream().mapToDouble(EpochRecord::devCriterion).min().getAsDouble(), sel.devCriterion());
        assertTrue(h.get(h.size() - 1).fusionLoss() < h.get(0).fusionLoss(), "fusion loss falls");
        assertTrue(Double.isNaN(h.get(0).jointLoss()));
        assertEquals(60, trained.trainClips());
        assertEquals(30, trained.devClips());
        final List<FeatureClip> test = split(clips, "Test");
        final List<AuxFormerPredictor.ClipPrediction> pred = predict(trained.model(), test, 8);
        final double[] acc = new double[3];
        for (int i = 0; i < test.size(); i++) {
            final AuxFormerPredictor.ClipPrediction p = pred.get(i);
            assertEquals(AuxFormerPredictor.InputUsed.AUDIOVISUAL, p.inputUsed());
            float sum = 0;
            for (float f : p.audiovisual()) {
                sum += f;
            }
            assertEquals(1f, sum, 1e-5f, "probabilities");
            acc[0] += Losses.argmax(p.audiovisual()) == test.get(i).classIndex() ? 1 : 0;
            acc[1] += Losses.argmax(p.audioOnly()) == test.get(i).classIndex() ? 1 : 0;
            acc[2] += Losses.argmax(p.visualOnly()) == test.get(i).classIndex() ? 1 : 0;
        }
        for (int k = 0; k < 3; k++) {
            acc[k] /= test.size();
        }
        System.out.printf("held-out accuracy: audiovisual %.3f audio-only %.3f visual-only %.3f%n", acc[0], acc[1],
            acc[2]);
        assertTrue(acc[0] >= 0.9, "audiovisual accuracy " + acc[0]);
    }

    @Test
    void theModelCarriesTemperaturesFittedOnDevelopmentAndPredictionsUseThem() throws Exception {
        final TrainedAuxFormer m = trained.model();
        assertTrue(Calibration.isCalibrated(m), m.info().toString());
        final double[] t = Calibration.temperatures(m);
        for (double x : t) {
            assertTrue(x >= Calibration.MIN_T && x <= Calibration.MAX_T, java.util.Arrays.toString(t));
        }
        assertEquals("30 development clips", m.info().get("Calibrated on"));
        // the stored temperature is the best one on the development clips' logits
        final List<FeatureClip> dev = split(clips, "Development");
        final List<AuxFormerPredictor.ClipPrediction> devRaw;
        try (AuxFormerPredictor p = AuxFormerPredictor.open(m, "cpu")) {
            devRaw = p.predictLogits(dev, 8);
        }
        final List<float[]> av = devRaw.stream().map(AuxFormerPredictor.ClipPrediction::audiovisual).toList();
        final int[] y = dev.stream().mapToInt(FeatureClip::classIndex).toArray();
        assertEquals(Calibration.fitTemperature(av, y), t[0], 1e-5);
        // predictions: softmax(logits / T) per head, the same classes as without temperature
        final List<FeatureClip> test = split(clips, "Test");
        final List<AuxFormerPredictor.ClipPrediction> raw;
        final List<AuxFormerPredictor.ClipPrediction> calibrated;
        try (AuxFormerPredictor p = AuxFormerPredictor.open(m, "cpu")) {
            raw = p.predictLogits(test, 8);
            calibrated = p.predict(test, 8, 1, OnError.FAIL, Progress.NONE);
        }
        for (int i = 0; i < test.size(); i++) {
            assertArrayEquals(Calibration.softmax(raw.get(i).audiovisual(), t[0]), calibrated.get(i).audiovisual(),
                1e-6f);
            assertArrayEquals(Calibration.softmax(raw.get(i).audioOnly(), t[1]), calibrated.get(i).audioOnly(), 1e-6f);
            assertArrayEquals(Calibration.softmax(raw.get(i).visualOnly(), t[2]), calibrated.get(i).visualOnly(),
                1e-6f);
            assertEquals(Losses.argmax(raw.get(i).audiovisual()), Losses.argmax(calibrated.get(i).audiovisual()));
        }
        // a model written before calibration existed: temperature 1, plain softmax
        final java.util.Map<String, String> info = new java.util.LinkedHashMap<>(m.info());
        Calibration.KEYS.forEach(info::remove);
        final TrainedAuxFormer old = m.withInfo(info);
        assertFalse(Calibration.isCalibrated(old));
        assertArrayEquals(new double[] {1, 1, 1}, Calibration.temperatures(old), 0);
        final List<AuxFormerPredictor.ClipPrediction> plain = predict(old, test, 8);
        assertArrayEquals(Losses.softmax(raw.get(0).audiovisual()), plain.get(0).audiovisual(), 1e-6f);
        // saved and loaded, the temperatures stay
        final TrainedAuxFormer back = TrainedAuxFormer.load(new java.io.ByteArrayInputStream(m.toBytes()));
        assertArrayEquals(t, Calibration.temperatures(back), 0);
    }

    /** A sequence whose first half shows class {@code a} and second half class {@code b}. */
    private static Path changing(final String name, final int frames, final int a, final int b, final int dim)
        throws Exception {
        final java.util.Random r = new java.util.Random(5);
        final FeatureSequence first = Npy.read(Synthetic.write(dir.resolve("changing"), name + "-1", frames / 2,
            Synthetic.classPattern(a, dim), 0.5f, r));
        final FeatureSequence second = Npy.read(Synthetic.write(dir.resolve("changing"), name + "-2", frames / 2,
            Synthetic.classPattern(b, dim), 0.5f, r));
        final float[] v = java.util.Arrays.copyOf(first.values(), first.values().length + second.values().length);
        System.arraycopy(second.values(), 0, v, first.values().length, second.values().length);
        final Path p = dir.resolve("changing").resolve(name + ".npy");
        Npy.write(p, new FeatureSequence(v, frames, dim));
        return p;
    }

    @Test
    void emotionOverTimeFollowsAClipWhoseEmotionChangesHalfway() throws Exception {
        // 8 s: class 0 in the first 4 s, class 2 in the last 4 s (audio 5 frames/s, visual 2.5 frames/s)
        final FeatureClip clip = FeatureClip.unlabelled("turns", changing("turns-a", 40, 0, 2, Synthetic.AUDIO_DIM),
            changing("turns-v", 20, 0, 2, Synthetic.VISUAL_DIM));
        final List<EmotionTimeline.Window> w;
        try (AuxFormerPredictor p = AuxFormerPredictor.open(trained.model(), "cpu")) {
            w = EmotionTimeline.predict(p, List.of(clip), new double[] {8}, 3, 1, 8, 1, Progress.NONE);
        }
        final List<EmotionTimeline.Window> av = w.stream().filter(x -> x.modality().equals("audiovisual")).toList();
        assertEquals(6, av.size(), "windows 0-3, 1-4, ..., 5-8");
        assertEquals(18, w.size(), "three modalities per window");
        assertEquals(0.0, av.get(0).start());
        assertEquals(8.0, av.get(5).end());
        assertEquals(0, Losses.argmax(av.get(0).values()), "the first window is class 0");
        assertEquals(2, Losses.argmax(av.get(5).values()), "the last window is class 2");
        // a clip shorter than a window: one window, the whole clip, the same as predicting the clip
        final List<EmotionTimeline.Window> one;
        final FeatureClip shortClip = split(clips, "Test").get(0);
        try (AuxFormerPredictor p = AuxFormerPredictor.open(trained.model(), "cpu")) {
            one = EmotionTimeline.predict(p, List.of(shortClip), new double[] {1.5}, 2, 0.5, 8, 1, Progress.NONE);
        }
        assertEquals(3, one.size());
        assertEquals(1.5, one.get(0).end());
        assertArrayEquals(predict(trained.model(), List.of(shortClip), 1).get(0).audiovisual(), one.get(0).values(),
            1e-6f);
    }

    @Test
    void clipPredictionDoesNotDependOnItsBatchButOnFrameOrder() throws Exception {
        final List<FeatureClip> test = split(clips, "Test").subList(0, 8);
        final List<AuxFormerPredictor.ClipPrediction> alone = predict(trained.model(), test, 1);
        final List<AuxFormerPredictor.ClipPrediction> batched = predict(trained.model(), test, 8);
        for (int i = 0; i < test.size(); i++) {
            assertArrayEquals(alone.get(i).audiovisual(), batched.get(i).audiovisual(), 1e-5f, test.get(i).id());
            assertArrayEquals(alone.get(i).audioOnly(), batched.get(i).audioOnly(), 1e-5f);
            assertArrayEquals(alone.get(i).visualOnly(), batched.get(i).visualOnly(), 1e-5f);
        }
        // shuffle the frames of one clip: its prediction changes (time is modelled), the others' do not
        final FeatureClip c = test.get(3);
        final FeatureSequence a = Npy.read(c.audio());
        final Path shuffled = dir.resolve("shuffled.npy");
        Npy.write(shuffled, shuffleFrames(a, new Random(5)));
        final List<FeatureClip> changed = new ArrayList<>(test);
        changed.set(3, FeatureClip.unlabelled(c.id(), shuffled, c.visual()));
        final List<AuxFormerPredictor.ClipPrediction> after = predict(trained.model(), changed, 8);
        double diff = 0;
        for (int k = 0; k < 3; k++) {
            diff += Math.abs(after.get(3).audioOnly()[k] - batched.get(3).audioOnly()[k]);
        }
        assertTrue(diff > 1e-4, "shuffled frames change the audio-only prediction (diff " + diff + ")");
        for (int i = 0; i < test.size(); i++) {
            if (i != 3) {
                assertArrayEquals(batched.get(i).audiovisual(), after.get(i).audiovisual(), 1e-5f);
            }
        }
    }

    static FeatureSequence shuffleFrames(final FeatureSequence s, final Random r) {
        final List<Integer> order = new ArrayList<>();
        for (int t = 0; t < s.frames(); t++) {
            order.add(t);
        }
        java.util.Collections.shuffle(order, r);
        final float[] v = new float[s.values().length];
        for (int t = 0; t < s.frames(); t++) {
            System.arraycopy(s.values(), order.get(t) * s.dim(), v, t * s.dim(), s.dim());
        }
        return new FeatureSequence(v, s.frames(), s.dim());
    }

    @Test
    void saveLoadRoundTripGivesIdenticalPredictionsAndOtherVersionsAreRefused() throws Exception {
        final TrainedAuxFormer m = trained.model();
        final byte[] bytes = m.toBytes();
        final TrainedAuxFormer back = TrainedAuxFormer.load(new ByteArrayInputStream(bytes));
        assertEquals(m.config(), back.config());
        assertEquals(CLASSES, back.labelNames());
        assertArrayEquals(m.stats(Modality.AUDIO).mean(), back.stats(Modality.AUDIO).mean());
        assertArrayEquals(m.stats(Modality.VISUAL).std(), back.stats(Modality.VISUAL).std());
        assertEquals(m.versions(), back.versions());
        final List<FeatureClip> test = split(clips, "Test");
        final List<AuxFormerPredictor.ClipPrediction> p1 = predict(m, test, 8);
        final List<AuxFormerPredictor.ClipPrediction> p2 = predict(back, test, 8);
        for (int i = 0; i < test.size(); i++) {
            assertArrayEquals(p1.get(i).audiovisual(), p2.get(i).audiovisual(), 0f);
            assertArrayEquals(p1.get(i).audioOnly(), p2.get(i).audioOnly(), 0f);
        }
        // a model written by an older format version
        final byte[] old = bytes.clone();
        ByteBuffer.wrap(old).putInt(TrainedAuxFormer.MAGIC.length, TrainedAuxFormer.FORMAT_VERSION - 1);
        final IOException e = assertThrows(IOException.class, () -> TrainedAuxFormer.load(new ByteArrayInputStream(old)));
        assertTrue(e.getMessage().contains("format version " + (TrainedAuxFormer.FORMAT_VERSION - 1))
            && e.getMessage().contains("format version " + TrainedAuxFormer.FORMAT_VERSION)
            && e.getMessage().contains("Train the model again"), e.getMessage());
        final IOException junk = assertThrows(IOException.class,
            () -> TrainedAuxFormer.load(new ByteArrayInputStream("hello".getBytes())));
        assertTrue(junk.getMessage().contains("not an AuxFormer model"), junk.getMessage());
        final IOException cut = assertThrows(IOException.class,
            () -> TrainedAuxFormer.load(new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, bytes.length / 2))));
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    }

    @Test
    void aClipWithOneModalityIsPredictedFromIt() throws Exception {
        final List<FeatureClip> test = split(clips, "Test").subList(0, 4);
        final Path empty = dir.resolve("empty.npy");
        Npy.write(empty, new FeatureSequence(new float[0], 0, Synthetic.VISUAL_DIM));
        final List<FeatureClip> in = List.of(test.get(0),
            FeatureClip.unlabelled("noVisual", test.get(1).audio(), null),
            FeatureClip.unlabelled("zeroVisualFrames", test.get(2).audio(), empty),
            FeatureClip.unlabelled("noAudio", null, test.get(3).visual()),
            FeatureClip.unlabelled("nothing", null, null),
            FeatureClip.unlabelled("gone", dir.resolve("gone.npy"), test.get(3).visual()));
        final List<AuxFormerPredictor.ClipPrediction> full = predict(trained.model(), test, 8);
        try (AuxFormerPredictor p = AuxFormerPredictor.open(trained.model(), "cpu")) {
            final List<AuxFormerPredictor.ClipPrediction> out = p.predict(in, 8, 2, OnError.SKIP, Progress.NONE);
            assertEquals(AuxFormerPredictor.InputUsed.AUDIOVISUAL, out.get(0).inputUsed());
            assertEquals(AuxFormerPredictor.InputUsed.AUDIO_ONLY, out.get(1).inputUsed());
            assertArrayEquals(full.get(1).audioOnly(), out.get(1).audiovisual(), 1e-5f);
            assertNull(out.get(1).visualOnly());
            assertEquals(AuxFormerPredictor.InputUsed.AUDIO_ONLY, out.get(2).inputUsed());
            assertEquals(AuxFormerPredictor.InputUsed.VISUAL_ONLY, out.get(3).inputUsed());
            assertArrayEquals(full.get(3).visualOnly(), out.get(3).audiovisual(), 1e-5f);
            assertNull(out.get(3).audioOnly());
            assertFalse(out.get(4).ok());
            assertTrue(out.get(4).error().contains("neither audio nor visual"), out.get(4).error());
            assertTrue(out.get(5).error().contains("gone.npy"), out.get(5).error());
            // on error = fail: the missing file stops the run, naming the clip
            final org.vavl.core.util.ClipException e = assertThrows(org.vavl.core.util.ClipException.class,
                () -> p.predict(in, 8, 1, OnError.FAIL, Progress.NONE));
            assertEquals("nothing", e.getClipId());
        }
    }

    @Test
    void dimsThatDifferFromTheModelNameClipAndBothDims() throws Exception {
        final Path odd = Synthetic.write(dir.resolve("odd"), "wide", 5, new float[Synthetic.AUDIO_DIM + 2], 1f,
            new Random(1));
        final List<FeatureClip> in = List.of(FeatureClip.unlabelled("wide", odd, null));
        final org.vavl.core.util.ClipException e = assertThrows(org.vavl.core.util.ClipException.class,
            () -> predict(trained.model(), in, 8));
        assertTrue(e.getMessage().contains("'wide'") && e.getMessage().contains("dimension " + (Synthetic.AUDIO_DIM + 2))
            && e.getMessage().contains("expects " + Synthetic.AUDIO_DIM), e.getMessage());
    }

    @Test
    void emptySplitsAreRefusedClearly() {
        final IllegalArgumentException noTrain = assertThrows(IllegalArgumentException.class,
            () -> AuxFormerTrainer.train(clips, CLASSES, Synthetic.smallNet().build(), Task.CATEGORICAL,
                Synthetic.fastSettings().build(), "Training", "Development", OnError.FAIL, Progress.NONE));
        assertTrue(noTrain.getMessage().contains("training split is empty")
            && noTrain.getMessage().contains("'Training'") && noTrain.getMessage().contains("Train, Development, Test"),
            noTrain.getMessage());
        final IllegalArgumentException noDev = assertThrows(IllegalArgumentException.class,
            () -> AuxFormerTrainer.train(split(clips, "Train"), CLASSES, Synthetic.smallNet().build(),
                Task.CATEGORICAL, Synthetic.fastSettings().build(), "Train", "Development", OnError.FAIL,
                Progress.NONE));
        assertTrue(noDev.getMessage().contains("development split is empty"), noDev.getMessage());
    }

    @Test
    void cancellationStopsWithinABatchAndGivesNoModel() {
        final AtomicInteger updates = new AtomicInteger();
        final Progress cancelAfterThree = new Progress() {
            @Override
            public void update(final double fraction, final String message) {
                if (message != null && message.startsWith("Epoch")) {
                    updates.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelled() {
                return updates.get() >= 3;
            }
        };
        assertThrows(CancelledException.class,
            () -> AuxFormerTrainer.train(clips, CLASSES, Synthetic.smallNet().build(), Task.CATEGORICAL,
                Synthetic.fastSettings().build(), "Train", "Development", OnError.FAIL, cancelAfterThree));
        assertEquals(3, updates.get(), "stopped right after the third batch");
    }
}
