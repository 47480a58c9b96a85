package org.vavl.core.train;

import static org.vavl.core.model.AuxFormerConfig.BRANCH_BLOCKS;
import static org.vavl.core.model.AuxFormerConfig.CONV_KERNEL;
import static org.vavl.core.model.AuxFormerConfig.FEED_FORWARD_DIM;
import static org.vavl.core.model.AuxFormerConfig.HEADS;
import static org.vavl.core.model.AuxFormerConfig.MODEL_DIM;
import static org.vavl.core.model.AuxFormerConfig.PROJECTION_DIM;
import static org.vavl.core.model.AuxFormerConfig.SHARED_BLOCKS;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.model.AuxFormerConfig;
import org.vavl.core.model.Task;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

/**
 * The threads setting does not change what is learnt: the same clips, seed and settings give the same model
 * bytes with 1 and with 2 threads. Sizes are chosen so that PyTorch's intra-op parallelism would take effect
 * (matrices of a few hundred rows and columns), where 1 and 2 threads once gave models that differed in the
 * last bits.
 */
class TrainingThreadsTest {

    @TempDir
    static Path dir;

    @Test
    void oneAndTwoThreadsTrainTheSameModelBytes() throws Exception {
        final Random r = new Random(11);
        final List<FeatureClip> clips = new ArrayList<>();
        final int dim = 192;
        final String[] splits = {"Train", "Train", "Train", "Development"};
        for (int i = 0; i < 48; i++) {
            final int c = i % 3;
            final Path a = Synthetic.write(dir.resolve("audio"), "clip" + i, 40 + r.nextInt(20),
                Synthetic.classPattern(c, dim), 1f, r);
            final Path v = Synthetic.write(dir.resolve("visual"), "clip" + i, 30 + r.nextInt(10),
                Synthetic.classPattern(c, dim), 1f, r);
            clips.add(FeatureClip.categorical("clip" + i, a, v, c, splits[(i / 3) % splits.length]));
        }
        final AuxFormerConfig config = AuxFormerConfig.builder().set(PROJECTION_DIM, 64).set(MODEL_DIM, 96)
            .set(HEADS, 2)
            .set(FEED_FORWARD_DIM, 384).set(CONV_KERNEL, 3).set(BRANCH_BLOCKS, 1).set(SHARED_BLOCKS, 1).build();
        final byte[][] models = new byte[2][];
        for (int threads = 1; threads <= 2; threads++) {
            final AuxFormerTrainer.Result res = AuxFormerTrainer.train(clips, List.of("a", "b", "c"), config,
                Task.CATEGORICAL, TrainingSettings.builder().set(TrainingSettings.EPOCHS, 2)
                    .set(TrainingSettings.BATCH_SIZE, 16).set(TrainingSettings.LEARNING_RATE, 3e-3f)
                    .set(TrainingSettings.DEVICE, "cpu")
                    .set(TrainingSettings.SEED, 5)
                        .set(TrainingSettings.THREADS, threads).build(),
                        "Train", "Development", OnError.FAIL, Progress.NONE);
            models[threads - 1] = res.model().toBytes();
            assertEquals(36, res.trainClips());
        }
        assertArrayEquals(models[0], models[1], "model bytes with 1 and 2 threads");
    }
}
