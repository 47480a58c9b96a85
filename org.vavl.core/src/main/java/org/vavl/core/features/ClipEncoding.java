package org.vavl.core.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vavl.core.util.CancelToken;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.core.util.ClipWorkPool;
import org.vavl.core.util.InputIdentity;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;

/**
 * Encodes the clips of a table with one {@link ClipEncoder} into {@code <clip>.npy} files (float32,
 * {@code frames x dim}) in an output folder, the reference's layout.
 *
 * <ul>
 * <li>Clips whose file exists and was made with the same settings (the encoder's settings, the model file's
 * SHA-256 included) from the same input file (its size, time and content hash, {@link InputIdentity}), both
 * recorded beside each file by {@link ClipOutputStore}, are not encoded again.</li>
 * <li>The rest run in parallel over clips on {@code threads} workers ({@link ClipWorkPool}); with an encoder
 * that batches several clips ({@link ClipEncoder#clipsPerBatch()} &gt; 1), clips are sorted by length and
 * grouped so that a batch holds clips of similar length.</li>
 * <li>Progress is reported per clip (or per batch of clips); cancellation stops within a batch; nothing
 * half-written is left behind.</li>
 * <li>A failing clip fails the run ({@link OnError#FAIL}) or is reported in its result
 * ({@link OnError#SKIP}).</li>
 * </ul>
 */
public final class ClipEncoding {

    private ClipEncoding() {
    }

    /** One clip to encode: its id and its input file (face track or WAV); the input may be null (missing). */
    public static final class ClipInput {
        private final String m_clipId;

        private final Path m_input;

        private final String m_noInput;

        public ClipInput(final String clipId, final Path input) {
            this(clipId, input, null);
        }

        /**
         * @param noInput why the clip has no input file (said instead of the general message when input is
         *            null), e.g. that the Face Aligner found no face in it; null for the general message
         */
        public ClipInput(final String clipId, final Path input, final String noInput) {
            m_clipId = Objects.requireNonNull(clipId, "clipId");
            m_input = input;
            m_noInput = noInput;
        }

        /** @return the clip id */
        public String clipId() {
            return m_clipId;
        }

        /** @return the input file, or null */
        public Path input() {
            return m_input;
        }
    }

    /** @return an output store for an encoder: {@code <clip>.npy} files recording the encoder's settings */
    public static ClipOutputStore storeFor(final Path folder, final ClipEncoder encoder, final Overwrite overwrite) {
        final Map<String, String> s = new LinkedHashMap<>(encoder.settings());
        s.put("output", "npy float32 (frames, dim)");
        return new ClipOutputStore(folder, "npy", s, overwrite);
    }

    /**
     * Encodes clips.
     *
     * @param clips the clips in output order
     * @param encoder the encoder (not closed here)
     * @param store where the {@code <clip>.npy} files go (see {@link #storeFor})
     * @param threads parallel workers
     * @param onError fail on the first bad clip, or skip it and report it in its result
     * @param progress progress and cancellation
     * @return one result per clip, in the order of {@code clips}
     * @throws ClipException the first bad clip with {@link OnError#FAIL}
     * @throws CancelledException when cancelled
     */
    public static List<EncodedClip> run(final List<ClipInput> clips, final ClipEncoder encoder,
        final ClipOutputStore store, final int threads, final OnError onError, final Progress progress)
        throws ClipException, CancelledException {
        try {
            store.prepareFolder();
        } catch (IOException e) {
            throw new ClipException("", e.getMessage(), e);
        }
        try {
            store.deleteLeftoverParts();
        } catch (IOException e) {
            // not fatal: leftovers are only hidden temporary files
        }
        final EncodedClip[] results = new EncodedClip[clips.size()];
        final Map<String, Integer> firstIndexOfId = new HashMap<>();
        final List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            progress.checkCancelled();
            final ClipInput c = clips.get(i);
            final Integer first = firstIndexOfId.putIfAbsent(c.clipId(), i);
            if (first != null) {
                // the same clip again: encoded once; a different input under the same id is an error
                if (!Objects.equals(clips.get(first).input(), c.input())) {
                    results[i] = fail(c.clipId(), "Clip id '" + c.clipId() + "' appears twice with different inputs ('"
                        + clips.get(first).input() + "' and '" + c.input() + "'); clip ids must be unique, as they name"
                        + " the feature files.", onError);
                }
                continue;
            }
            if (c.input() == null) {
                results[i] = fail(c.clipId(), c.m_noInput != null ? c.m_noInput : "Clip '" + c.clipId()
                    + "' has no input file (missing value). Check the input column, or skip such clips (on error ="
                    + " skip).", onError);
                continue;
            }
            if (upToDate(store, c)) {
                final Path f = store.pathFor(c.clipId());
                try {
                    final int[] shape = Npy.readShape(f);
                    if (shape[1] == encoder.dim()) {
                        results[i] = EncodedClip.ok(c.clipId(), f, shape[0], shape[1], true);
                        continue;
                    }
                } catch (IOException e) {
                    // unreadable: make it again
                }
            }
            pending.add(i);
        }
        final List<List<Integer>> groups = group(pending, clips, encoder);
        final List<ClipWorkPool.Outcome<List<EncodedClip>>> outcomes = ClipWorkPool.run(groups, threads,
            g -> groupName(g, clips), (g, cancel) -> encodeGroup(g, clips, encoder, store, onError, cancel), onError,
            progress);
        for (int k = 0; k < groups.size(); k++) {
            final List<Integer> g = groups.get(k);
            final ClipWorkPool.Outcome<List<EncodedClip>> o = outcomes.get(k);
            for (int j = 0; j < g.size(); j++) {
                final String id = clips.get(g.get(j)).clipId();
                results[g.get(j)] = o.ok() ? o.value().get(j) : EncodedClip.failed(id, o.error());
            }
        }
        final List<EncodedClip> out = new ArrayList<>(clips.size());
        for (int i = 0; i < results.length; i++) {
            EncodedClip r = results[i];
            if (r == null) {
                // a repeated clip id: same result as its first occurrence
                r = results[firstIndexOfId.get(clips.get(i).clipId())];
            }
            out.add(r);
        }
        return out;
    }

    private static EncodedClip fail(final String clipId, final String message, final OnError onError)
        throws ClipException {
        if (onError == OnError.FAIL) {
            throw new ClipException(clipId, message);
        }
        return EncodedClip.failed(clipId, message);
    }

    private static List<List<Integer>> group(final List<Integer> pending, final List<ClipInput> clips,
        final ClipEncoder encoder) {
        final int per = Math.max(1, encoder.clipsPerBatch());
        final List<List<Integer>> groups = new ArrayList<>();
        if (per == 1) {
            pending.forEach(i -> groups.add(List.of(i)));
            return groups;
        }
        final Map<Integer, Long> length = new HashMap<>();
        for (int i : pending) {
            length.put(i, encoder.inputLength(clips.get(i).input()));
        }
        final List<Integer> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparingLong(length::get));
        for (int i = 0; i < sorted.size(); i += per) {
            groups.add(List.copyOf(sorted.subList(i, Math.min(sorted.size(), i + per))));
        }
        return groups;
    }

    private static String groupName(final List<Integer> g, final List<ClipInput> clips) {
        final String first = clips.get(g.get(0)).clipId();
        return g.size() == 1 ? first : first + " (+" + (g.size() - 1) + " more)";
    }

    private static List<EncodedClip> encodeGroup(final List<Integer> g, final List<ClipInput> clips,
        final ClipEncoder encoder, final ClipOutputStore store, final OnError onError, final CancelToken cancel)
        throws IOException, ClipException, CancelledException {
        final List<EncodedClip> out = new ArrayList<>(g.size());
        if (g.size() == 1) {
            out.add(encodeOne(clips.get(g.get(0)), encoder, store, cancel));
            return out;
        }
        final List<Path> inputs = new ArrayList<>(g.size());
        g.forEach(i -> inputs.add(clips.get(i).input()));
        List<FeatureSequence> seqs = null;
        try {
            seqs = encoder.encodeBatch(inputs, cancel);
        } catch (CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // find the clip(s) at fault: encode one by one
            seqs = null;
        }
        for (int j = 0; j < g.size(); j++) {
            final ClipInput c = clips.get(g.get(j));
            if (seqs != null) {
                out.add(write(c.clipId(), identity(c), seqs.get(j), store));
                continue;
            }
            try {
                out.add(encodeOne(c, encoder, store, cancel));
            } catch (IOException | RuntimeException e) {
                final ClipException ce = ClipWorkPool.asClipException(c.clipId(), e);
                if (onError == OnError.FAIL) {
                    throw ce;
                }
                out.add(EncodedClip.failed(c.clipId(), ce.getMessage()));
            }
        }
        return out;
    }

    /**
     * The identity of a clip's input now; empty when it cannot be read (the encoder then reports the problem,
     * and nothing is reused).
     */
    private static Map<String, String> identity(final ClipInput c) {
        try {
            return InputIdentity.of(c.input());
        } catch (IOException e) {
            return Map.of(InputIdentity.SIZE, "unreadable");
        }
    }

    private static boolean upToDate(final ClipOutputStore store, final ClipInput c) {
        return store.isUpToDate(c.clipId(), identity(c));
    }

    private static EncodedClip encodeOne(final ClipInput c, final ClipEncoder encoder, final ClipOutputStore store,
        final CancelToken cancel) throws IOException, CancelledException {
        cancel.check();
        try (ClipOutputStore.ClipLock lock = store.lock(c.clipId(), cancel)) {
            final Map<String, String> input = identity(c);
            if (store.isUpToDate(c.clipId(), input)) {
                // another run (into the same folder) made it meanwhile
                final Path f = store.pathFor(c.clipId());
                final int[] shape = Npy.readShape(f);
                if (shape[1] == encoder.dim()) {
                    return EncodedClip.ok(c.clipId(), f, shape[0], shape[1], true);
                }
            }
            final FeatureSequence seq = encoder.encode(c.input(), cancel);
            cancel.check();
            return write(c.clipId(), input, seq, store);
        }
    }

    private static EncodedClip write(final String clipId, final Map<String, String> input, final FeatureSequence seq,
        final ClipOutputStore store) throws IOException, CancelledException {
        final Path p = store.write(clipId, input, target -> Npy.write(target, seq));
        return EncodedClip.ok(clipId, p, seq.frames(), seq.dim(), false);
    }
}
