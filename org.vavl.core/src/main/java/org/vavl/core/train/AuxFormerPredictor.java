package org.vavl.core.train;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.vavl.core.features.FeatureSequence;
import org.vavl.core.model.AuxFormerConfig;
import org.vavl.core.model.AuxFormerNet;
import org.vavl.core.settings.Setting;
import org.vavl.core.model.Task;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.DjlRuntime;
import org.vavl.core.util.EngineExceptions;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.ParameterStore;

/**
 * Applies a trained AuxFormer to clips, in batches of similar lengths, and gives per clip three outputs:
 * audiovisual (fusion head), audio-only (head_a) and visual-only (head_v). A clip that lacks one modality
 * (no path, or a sequence of zero frames) gets the output of the modality it has as its audiovisual output,
 * and {@link InputUsed} says so. Categorical outputs are class probabilities (softmax), dimensional outputs
 * the attribute values.
 *
 * <p>Every clip is computed in evaluation mode with its own frames only (the network masks padding), so a
 * clip's prediction does not depend on the other clips of its batch. Open once, predict, close.
 */
public final class AuxFormerPredictor implements AutoCloseable {

    /** Clips per batch of {@link #predict}; a batch's clips are computed together (each with its own frames). */
    public static final Setting<Integer> BATCH_SIZE = Setting.integer("batchSize", 32, 1, 100_000)
        .withKey("batch size").withLabel("Batch size")
        .withDescription("Clips computed together; a clip's prediction does not depend on its batch.");

    /** Which input produced a clip's audiovisual output. */
    public enum InputUsed {
        /** both modalities, through the fusion head */
        AUDIOVISUAL(Vocabulary.Output.AUDIOVISUAL.label()),
        /** audio only (the clip has no visual features), through head_a: "audio-only", as the output is named */
        AUDIO_ONLY(Vocabulary.Output.AUDIO_ONLY.label()),
        /** visual only (the clip has no audio features), through head_v: "visual-only" */
        VISUAL_ONLY(Vocabulary.Output.VISUAL_ONLY.label());

        private final String m_label;

        InputUsed(final String label) {
            m_label = label;
        }

        /** @return the value of the {@code Input used} column */
        public String label() {
            return m_label;
        }
    }

    /** The outputs for one clip, or why there are none. */
    public static final class ClipPrediction {
        private final String m_clip;

        private final float[] m_audiovisual;

        private final float[] m_audio;

        private final float[] m_visual;

        private final InputUsed m_used;

        private final String m_error;

        ClipPrediction(final String clip, final float[] audiovisual, final float[] audio, final float[] visual,
            final InputUsed used, final String error) {
            m_clip = clip;
            m_audiovisual = audiovisual;
            m_audio = audio;
            m_visual = visual;
            m_used = used;
            m_error = error;
        }

        /** @return the clip id */
        public String clip() {
            return m_clip;
        }

        /** @return probabilities or attribute values from the input used; null when the clip failed */
        public float[] audiovisual() {
            return m_audiovisual;
        }

        /** @return the audio-only output; null when the clip has no audio or failed */
        public float[] audioOnly() {
            return m_audio;
        }

        /** @return the visual-only output; null when the clip has no visual features or failed */
        public float[] visualOnly() {
            return m_visual;
        }

        /** @return which input made the audiovisual output; null when the clip failed */
        public InputUsed inputUsed() {
            return m_used;
        }

        /** @return why the clip has no prediction, or null */
        public String error() {
            return m_error;
        }

        /** @return true when the clip has outputs */
        public boolean ok() {
            return m_error == null;
        }
    }

    private final TrainedAuxFormer m_model;

    private final AuxFormerConfig m_config;

    private final NDManager m_manager;

    private final AuxFormerNet m_net;

    /** Per head (audiovisual, audio-only, visual-only) the model's temperature, 1 when it has none. */
    private final double[] m_temperatures;

    private AuxFormerPredictor(final TrainedAuxFormer model, final NDManager manager, final AuxFormerNet net) {
        m_model = model;
        m_config = model.config();
        m_manager = manager;
        m_net = net;
        m_temperatures = Calibration.temperatures(model);
    }

    /**
     * Loads the model's weights onto a device.
     *
     * @param device auto, cpu or gpu
     * @throws IOException when the weights do not fit the model's configuration
     */
    public static AuxFormerPredictor open(final TrainedAuxFormer model, final String device) throws IOException {
        return DjlRuntime.call(() -> {
            final Device d = DjlRuntime.device(device, Djl.ENGINE);
            final NDManager manager = NDManager.newBaseManager(d, Djl.ENGINE);
            try {
                final AuxFormerNet net = new AuxFormerNet(model.config());
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(model.weights()))) {
                    net.loadParameters(manager, in);
                } catch (MalformedModelException | IOException | RuntimeException e) {
                    throw new IOException("The AuxFormer model's weights do not fit its configuration: "
                        + e.getMessage(), e);
                }
                return new AuxFormerPredictor(model, manager, net);
            } catch (Exception e) {
                manager.close();
                throw e;
            }
        });
    }

    /** @return the model */
    public TrainedAuxFormer model() {
        return m_model;
    }

    /**
     * Predicts clips.
     *
     * @param clips the clips, in output order (labels and splits are ignored)
     * @param batchSize clips per batch
     * @param threads batches computed at the same time (each with its own PyTorch thread)
     * @param onError fail on an unusable clip (missing file, wrong dimension, no modality at all), or report it
     *            in the clip's {@link ClipPrediction#error()}
     * @param progress progress per batch and cancellation
     * @return one prediction per clip, in the clips' order
     */
    public List<ClipPrediction> predict(final List<FeatureClip> clips, final int batchSize, final int threads,
        final OnError onError, final Progress progress) throws IOException, ClipException, CancelledException {
        return predict(clips, batchSize, threads, onError, progress, false);
    }

    /**
     * The heads' raw outputs (logits before softmax and temperature) of clips, one thread, unusable clips reported
     * in their prediction: what {@link Calibration} fits the temperatures on.
     */
    List<ClipPrediction> predictLogits(final List<FeatureClip> clips, final int batchSize)
        throws IOException, ClipException, CancelledException {
        return predict(clips, batchSize, 1, OnError.SKIP, Progress.NONE, true);
    }

    private List<ClipPrediction> predict(final List<FeatureClip> clips, final int batchSize, final int threads,
        final OnError onError, final Progress progress, final boolean raw) throws IOException, ClipException, CancelledException {
        final int maxAudio = parseInt(m_model.info().get(AuxFormerTrainer.MAX_AUDIO_FRAMES));
        final FeatureSet set = FeatureSet.load(clips, new FeatureSet.Options()
            .expectedDims(m_config.audioDim(), m_config.visualDim()).maxAudioFrames(maxAudio).onError(onError),
            progress.sub(0, 0.1));
        final List<FeatureSet.Entry> entries = set.entries();
        // three groups: both modalities, audio only, visual only
        final List<List<Integer>> groups = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < entries.size(); i++) {
            final FeatureSet.Entry e = entries.get(i);
            final int g = e.has(Modality.AUDIO) && e.has(Modality.VISUAL) ? 0 : e.has(Modality.AUDIO) ? 1 : 2;
            groups.get(g).add(i);
        }
        final List<Job> jobs = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            final List<Integer> members = groups.get(g);
            final long[] lengths = new long[members.size()];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = AuxFormerTrainer.lengthKey(entries.get(members.get(i)));
            }
            for (int[] b : Batches.byLength(lengths, Math.max(1, batchSize))) {
                final int[] idx = new int[b.length];
                for (int i = 0; i < b.length; i++) {
                    idx[i] = members.get(b[i]);
                }
                jobs.add(new Job(InputUsed.values()[g], idx));
            }
        }
        final ClipPrediction[] byEntry = new ClipPrediction[entries.size()];
        final Progress p = progress.sub(0.1, 0.9);
        final AtomicInteger done = new AtomicInteger();
        final int workers = Math.max(1, Math.min(threads, jobs.size()));
        if (workers <= 1) {
            try {
                DjlRuntime.run(() -> {
                    Djl.noGradOnThisThread();
                    final ParameterStore ps = new ParameterStore(m_manager, false);
                    for (Job j : jobs) {
                        progress.checkCancelled();
                        run(j, set, ps, byEntry, raw);
                        report(p, done.incrementAndGet(), jobs.size(), entries.size());
                    }
                });
            } catch (Exception e) {
                throw EngineExceptions.rethrow(e);
            }
        } else {
            final ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                final Thread t = new Thread(r, "vavl-auxformer-predict");
                t.setDaemon(true);
                return t;
            });
            try {
                final List<Future<?>> futures = new ArrayList<>();
                for (Job j : jobs) {
                    futures.add(pool.submit(() -> DjlRuntime.call(() -> {
                        if (progress.isCancelled()) {
                            throw new CancelledException();
                        }
                        Djl.noGradOnThisThread();
                        run(j, set, new ParameterStore(m_manager, false), byEntry, raw);
                        report(p, done.incrementAndGet(), jobs.size(), entries.size());
                        return null;
                    })));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw EngineExceptions.rethrow(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancelledException();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        progress.checkCancelled();
        final Map<FeatureClip, ClipPrediction> byClip = new IdentityHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byClip.put(entries.get(i).clip(), byEntry[i]);
        }
        final List<ClipPrediction> out = new ArrayList<>(clips.size());
        for (FeatureClip c : clips) {
            final ClipPrediction pred = byClip.get(c);
            out.add(pred != null ? pred : new ClipPrediction(c.id(), null, null, null, null,
                set.skipped().getOrDefault(c.id(), "Clip '" + c.id() + "' could not be read.")));
        }
        return out;
    }

    private static void report(final Progress p, final int done, final int jobs, final int clips) {
        p.update((double)done / jobs, "Predicted batch " + done + " of " + jobs + " (" + clips + " clips)");
    }

    private static int parseInt(final String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static final class Job {
        final InputUsed m_used;

        final int[] m_entries;

        Job(final InputUsed used, final int[] entries) {
            m_used = used;
            m_entries = entries;
        }
    }

    private void run(final Job job, final FeatureSet set, final ParameterStore ps, final ClipPrediction[] out,
        final boolean raw) throws ClipException {
        final List<FeatureSet.Entry> entries = set.entries();
        final int n = job.m_entries.length;
        final int k = m_config.outputs();
        try (NDScope scope = new NDScope()) {
            NDArray audio = null;
            NDArray audioMask = null;
            NDArray visual = null;
            NDArray visualMask = null;
            if (job.m_used != InputUsed.VISUAL_ONLY) {
                final PaddedBatch b = batch(set, job, Modality.AUDIO);
                audio = b.values(m_manager);
                audioMask = b.mask(m_manager);
            }
            if (job.m_used != InputUsed.AUDIO_ONLY) {
                final PaddedBatch b = batch(set, job, Modality.VISUAL);
                visual = b.values(m_manager);
                visualMask = b.mask(m_manager);
            }
            float[] av = null;
            float[] a = null;
            float[] v = null;
            switch (job.m_used) {
                case AUDIOVISUAL: {
                    final NDList res = m_net.forward(ps, new NDList(audio, audioMask, visual, visualMask), false);
                    av = res.get(0).toFloatArray();
                    a = res.get(1).toFloatArray();
                    v = res.get(2).toFloatArray();
                    break;
                }
                case AUDIO_ONLY:
                    a = m_net.headAudio(ps, m_net.representAudio(ps, audio, audioMask, false), false).toFloatArray();
                    av = a;
                    break;
                default:
                    v = m_net.headVisual(ps, m_net.representVisual(ps, visual, visualMask, false), false)
                        .toFloatArray();
                    av = v;
                    break;
            }
            scope.suppressNotUsedWarning();
            for (int i = 0; i < n; i++) {
                final int e = job.m_entries[i];
                // a clip with one modality: its audiovisual output is that modality's head, calibrated as that head
                final int avHead = job.m_used == InputUsed.AUDIOVISUAL ? 0 : job.m_used == InputUsed.AUDIO_ONLY ? 1 : 2;
                out[e] = new ClipPrediction(entries.get(e).clip().id(), row(av, i, k, avHead, raw),
                    row(a, i, k, 1, raw), row(v, i, k, 2, raw), job.m_used, null);
            }
        }
    }

    private PaddedBatch batch(final FeatureSet set, final Job job, final Modality m) throws ClipException {
        final List<FeatureSequence> seqs = new ArrayList<>(job.m_entries.length);
        for (int e : job.m_entries) {
            seqs.add(set.sequence(set.entries().get(e), m));
        }
        return new PaddedBatch(seqs, m_model.stats(m));
    }

    /** @return clip i's outputs of one head: calibrated probabilities (categorical), attributes, or raw logits */
    private float[] row(final float[] flat, final int i, final int k, final int head, final boolean raw) {
        if (flat == null) {
            return null;
        }
        final float[] r = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        return m_config.task() == Task.CATEGORICAL && !raw ? Calibration.softmax(r, m_temperatures[head]) : r;
    }

    @Override
    public void close() {
        m_manager.close();
    }
}
