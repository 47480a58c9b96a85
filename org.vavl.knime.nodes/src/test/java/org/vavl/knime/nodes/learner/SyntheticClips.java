package org.vavl.knime.nodes.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.knime.testkit.Tables;

/**
 * Tiny synthetic clips for node tests: audio (8-d) and visual (6-d) feature sequences whose frames are noise plus a
 * pattern of the clip's class or attribute values; lengths vary from clip to clip.
 */
public final class SyntheticClips {

    public static final String[] CLASSES = {"angry", "happy", "sad"};

    public static final int AUDIO_DIM = 8;

    public static final int VISUAL_DIM = 6;

    private SyntheticClips() {
    }

    static Path write(final Path dir, final String name, final int frames, final float[] pattern, final float noise,
        final Random r) throws IOException {
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

    static float[] classPattern(final int c, final int dim) {
        final float[] p = new float[dim];
        p[c % dim] += 1.5f;
        p[(c + 1) % dim] -= 1.5f;
        return p;
    }

    /** Columns of the categorical table. */
    public static DataTableSpec categoricalSpec() {
        return Tables.spec("Clip", StringCell.TYPE, "Audio features", StringCell.TYPE, "Visual features",
            StringCell.TYPE, "Emotion", StringCell.TYPE, "Split", StringCell.TYPE);
    }

    /**
     * @return rows {Clip, Audio features, Visual features, Emotion, Split}; classes round robin; splits cycled per
     *         round of classes
     */
    public static List<Object[]> categorical(final Path dir, final int n, final long seed, final String... splits)
        throws IOException {
        final Random r = new Random(seed);
        final List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int c = i % CLASSES.length;
            final String id = "clip" + i;
            final Path a = write(dir.resolve("audio"), id, 6 + r.nextInt(15), classPattern(c, AUDIO_DIM), 1f, r);
            final Path v = write(dir.resolve("visual"), id, 3 + r.nextInt(10), classPattern(c, VISUAL_DIM), 1f, r);
            rows.add(new Object[] {id, a.toString(), v.toString(), CLASSES[c],
                splits[(i / CLASSES.length) % splits.length]});
        }
        return rows;
    }

    /** Columns of the dimensional table. */
    public static DataTableSpec dimensionalSpec() {
        return Tables.spec("Clip", StringCell.TYPE, "Audio features", StringCell.TYPE, "Visual features",
            StringCell.TYPE, "arousal", DoubleCell.TYPE, "dominance", DoubleCell.TYPE, "valence", DoubleCell.TYPE,
            "Split", StringCell.TYPE);
    }

    /** @return rows {Clip, Audio features, Visual features, arousal, dominance, valence, Split} */
    public static List<Object[]> dimensional(final Path dir, final int n, final long seed, final String... splits)
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
        final List<Object[]> rows = new ArrayList<>();
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
            rows.add(new Object[] {id, a.toString(), v.toString(), (double)y[0], (double)y[1], (double)y[2],
                splits[i % splits.length]});
        }
        return rows;
    }

    /** @return an in-memory table */
    public static BufferedDataTable table(final DataTableSpec spec, final List<Object[]> rows) {
        return Tables.table(spec, rows.toArray(new Object[0][]));
    }
}
