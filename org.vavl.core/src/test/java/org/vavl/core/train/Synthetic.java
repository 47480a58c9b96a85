package org.vavl.core.train;

import static org.vavl.core.model.AuxFormerConfig.BRANCH_BLOCKS;
import static org.vavl.core.model.AuxFormerConfig.CONV_KERNEL;
import static org.vavl.core.model.AuxFormerConfig.FEED_FORWARD_DIM;
import static org.vavl.core.model.AuxFormerConfig.HEADS;
import static org.vavl.core.model.AuxFormerConfig.MODEL_DIM;
import static org.vavl.core.model.AuxFormerConfig.PROJECTION_DIM;
import static org.vavl.core.model.AuxFormerConfig.SHARED_BLOCKS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.vavl.core.features.FeatureSequence;
import org.vavl.core.settings.RecordSettings;
import org.vavl.core.features.Npy;
import org.vavl.core.model.AuxFormerConfig;

/**
 * Tiny synthetic feature sequences for tests: each clip's frames are noise plus a pattern that depends on its
 * label, in both modalities (so either modality alone is informative), with clip lengths that vary.
 */
public final class Synthetic {

    public static final int AUDIO_DIM = 8;

    public static final int VISUAL_DIM = 6;

    private Synthetic() {
    }

    /** A small network that trains in seconds. */
    public static RecordSettings.Builder<AuxFormerConfig> smallNet() {
        return AuxFormerConfig.builder().set(PROJECTION_DIM, 8).set(MODEL_DIM, 16).set(HEADS, 2)
            .set(FEED_FORWARD_DIM, 32).set(CONV_KERNEL, 3)
            .set(BRANCH_BLOCKS, 1).set(SHARED_BLOCKS, 1);
    }

    /** Fast settings: a learning rate that learns in a few epochs. */
    public static org.vavl.core.settings.RecordSettings.Builder<TrainingSettings> fastSettings() {
        return TrainingSettings.builder().set(TrainingSettings.EPOCHS, 6).set(TrainingSettings.BATCH_SIZE, 8)
            .set(TrainingSettings.LEARNING_RATE, 3e-3f).set(TrainingSettings.DEVICE, "cpu");
    }

    /** Writes a random sequence whose frames are noise + {@code pattern} scaled by {@code strength}. */
    public static Path write(final Path dir, final String name, final int frames, final float[] pattern,
        final float noise, final Random r) throws IOException {
        final int d = pattern.length;
        final float[] v = new float[frames * d];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < d; j++) {
                v[t * d + j] = pattern[j] + noise * (float)r.nextGaussian() + 0.5f * (float)Math.sin(0.7 * t + j);
            }
        }
        Files.createDirectories(dir);
        final Path p = dir.resolve(name + ".npy");
        Npy.write(p, new FeatureSequence(v, frames, d));
        return p;
    }

    /** The class pattern of a modality: class c raises dimension c (and lowers the next) by 1.5. */
    static float[] classPattern(final int c, final int dim) {
        final float[] p = new float[dim];
        p[c % dim] += 1.5f;
        p[(c + 1) % dim] -= 1.5f;
        return p;
    }

    /**
     * Categorical clips: {@code n} clips, classes round-robin over {@code classes}, split by {@code splits}
     * (cycled), audio 6..20 frames, visual 3..12 frames.
     */
    public static List<FeatureClip> categorical(final Path dir, final int n, final int classes, final long seed,
        final String... splits) throws IOException {
        final Random r = new Random(seed);
        final List<FeatureClip> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int c = i % classes;
            final String id = "clip" + i;
            final Path a = write(dir.resolve("audio"), id, 6 + r.nextInt(15), classPattern(c, AUDIO_DIM), 1f, r);
            final Path v = write(dir.resolve("visual"), id, 3 + r.nextInt(10), classPattern(c, VISUAL_DIM), 1f, r);
            out.add(FeatureClip.categorical(id, a, v, c, splits[(i / classes) % splits.length]));
        }
        return out;
    }

    /** Dimensional clips: 3 attributes uniform in [0, 1]; features are a fixed linear map of them plus noise. */
    public static List<FeatureClip> dimensional(final Path dir, final int n, final long seed, final String... splits)
        throws IOException {
        final Random r = new Random(seed);
        final Random map = new Random(99);
        final float[][] wa = new float[3][AUDIO_DIM];
        final float[][] wv = new float[3][VISUAL_DIM];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < AUDIO_DIM; j++) {
                wa[k][j] = (float)map.nextGaussian() * 1.5f;
            }
            for (int j = 0; j < VISUAL_DIM; j++) {
                wv[k][j] = (float)map.nextGaussian() * 1.5f;
            }
        }
        final List<FeatureClip> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final float[] y = {r.nextFloat(), r.nextFloat(), r.nextFloat()};
            final float[] pa = new float[AUDIO_DIM];
            final float[] pv = new float[VISUAL_DIM];
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < AUDIO_DIM; j++) {
                    pa[j] += wa[k][j] * y[k];
                }
                for (int j = 0; j < VISUAL_DIM; j++) {
                    pv[j] += wv[k][j] * y[k];
                }
            }
            final String id = "dclip" + i;
            final Path a = write(dir.resolve("audio"), id, 6 + r.nextInt(15), pa, 0.5f, r);
            final Path v = write(dir.resolve("visual"), id, 3 + r.nextInt(10), pv, 0.5f, r);
            out.add(FeatureClip.dimensional(id, a, v, y, splits[i % splits.length]));
        }
        return out;
    }
}
