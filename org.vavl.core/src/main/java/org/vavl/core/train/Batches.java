package org.vavl.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Which clips go into which batch. Clips of similar length share a batch so that little padding is
 * computed: for training, the clips are shuffled, cut into buckets of {@value #BUCKET_BATCHES} batches,
 * sorted by length inside a bucket, split into batches, and the batches shuffled; for evaluation and
 * prediction, clips are sorted by length (stable, so the plan is the same run after run).
 */
public final class Batches {

    /** Batches per bucket when shuffling for training. */
    static final int BUCKET_BATCHES = 20;

    private Batches() {
    }

    /**
     * @param lengths a sort key per clip (frames)
     * @param batchSize clips per batch (the last batch of a bucket may be smaller)
     * @param random the seeded shuffler
     * @return batches of clip indices
     */
    public static List<int[]> forTraining(final long[] lengths, final int batchSize, final Random random) {
        final List<Integer> order = new ArrayList<>(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        final int bucket = Math.max(1, batchSize) * BUCKET_BATCHES;
        final List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += bucket) {
            final List<Integer> chunk = new ArrayList<>(order.subList(from, Math.min(order.size(), from + bucket)));
            chunk.sort(Comparator.comparingLong(i -> lengths[i]));
            split(chunk, batchSize, batches);
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** @return batches of clip indices in order of length (shortest first), deterministic */
    public static List<int[]> byLength(final long[] lengths, final int batchSize) {
        final List<Integer> order = new ArrayList<>(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> lengths[i]));
        final List<int[]> batches = new ArrayList<>();
        split(order, batchSize, batches);
        return batches;
    }

    private static void split(final List<Integer> order, final int batchSize, final List<int[]> out) {
        final int b = Math.max(1, batchSize);
        for (int from = 0; from < order.size(); from += b) {
            out.add(order.subList(from, Math.min(order.size(), from + b)).stream().mapToInt(Integer::intValue)
                .toArray());
        }
    }

    /** @return the total number of indices in the batches (for checks) */
    static int count(final List<int[]> batches) {
        return batches.stream().mapToInt(a -> a.length).sum();
    }

    /** @return the sorted indices of all batches (for checks) */
    static int[] all(final List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    }
}
