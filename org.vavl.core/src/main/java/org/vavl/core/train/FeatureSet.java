package org.vavl.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

/**
 * The feature sequences of a list of clips, checked once when loaded: every file is read, its frames and
 * dimension recorded, dimensions compared with the other clips (or the model's), and, for the clips chosen
 * by a predicate (the training split), normalisation statistics accumulated. Sequences are kept in memory
 * while they fit a budget; the rest are read again from disk when a batch needs them, so memory does not
 * grow with the size of the corpus.
 *
 * <p>A clip that cannot be used (missing file, unreadable file, zero frames where both modalities are
 * needed, a dimension that differs) fails the load with a {@link ClipException} naming the clip, or, with
 * {@link OnError#SKIP}, is left out and reported by {@link #skipped()}.
 */
public final class FeatureSet {

    /** How to load. */
    public static final class Options {
        boolean m_requireBoth;

        int m_maxAudioFrames;

        int m_expectedAudioDim;

        int m_expectedVisualDim;

        OnError m_onError = OnError.FAIL;

        long m_memoryBudget = defaultBudget();

        Predicate<FeatureClip> m_statsFrom;

        /** Every clip needs both modalities with at least one frame (training). */
        public Options requireBothModalities(final boolean b) {
            m_requireBoth = b;
            return this;
        }

        /** Audio longer than this many frames is cut to its first frames; 0 = never cut. */
        public Options maxAudioFrames(final int frames) {
            m_maxAudioFrames = Math.max(0, frames);
            return this;
        }

        /** The dimensions a model expects; 0 = take them from the first usable clip. */
        public Options expectedDims(final int audioDim, final int visualDim) {
            m_expectedAudioDim = audioDim;
            m_expectedVisualDim = visualDim;
            return this;
        }

        /** What to do with a clip that cannot be used. */
        public Options onError(final OnError onError) {
            m_onError = onError;
            return this;
        }

        /** Bytes of feature values kept in memory; beyond that sequences are re-read per batch. */
        public Options memoryBudget(final long bytes) {
            m_memoryBudget = bytes;
            return this;
        }

        /** Accumulate normalisation statistics over the clips this accepts (the training split). */
        public Options statisticsFrom(final Predicate<FeatureClip> which) {
            m_statsFrom = which;
            return this;
        }

        private static long defaultBudget() {
            return Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
        }
    }

    /** One usable clip: its frame counts and, when cached, its sequences. */
    public static final class Entry {
        private final FeatureClip m_clip;

        private final int m_audioFrames;

        private final int m_visualFrames;

        private final FeatureSequence m_audio;

        private final FeatureSequence m_visual;

        Entry(final FeatureClip clip, final int audioFrames, final int visualFrames, final FeatureSequence audio,
            final FeatureSequence visual) {
            m_clip = clip;
            m_audioFrames = audioFrames;
            m_visualFrames = visualFrames;
            m_audio = audio;
            m_visual = visual;
        }

        /** @return the clip */
        public FeatureClip clip() {
            return m_clip;
        }

        /** @return frames of a modality after cutting; 0 when the clip lacks it */
        public int frames(final Modality m) {
            return m == Modality.AUDIO ? m_audioFrames : m_visualFrames;
        }

        /** @return true when the clip has at least one frame of the modality */
        public boolean has(final Modality m) {
            return frames(m) > 0;
        }
    }

    private final List<Entry> m_entries;

    private final Map<String, String> m_skipped;

    private final int m_audioDim;

    private final int m_visualDim;

    private final int m_maxAudioFrames;

    private final Map<Modality, NormStats> m_stats;

    private FeatureSet(final List<Entry> entries, final Map<String, String> skipped, final int audioDim,
        final int visualDim, final int maxAudioFrames, final Map<Modality, NormStats> stats) {
        m_entries = Collections.unmodifiableList(entries);
        m_skipped = Collections.unmodifiableMap(skipped);
        m_audioDim = audioDim;
        m_visualDim = visualDim;
        m_maxAudioFrames = maxAudioFrames;
        m_stats = stats;
    }

    /**
     * Reads and checks the feature files of all clips.
     *
     * @throws ClipException for the first unusable clip when on error = fail
     * @throws CancelledException when cancelled
     */
    public static FeatureSet load(final List<FeatureClip> clips, final Options options, final Progress progress)
        throws ClipException, CancelledException {
        final List<Entry> entries = new ArrayList<>(clips.size());
        final Map<String, String> skipped = new LinkedHashMap<>();
        final int[] dims = {options.m_expectedAudioDim, options.m_expectedVisualDim};
        final String[] dimSource = {null, null};
        final Map<Modality, NormStats.Accumulator> acc = new EnumMap<>(Modality.class);
        long cached = 0;
        int i = 0;
        for (FeatureClip clip : clips) {
            progress.checkCancelled();
            progress.update((double)i / Math.max(1, clips.size()),
                "Reading feature sequences: clip " + (i + 1) + " of " + clips.size() + " (" + clip.id() + ")");
            i++;
            final FeatureSequence[] seqs = new FeatureSequence[2];
            try {
                for (Modality m : Modality.values()) {
                    final int k = m.ordinal();
                    final FeatureSequence s = read(clip, m, m == Modality.AUDIO ? options.m_maxAudioFrames : 0);
                    if (s != null && s.frames() > 0) {
                        if (dims[k] <= 0) {
                            dims[k] = s.dim();
                            dimSource[k] = clip.id();
                        } else if (s.dim() != dims[k]) {
                            throw new ClipException(clip.id(), dimMessage(clip, m, s.dim(), dims[k], dimSource[k]));
                        }
                    }
                    seqs[k] = s;
                }
                if (options.m_requireBoth) {
                    for (Modality m : Modality.values()) {
                        final FeatureSequence s = seqs[m.ordinal()];
                        if (s == null) {
                            throw new ClipException(clip.id(), "Clip '" + clip.id() + "' has no " + m.word()
                                + " feature file; training needs both modalities for every clip. "
                                + "Fill the " + m.word() + " feature path or leave the clip out.");
                        }
                        if (s.frames() == 0) {
                            throw new ClipException(clip.id(), "Clip '" + clip.id() + "': its " + m.word()
                                + " feature file '" + clip.path(m) + "' has zero frames; training needs at least one"
                                + " frame of both modalities for every clip.");
                        }
                    }
                } else if (frames(seqs[0]) == 0 && frames(seqs[1]) == 0) {
                    throw new ClipException(clip.id(), "Clip '" + clip.id()
                        + "' has neither audio nor visual features (paths missing or sequences of zero frames).");
                }
            } catch (ClipException e) {
                if (options.m_onError == OnError.FAIL) {
                    throw e;
                }
                skipped.put(clip.id(), e.getMessage());
                continue;
            }
            if (options.m_statsFrom != null && options.m_statsFrom.test(clip)) {
                for (Modality m : Modality.values()) {
                    final FeatureSequence s = seqs[m.ordinal()];
                    if (s != null && s.frames() > 0) {
                        acc.computeIfAbsent(m, x -> new NormStats.Accumulator(s.dim())).add(s);
                    }
                }
            }
            final long bytes = 4L * (values(seqs[0]) + values(seqs[1]));
            final boolean keep = cached + bytes <= options.m_memoryBudget;
            if (keep) {
                cached += bytes;
            }
            entries.add(new Entry(clip, frames(seqs[0]), frames(seqs[1]), keep ? seqs[0] : null,
                keep ? seqs[1] : null));
        }
        progress.update(1, "Read the feature sequences of " + entries.size() + " clips");
        final Map<Modality, NormStats> stats = new EnumMap<>(Modality.class);
        acc.forEach((m, a) -> stats.put(m, a.stats()));
        return new FeatureSet(entries, skipped, Math.max(0, dims[0]), Math.max(0, dims[1]),
            options.m_maxAudioFrames, stats);
    }

    private static String dimMessage(final FeatureClip clip, final Modality m, final int dim, final int expected,
        final String source) {
        if (source == null) {
            return "Clip '" + clip.id() + "': its " + m.word() + " feature sequence has dimension " + dim
                + ", but the model expects " + expected + " (the dimension it was trained on). Use " + m.word()
                + " features from the same encoder as for training.";
        }
        return "Clip '" + clip.id() + "': its " + m.word() + " feature sequence has dimension " + dim
            + ", but clip '" + source + "' has " + expected + ". All clips need " + m.word()
            + " features from the same encoder.";
    }

    private static int frames(final FeatureSequence s) {
        return s == null ? 0 : s.frames();
    }

    private static long values(final FeatureSequence s) {
        return s == null ? 0 : s.values().length;
    }

    /**
     * Reads one modality's feature sequence of a clip.
     *
     * @param maxFrames cut to this many frames; 0 = never
     * @return the sequence, or null when the clip has no path for the modality
     * @throws ClipException when the file is missing or cannot be read
     */
    public static FeatureSequence read(final FeatureClip clip, final Modality m, final int maxFrames)
        throws ClipException {
        final Path p = clip.path(m);
        if (p == null) {
            return null;
        }
        if (!Files.isRegularFile(p)) {
            throw new ClipException(clip.id(), "Clip '" + clip.id() + "': the " + m.word() + " feature file '" + p
                + "' does not exist. Check the path or run the " + (m == Modality.AUDIO ? "Audio" : "Face")
                + " Encoder for this clip.");
        }
        final FeatureSequence s;
        try {
            s = Npy.read(p);
        } catch (IOException e) {
            throw new ClipException(clip.id(),
                "Clip '" + clip.id() + "': cannot read its " + m.word() + " feature file: " + e.getMessage(), e);
        }
        if (maxFrames > 0 && s.frames() > maxFrames) {
            final float[] cut = new float[maxFrames * s.dim()];
            System.arraycopy(s.values(), 0, cut, 0, cut.length);
            return new FeatureSequence(cut, maxFrames, s.dim());
        }
        return s;
    }

    /** @return the usable clips, in input order */
    public List<Entry> entries() {
        return m_entries;
    }

    /** @return clip id to reason, for clips left out (on error = skip) */
    public Map<String, String> skipped() {
        return m_skipped;
    }

    /** @return the audio feature dimension (0 when no clip has audio) */
    public int audioDim() {
        return m_audioDim;
    }

    /** @return the visual feature dimension (0 when no clip has visual features) */
    public int visualDim() {
        return m_visualDim;
    }

    /** @return the normalisation statistics of a modality over the chosen clips, or null */
    public NormStats statistics(final Modality m) {
        return m_stats.get(m);
    }

    /**
     * @return the sequence of an entry's modality (from memory or read again), cut as when loaded; null when
     *         the clip lacks the modality
     */
    public FeatureSequence sequence(final Entry e, final Modality m) throws ClipException {
        if (!e.has(m)) {
            return null;
        }
        final FeatureSequence cached = m == Modality.AUDIO ? e.m_audio : e.m_visual;
        if (cached != null) {
            return cached;
        }
        final FeatureSequence s = read(e.m_clip, m, m == Modality.AUDIO ? m_maxAudioFrames : 0);
        if (s == null || s.frames() != e.frames(m)) {
            throw new ClipException(e.m_clip.id(), "Clip '" + e.m_clip.id() + "': its " + m.word()
                + " feature file changed while the node was running.");
        }
        return s;
    }
}
