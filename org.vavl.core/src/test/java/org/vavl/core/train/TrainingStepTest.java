package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vavl.core.model.AuxFormerConfig.AUDIO_DIM;
import static org.vavl.core.model.AuxFormerConfig.FEED_FORWARD_DIM;
import static org.vavl.core.model.AuxFormerConfig.HEADS;
import static org.vavl.core.model.AuxFormerConfig.MODEL_DIM;
import static org.vavl.core.model.AuxFormerConfig.OUTPUTS;
import static org.vavl.core.model.AuxFormerConfig.PROJECTION_DIM;
import static org.vavl.core.model.AuxFormerConfig.VISUAL_DIM;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vavl.core.model.Architecture;
import org.vavl.core.model.AuxFormerConfig;
import org.vavl.core.model.AuxFormerNet;
import org.vavl.core.util.DjlRuntime;
import org.vavl.core.util.Progress;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;

/**
 * A training step keeps nothing of itself: every array it makes is closed when it ends (a forward output left open
 * kept about 650 MB of each step alive at the benchmark's batch 8), and the only arrays that outlive the first step
 * are the optimisers' moments.
 */
class TrainingStepTest {

    @Test
    void vavlStepLeavesOnlyTheOptimiserState() throws Exception {
        leavesOnlyTheOptimiserState(Architecture.VAVL);
    }

    @Test
    void auxFormer2022StepLeavesOnlyTheOptimiserState() throws Exception {
        leavesOnlyTheOptimiserState(Architecture.AUXFORMER_2022);
    }

    private static void leavesOnlyTheOptimiserState(final Architecture architecture) throws Exception {
        DjlRuntime.call(() -> {
            final AuxFormerConfig config = (architecture == Architecture.VAVL ? Synthetic.smallNet()
                : AuxFormerConfig.builder(architecture).set(PROJECTION_DIM, 8).set(MODEL_DIM, 10).set(HEADS, 2)
                    .set(FEED_FORWARD_DIM, 16)).set(AUDIO_DIM, 8).set(VISUAL_DIM, 6).set(OUTPUTS, 3).build();
            try (NDManager model = NDManager.newBaseManager(Djl.ENGINE)) {
                final AuxFormerNet net = AuxFormerNet.create(config, model, 1);
                final ParameterStore ps = new ParameterStore(model, false);
                final TrainingStep.TaskLoss ce = (pred, y) -> Losses.crossEntropy(pred, y, null);
                final java.util.function.Supplier<ai.djl.training.optimizer.Optimizer> adam =
                    () -> Adam.builder().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
                final TrainingStep step = architecture == Architecture.VAVL ? TrainingStep.vavl(net, ps, ce, adam, 2f)
                    : TrainingStep.auxFormer2022(net, ps, ce, adam, 0.2f, 1);
                final Random r = new Random(2);
                final int[] modelArrays = new int[3];
                for (int i = 0; i < modelArrays.length; i++) {
                    try (NDManager batch = model.newSubManager()) {
                        final NDArray audio = batch.create(random(r, 4 * 7 * 8), new Shape(4, 7, 8));
                        final NDArray visual = batch.create(random(r, 4 * 5 * 6), new Shape(4, 5, 6));
                        final NDArray audioMask = batch.ones(new Shape(4, 7));
                        final NDArray visualMask = batch.ones(new Shape(4, 5));
                        final NDArray labels = batch.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0},
                            new Shape(4, 3));
                        final NDArray audioMean = audio.mean(new int[] {1});
                        final NDArray visualMean = visual.mean(new int[] {1});
                        final int before = batch.getManagedArrays().size();
                        final double[] losses = step.run(new TrainingStep.Batch(audio, audioMask, visual,
                            visualMask, audioMean, visualMean, labels), Progress.NONE);
                        assertTrue(Double.isFinite(architecture == Architecture.VAVL ? losses[0] : losses[3]));
                        // the AuxFormer 2022 step may zero one modality: that array belongs to the batch
                        assertTrue(batch.getManagedArrays().size() <= before + 1,
                            "arrays left in the batch's manager after step " + i + ": "
                                + (batch.getManagedArrays().size() - before));
                    }
                    modelArrays[i] = model.getManagedArrays().size();
                }
                assertEquals(modelArrays[0], modelArrays[2], "arrays in the model's manager after steps 1 and 3");
            }
            return null;
        });
    }

    private static float[] random(final Random r, final int n) {
        final float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float)r.nextGaussian();
        }
        return v;
    }
}
