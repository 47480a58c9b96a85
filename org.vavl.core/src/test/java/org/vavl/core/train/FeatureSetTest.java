package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

class FeatureSetTest {

    @TempDir
    Path dir;

    private Path npy(final String name, final int frames, final int dim, final float offset) throws Exception {
        final float[] v = new float[frames * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = offset + i % 7;
        }
        final Path p = dir.resolve(name + ".npy");
        Npy.write(p, new FeatureSequence(v, frames, dim));
        return p;
    }

    @Test
    void loadsChecksDimsAndComputesStatsFromTrainingOnly() throws Exception {
        final List<FeatureClip> clips = List.of(
            FeatureClip.categorical("a", npy("a_a", 4, 3, 0), npy("a_v", 2, 5, 0), 0, "Train"),
            FeatureClip.categorical("b", npy("b_a", 6, 3, 10), npy("b_v", 3, 5, 1), 1, "Train"),
            FeatureClip.categorical("c", npy("c_a", 8, 3, 1000), npy("c_v", 3, 5, 1000), 1, "Development"));
        final FeatureSet set = FeatureSet.load(clips, new FeatureSet.Options().requireBothModalities(true)
            .maxAudioFrames(5).statisticsFrom(c -> "Train".equals(c.split())), Progress.NONE);
        assertEquals(3, set.entries().size());
        assertEquals(3, set.audioDim());
        assertEquals(5, set.visualDim());
        assertEquals(5, set.entries().get(1).frames(Modality.AUDIO), "audio cut to 5 frames");
        assertEquals(5, set.sequence(set.entries().get(2), Modality.AUDIO).frames());
        // statistics over frames of a (4 frames) and b (cut to 5 frames) only: the dev clip's offset 1000 is absent
        final NormStats s = set.statistics(Modality.AUDIO);
        double sum = 0;
        int n = 0;
        for (int clip = 0; clip < 2; clip++) {
            final FeatureSequence q = set.sequence(set.entries().get(clip), Modality.AUDIO);
            for (int t = 0; t < q.frames(); t++) {
                sum += q.get(t, 0);
                n++;
            }
        }
        assertEquals(sum / n, s.mean()[0], 1e-5);
        assertTrue(s.mean()[0] < 100);
    }

    @Test
    void dimensionThatDiffersNamesClipAndBothDims() throws Exception {
        final List<FeatureClip> clips = List.of(
            FeatureClip.categorical("first", npy("f_a", 4, 3, 0), npy("f_v", 2, 5, 0), 0, "Train"),
            FeatureClip.categorical("odd", npy("o_a", 4, 4, 0), npy("o_v", 2, 5, 0), 0, "Train"));
        final ClipException e = assertThrows(ClipException.class,
            () -> FeatureSet.load(clips, new FeatureSet.Options(), Progress.NONE));
        assertEquals("odd", e.getClipId());
        assertTrue(e.getMessage().contains("'odd'") && e.getMessage().contains("dimension 4")
            && e.getMessage().contains("'first' has 3") && e.getMessage().contains("audio"), e.getMessage());
        // against a model's dims
        final ClipException m = assertThrows(ClipException.class, () -> FeatureSet
            .load(clips.subList(0, 1), new FeatureSet.Options().expectedDims(3, 7), Progress.NONE));
        assertTrue(m.getMessage().contains("'first'") && m.getMessage().contains("dimension 5")
            && m.getMessage().contains("model expects 7") && m.getMessage().contains("visual"), m.getMessage());
    }

    @Test
    void missingFileAndZeroFramesPerOnError() throws Exception {
        final Path missing = dir.resolve("gone.npy");
        final List<FeatureClip> clips = List.of(
            FeatureClip.categorical("ok", npy("k_a", 4, 3, 0), npy("k_v", 2, 5, 0), 0, "Train"),
            FeatureClip.categorical("lost", npy("l_a", 4, 3, 0), missing, 0, "Train"),
            FeatureClip.categorical("empty", npy("e_a", 0, 3, 0), npy("e_v", 2, 5, 0), 0, "Train"),
            FeatureClip.categorical("novisual", npy("n_a", 3, 3, 0), null, 0, "Train"));
        final FeatureSet.Options training = new FeatureSet.Options().requireBothModalities(true);
        final ClipException e = assertThrows(ClipException.class, () -> FeatureSet.load(clips, training, Progress.NONE));
        assertEquals("lost", e.getClipId());
        assertTrue(e.getMessage().contains("gone.npy") && e.getMessage().contains("does not exist"), e.getMessage());
        final FeatureSet skipped = FeatureSet.load(clips, training.onError(OnError.SKIP), Progress.NONE);
        assertEquals(1, skipped.entries().size());
        assertEquals(List.of("lost", "empty", "novisual"), List.copyOf(skipped.skipped().keySet()));
        assertTrue(skipped.skipped().get("empty").contains("zero frames"));
        assertTrue(skipped.skipped().get("novisual").contains("no visual feature file"));
        // for prediction, a clip may lack one modality (missing path or zero frames), not a file that is gone
        final FeatureSet predict = FeatureSet.load(clips, new FeatureSet.Options().onError(OnError.SKIP), Progress.NONE);
        assertEquals(3, predict.entries().size());
        assertEquals(0, predict.entries().get(1).frames(Modality.AUDIO));
        assertNull(predict.sequence(predict.entries().get(1), Modality.AUDIO));
        assertEquals(List.of("lost"), List.copyOf(predict.skipped().keySet()));
    }

    @Test
    void sequencesOutsideTheMemoryBudgetAreReadAgain() throws Exception {
        final List<FeatureClip> clips = List.of(
            FeatureClip.categorical("a", npy("a_a", 4, 3, 0), npy("a_v", 2, 5, 0), 0, "Train"));
        final FeatureSet set = FeatureSet.load(clips, new FeatureSet.Options().memoryBudget(0), Progress.NONE);
        final FeatureSequence s = set.sequence(set.entries().get(0), Modality.VISUAL);
        assertArrayEquals(Npy.read(clips.get(0).visual()).values(), s.values());
    }

    @Test
    void normStatsArePopulationStatistics() {
        final NormStats.Accumulator acc = new NormStats.Accumulator(2);
        acc.add(new FeatureSequence(new float[] {1, 5, 3, 5}, 2, 2));
        acc.add(new FeatureSequence(new float[] {5, 5}, 1, 2));
        final NormStats s = acc.stats();
        assertEquals(3, s.mean()[0], 1e-6);
        assertEquals(Math.sqrt(8.0 / 3), s.std()[0], 1e-6);
        assertEquals(1, s.std()[1], 0, "constant dimension: divided by 1");
        final float[] out = new float[2];
        s.normalise(new FeatureSequence(new float[] {3, 6}, 1, 2), 1, out, 0);
        assertArrayEquals(new float[] {0, 1}, out, 1e-6f);
    }

    @Test
    void batchesGroupSimilarLengthsAndCoverEveryClipOnce() {
        final long[] len = new long[100];
        final Random r = new Random(1);
        for (int i = 0; i < len.length; i++) {
            len[i] = 10 + r.nextInt(500);
        }
        final List<int[]> a = Batches.forTraining(len, 8, new Random(7));
        final List<int[]> b = Batches.forTraining(len, 8, new Random(7));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "same seed, same batches");
        }
        assertEquals(100, Batches.count(a));
        final int[] all = Batches.all(a);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, all[i]);
        }
        // padding: the sorted plan wastes far less than batches in random order
        final List<int[]> sorted = Batches.byLength(len, 8);
        assertTrue(padding(sorted, len) * 4 < padding(randomBatches(len.length, 8), len));
        assertTrue(padding(a, len) * 2 < padding(randomBatches(len.length, 8), len));
    }

    private static List<int[]> randomBatches(final int n, final int size) {
        final List<int[]> out = new java.util.ArrayList<>();
        for (int from = 0; from < n; from += size) {
            final int[] b = new int[Math.min(size, n - from)];
            for (int i = 0; i < b.length; i++) {
                b[i] = from + i;
            }
            out.add(b);
        }
        return out;
    }

    private static long padding(final List<int[]> batches, final long[] len) {
        long pad = 0;
        for (int[] b : batches) {
            long max = 0;
            for (int i : b) {
                max = Math.max(max, len[i]);
            }
            for (int i : b) {
                pad += max - len[i];
            }
        }
        return pad;
    }
}
