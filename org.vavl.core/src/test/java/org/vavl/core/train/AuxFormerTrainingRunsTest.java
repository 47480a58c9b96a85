package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vavl.core.model.Architecture;
import org.vavl.core.model.AuxFormerConfig;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.model.Task;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

/** Training runs other than the shared categorical one: dimensional learning, reproducibility, options. */
class AuxFormerTrainingRunsTest {

    static final List<String> ATTRIBUTES = List.of("arousal", "dominance", "valence");

    @TempDir
    Path dir;

    @Test
    void learnsAttributesWithCccAbove08() throws Exception {
        final List<FeatureClip> clips = Synthetic.dimensional(dir, 160, 4, "Train", "Train", "Development", "Test");
        final long t0 = System.nanoTime();
        final AuxFormerTrainer.Result r = AuxFormerTrainer.train(clips, ATTRIBUTES, Synthetic.smallNet().build(),
            Task.DIMENSIONAL, Synthetic.fastSettings()
                .set(TrainingSettings.EPOCHS, 8).build(), "Train", "Development", OnError.FAIL,
            Progress.NONE);
        System.out.println("dimensional training: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        r.history().forEach(System.out::println);
        final EpochRecord sel = r.history().stream().filter(EpochRecord::selected).findFirst().get();
        assertEquals(3 - 3 * sel.devMetric(), sel.devCriterion(), 1e-9, "criterion = 3 - sum CCC");
        final List<FeatureClip> test = clips.stream().filter(c -> "Test".equals(c.split())).collect(Collectors.toList());
        final List<AuxFormerPredictor.ClipPrediction> pred = AuxFormerTrainerTest.predict(r.model(), test, 8);
        final float[][] p = new float[test.size()][];
        final float[][] y = new float[test.size()][];
        for (int i = 0; i < test.size(); i++) {
            p[i] = pred.get(i).audiovisual();
            y[i] = test.get(i).attributes();
        }
        final double[] ccc = Losses.ccc(p, y);
        System.out.println("held-out CCC (audiovisual): " + Arrays.toString(ccc));
        for (double c : ccc) {
            assertTrue(c >= 0.8, "CCC " + Arrays.toString(ccc));
        }
    }

    @Test
    void sameSeedGivesIdenticalHistoryAndPredictions() throws Exception {
        final List<FeatureClip> clips = Synthetic.categorical(dir, 36, 3, 8, "Train", "Development", "Train");
        final TrainingSettings s = Synthetic.fastSettings().set(TrainingSettings.EPOCHS, 2)
            .set(TrainingSettings.SEED, 42).set(TrainingSettings.CLASS_WEIGHTS, true).build();
        final AuxFormerTrainer.Result a = AuxFormerTrainer.train(clips, AuxFormerTrainerTest.CLASSES,
            Synthetic.smallNet().build(), Task.CATEGORICAL, s, "Train", "Development", OnError.FAIL, Progress.NONE);
        final AuxFormerTrainer.Result b = AuxFormerTrainer.train(clips, AuxFormerTrainerTest.CLASSES,
            Synthetic.smallNet().build(), Task.CATEGORICAL, s, "Train", "Development", OnError.FAIL, Progress.NONE);
        assertEquals(a.history().size(), b.history().size());
        for (int i = 0; i < a.history().size(); i++) {
            assertTrue(a.history().get(i).sameFigures(b.history().get(i)),
                a.history().get(i) + " vs " + b.history().get(i));
        }
        assertArrayEquals(a.model().weights(), b.model().weights(), "identical weights");
        final List<AuxFormerPredictor.ClipPrediction> pa = AuxFormerTrainerTest.predict(a.model(), clips, 8);
        final List<AuxFormerPredictor.ClipPrediction> pb = AuxFormerTrainerTest.predict(b.model(), clips, 8);
        for (int i = 0; i < clips.size(); i++) {
            assertArrayEquals(pa.get(i).audiovisual(), pb.get(i).audiovisual(), 0f);
        }
        // another seed gives another history
        final AuxFormerTrainer.Result c = AuxFormerTrainer.train(clips, AuxFormerTrainerTest.CLASSES,
            Synthetic.smallNet().build(), Task.CATEGORICAL, s.toBuilder()
                .set(TrainingSettings.SEED, 43).build(), "Train", "Development",
            OnError.FAIL, Progress.NONE);
        assertFalse(c.history().get(0).sameFigures(a.history().get(0)));
    }

    @Test
    void auxFormer2022TrainsOneJointLossAndLearns() throws Exception {
        final List<FeatureClip> clips = Synthetic.categorical(dir, 90, 3, 12, "Train", "Train", "Development",
            "Test");
        final AuxFormerConfig net = AuxFormerConfig.builder(Architecture.AUXFORMER_2022)
            .set(AuxFormerConfig.PROJECTION_DIM, 8).set(AuxFormerConfig.MODEL_DIM, 16).set(AuxFormerConfig.HEADS, 2)
            .set(AuxFormerConfig.FEED_FORWARD_DIM, 16).set(AuxFormerConfig.BRANCH_BLOCKS, 1).build();
        final AuxFormerTrainer.Result r = AuxFormerTrainer.train(clips, AuxFormerTrainerTest.CLASSES, net,
            Task.CATEGORICAL, Synthetic.fastSettings()
                .set(TrainingSettings.EPOCHS, 8).build(), "Train", "Development", OnError.FAIL,
            Progress.NONE);
        r.history().forEach(System.out::println);
        // the predictor reproduces the development accuracy recorded for the selected epoch
        final List<FeatureClip> dev = clips.stream().filter(c -> "Development".equals(c.split()))
            .collect(Collectors.toList());
        final List<AuxFormerPredictor.ClipPrediction> devPred = AuxFormerTrainerTest.predict(r.model(), dev, 8);
        int devHits = 0;
        for (int i = 0; i < dev.size(); i++) {
            devHits += Losses.argmax(devPred.get(i).audiovisual()) == dev.get(i).classIndex() ? 1 : 0;
        }
        final EpochRecord sel = r.history().stream().filter(EpochRecord::selected).findFirst().get();
        assertEquals(sel.devMetric(), (double)devHits / dev.size(), 1e-9);
        for (EpochRecord e : r.history()) {
            assertTrue(Double.isNaN(e.visualLoss()) && Double.isNaN(e.fusionLoss()) && !Double.isNaN(e.jointLoss()));
        }
        assertTrue(r.history().get(7).jointLoss() < r.history().get(0).jointLoss(), "joint loss falls");
        final List<FeatureClip> test = clips.stream().filter(c -> "Test".equals(c.split())).collect(Collectors.toList());
        final List<AuxFormerPredictor.ClipPrediction> pred = AuxFormerTrainerTest.predict(r.model(), test, 8);
        int hits = 0;
        for (int i = 0; i < test.size(); i++) {
            hits += Losses.argmax(pred.get(i).audiovisual()) == test.get(i).classIndex() ? 1 : 0;
        }
        System.out.println("AuxFormer 2022 held-out accuracy: " + (double)hits / test.size());
        // measured 19 of 21 (0.90); the bound leaves room for changes of the 2022 network's initialisation
        assertTrue(hits >= 0.8 * test.size(), hits + " of " + test.size());
    }

    /**
     * Regression test for a DJL 0.32 hazard: {@code NDArray.mul(Number)} / {@code div(Number)} wrap the number in a
     * Java direct buffer that the garbage collector may free while autograd still holds it, which gave NaN losses
     * now and then. With the garbage collector running all the time, two runs must still be identical.
     */
    @Test
    void trainingIsUnaffectedByGarbageCollection() throws Exception {
        final List<FeatureClip> clips = Synthetic.dimensional(dir, 120, 4, "Train", "Train", "Development", "Test");
        final Thread gc = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        gc.setDaemon(true);
        gc.start();
        try {
            final TrainingSettings s = Synthetic.fastSettings().set(TrainingSettings.EPOCHS, 4).build();
            final AuxFormerTrainer.Result a = AuxFormerTrainer.train(clips, ATTRIBUTES, Synthetic.smallNet().build(),
                Task.DIMENSIONAL, s, "Train", "Development", OnError.FAIL, Progress.NONE);
            final AuxFormerTrainer.Result b = AuxFormerTrainer.train(clips, ATTRIBUTES, Synthetic.smallNet().build(),
                Task.DIMENSIONAL, s, "Train", "Development", OnError.FAIL, Progress.NONE);
            for (int i = 0; i < a.history().size(); i++) {
                assertTrue(Double.isFinite(a.history().get(i).devCriterion()));
                assertTrue(a.history().get(i).sameFigures(b.history().get(i)),
                    a.history().get(i) + " vs " + b.history().get(i));
            }
        } finally {
            gc.interrupt();
        }
    }

    @Test
    void earlyStoppingRule() {
        final EpochSelector s = new EpochSelector(2);
        assertTrue(s.offer(1, 1.0));
        assertTrue(s.offer(2, 0.5));
        assertFalse(s.offer(3, 0.5), "a tie is no improvement");
        assertFalse(s.shouldStop());
        assertFalse(s.offer(4, 0.7));
        assertTrue(s.shouldStop(), "two epochs without improvement");
        assertEquals(2, s.bestEpoch());
        final EpochSelector never = new EpochSelector(0);
        never.offer(1, 1);
        for (int e = 2; e < 50; e++) {
            never.offer(e, 2);
        }
        assertFalse(never.shouldStop());
    }

    @Test
    void audioCutIsRecordedAndTrainingRecordsItsSettings() throws Exception {
        final List<FeatureClip> clips = Synthetic.categorical(dir, 24, 3, 9, "Train", "Development");
        final AuxFormerTrainer.Result r = AuxFormerTrainer.train(clips, AuxFormerTrainerTest.CLASSES,
            Synthetic.smallNet().build(), Task.CATEGORICAL,
            Synthetic.fastSettings().set(TrainingSettings.EPOCHS, 1)
                .set(TrainingSettings.MAX_AUDIO_FRAMES, 4).build(), "Train", "Development", OnError.FAIL,
            Progress.NONE);
        assertEquals("4", r.model().info().get(AuxFormerTrainer.MAX_AUDIO_FRAMES));
        assertEquals("1", r.model().info().get("Selected epoch"));
        assertEquals(Synthetic.AUDIO_DIM, r.model().config().audioDim());
        assertEquals(Synthetic.VISUAL_DIM, r.model().config().visualDim());
        assertEquals(3, r.model().config().outputs());
    }
}
