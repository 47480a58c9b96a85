package org.vavl.core.train;

import static org.vavl.core.model.AuxFormerConfig.AUDIO_DIM;
import static org.vavl.core.model.AuxFormerConfig.OUTPUTS;
import static org.vavl.core.model.AuxFormerConfig.TASK;
import static org.vavl.core.model.AuxFormerConfig.VISUAL_DIM;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.vavl.core.features.FeatureSequence;
import org.vavl.core.model.Architecture;
import org.vavl.core.model.AuxFormerConfig;
import org.vavl.core.model.AuxFormerNet;
import org.vavl.core.model.Task;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.DjlRuntime;
import org.vavl.core.util.EngineExceptions;
import org.vavl.core.util.NativeAllocator;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Trains AuxFormer on feature sequences, as the reference does (docs/auxformer.md, Training), with time modelled per
 * clip and padding masked by the network.
 *
 * <p><b>VAVL</b>: per batch three optimisation steps, in this order, each with its own backward pass:
 * <ol>
 * <li>visual: {@code task(pred_v) + w * MSE(recon_v, time mean of the visual input)}; updates the visual branch,
 * the shared Conformer, head_v and recon_v;</li>
 * <li>acoustic: the same for audio; updates the acoustic branch, the shared Conformer, head_a and recon_a;</li>
 * <li>fusion: the representations of both modalities computed with the branches in evaluation mode and no
 * gradient; {@code task(pred_av)}; updates the fusion head only.</li>
 * </ol>
 * One Adam per module, as the reference (so the shared Conformer's Adam steps twice per batch).
 * <b>AuxFormer (2022)</b>: one step per batch on the equal-weight mean of the audiovisual, audio-only and
 * visual-only task losses, with modality dropout (audio zeroed with probability p, else visual zeroed with
 * probability p), one Adam over all parameters.
 *
 * <p>task = cross-entropy against the class (optionally weighted by inverse class frequency), or the sum over
 * attributes of {@code 1 - CCC}. After each epoch the audiovisual output on the development split gives the
 * selection criterion (mean cross-entropy, or number of attributes minus the sum of CCC over the whole split);
 * the weights of the best epoch are kept.
 *
 * <p>Adam: DJL's {@link Adam} adds the weight decay to the gradient (L2, {@code g + wd * w}) before the moment
 * updates, as {@code torch.optim.Adam(weight_decay=...)} does (not decoupled as AdamW). Its epsilon is added to
 * the square root of the uncorrected second moment (PyTorch adds it after bias correction), a difference of
 * order 1e-8 in the denominator.
 *
 * <p>Reproducibility: the seed initialises the network, seeds PyTorch's generator (dropout) and the batch
 * shuffling and modality dropout; on the CPU the same seed gives the same history and weights. PyTorch's
 * generator is global to the JVM, so two trainings running at the same time disturb each other's dropout.
 *
 * <p>Mixed precision (the reference's {@code autocast} on GPU) is not implemented: DJL has no automatic mixed
 * precision; the network trains in float32 on every device.
 */
public final class AuxFormerTrainer {

    /**
     * PyTorch intra-op threads of the training, whatever {@link TrainingSettings#threads()} says: with one, the
     * model's bytes do not depend on the machine or the threads setting (see {@code TrainingThreadsTest}).
     */
    public static final int TRAINING_THREADS = 1;

    private AuxFormerTrainer() {
    }

    /** The trained model, the history per epoch and the clips left out. */
    public static final class Result {
        private final TrainedAuxFormer m_model;

        private final List<EpochRecord> m_history;

        private final Map<String, String> m_skipped;

        private final int m_trainClips;

        private final int m_devClips;

        Result(final TrainedAuxFormer model, final List<EpochRecord> history, final Map<String, String> skipped,
            final int trainClips, final int devClips) {
            m_model = model;
            m_history = Collections.unmodifiableList(history);
            m_skipped = Collections.unmodifiableMap(skipped);
            m_trainClips = trainClips;
            m_devClips = devClips;
        }

        /** @return the model with the weights of the selected epoch */
        public TrainedAuxFormer model() {
            return m_model;
        }

        /** @return one record per epoch run; exactly one is selected */
        public List<EpochRecord> history() {
            return m_history;
        }

        /** @return clip id to reason, for clips left out (on error = skip) */
        public Map<String, String> skipped() {
            return m_skipped;
        }

        /** @return training clips used */
        public int trainClips() {
            return m_trainClips;
        }

        /** @return development clips used */
        public int devClips() {
            return m_devClips;
        }
    }

    /**
     * Trains a model.
     *
     * @param clips all clips; those whose split is neither {@code trainValue} nor {@code devValue} are ignored
     * @param labelNames class names (categorical; a clip's class index points into them) or attribute names
     *            (dimensional; a clip's attribute values in this order)
     * @param architecture the network's hyper-parameters; its feature dims, outputs and task are set here from
     *            the data and {@code task}
     * @param task categorical or dimensional
     * @param settings optimiser, schedule, seed, device
     * @param trainValue the split value of training clips (for example "Train")
     * @param devValue the split value of development clips (for example "Development")
     * @param onError fail on an unusable clip, or leave it out
     * @param progress progress per batch, with epoch and loss in the message; cancellation
     * @throws IllegalArgumentException when a split is empty or a setting does not fit the data
     * @throws ClipException for an unusable clip when on error = fail
     * @throws CancelledException when cancelled; no model is made
     */
    public static Result train(final List<FeatureClip> clips, final List<String> labelNames,
        final AuxFormerConfig architecture, final Task task, final TrainingSettings settings,
        final String trainValue, final String devValue, final OnError onError, final Progress progress)
        throws IOException, ClipException, CancelledException {
        Objects.requireNonNull(task, "task");
        final Set<String> splits = new LinkedHashSet<>();
        for (FeatureClip c : clips) {
            splits.add(String.valueOf(c.split()));
        }
        checkSplits(splits, trainValue, devValue);
        if (labelNames.isEmpty()) {
            throw new IllegalArgumentException(task == Task.CATEGORICAL ? "There are no classes to learn."
                : "No attribute columns are selected.");
        }
        if (task == Task.CATEGORICAL && labelNames.size() < 2) {
            throw new IllegalArgumentException(
                "The categorical task needs at least two classes; the label column holds only '" + labelNames.get(0)
                    + "'.");
        }
        if (Objects.equals(trainValue, devValue)) {
            throw new IllegalArgumentException(
                "The training and development split values are both '" + trainValue + "'; they must differ.");
        }
        final Map<String, String> skipped = new LinkedHashMap<>();
        final List<FeatureClip> chosen = new ArrayList<>();
        final Set<String> splitsSeen = new LinkedHashSet<>();
        for (FeatureClip c : clips) {
            splitsSeen.add(String.valueOf(c.split()));
            if (!Objects.equals(trainValue, c.split()) && !Objects.equals(devValue, c.split())) {
                continue;
            }
            final String bad = labelProblem(c, task, labelNames);
            if (bad != null) {
                if (onError == OnError.FAIL) {
                    throw new ClipException(c.id(), bad);
                }
                skipped.put(c.id(), bad);
                continue;
            }
            chosen.add(c);
        }
        checkSplit(chosen, trainValue, "training", splitsSeen, skipped);
        checkSplit(chosen, devValue, "development", splitsSeen, skipped);

        final FeatureSet set = FeatureSet.load(chosen,
            new FeatureSet.Options().requireBothModalities(true).maxAudioFrames(settings.maxAudioFrames())
                .onError(onError).statisticsFrom(c -> Objects.equals(trainValue, c.split())),
            progress.sub(0, 0.05));
        skipped.putAll(set.skipped());
        final List<FeatureSet.Entry> train = new ArrayList<>();
        final List<FeatureSet.Entry> dev = new ArrayList<>();
        for (FeatureSet.Entry e : set.entries()) {
            (Objects.equals(trainValue, e.clip().split()) ? train : dev).add(e);
        }
        checkLoaded(train, trainValue, "training", skipped);
        checkLoaded(dev, devValue, "development", skipped);

        final AuxFormerConfig config = architecture.toBuilder().set(AUDIO_DIM, set.audioDim())
            .set(VISUAL_DIM, set.visualDim())
            .set(OUTPUTS, labelNames.size()).set(TASK, task).build();
        final Result result;
        try {
            result = DjlRuntime.call(() -> {
                final int before = Djl.intraOpThreadCount();
                try {
                    return new Run(config, labelNames, settings, set, train, dev, skipped, progress).run();
                } finally {
                    // the setting is process-wide: give other work (encoders, predictions) its thread count back
                    Djl.intraOpThreads(before);
                    // the training's freed tensor memory back to the system (glibc keeps it otherwise)
                    NativeAllocator.releaseFreeMemory();
                }
            });
        } catch (Exception e) {
            throw EngineExceptions.rethrow(e);
        }
        if (task != Task.CATEGORICAL) {
            return result;
        }
        // temperatures per head on the development clips, with the kept epoch's weights
        final List<FeatureClip> devClips = new ArrayList<>();
        dev.forEach(e -> devClips.add(e.clip()));
        return new Result(Calibration.calibrate(result.model(), devClips, settings.batchSize()), result.history(),
            result.skipped(), result.trainClips(), result.devClips());
    }

    /**
     * Checks that both split values occur among the split values of the clips.
     *
     * @param splitValues the split values found (in the order found)
     * @throws IllegalArgumentException naming the empty split, its value and the values found
     */
    public static void checkSplits(final Collection<String> splitValues, final String trainValue,
        final String devValue) {
        for (String[] s : new String[][] {{trainValue, "training"}, {devValue, "development"}}) {
            if (!splitValues.contains(s[0])) {
                throw new IllegalArgumentException("The " + s[1] + " split is empty: no clip has the split value '"
                    + s[0] + "' (values found: " + String.join(", ", splitValues) + "). Set the " + s[1]
                    + " split value to one of them, or add " + s[1] + " clips.");
            }
        }
    }

    private static String labelProblem(final FeatureClip c, final Task task, final List<String> names) {
        if (task == Task.CATEGORICAL) {
            if (c.classIndex() < 0) {
                return "Clip '" + c.id() + "' has no class label.";
            }
            if (c.classIndex() >= names.size()) {
                return "Clip '" + c.id() + "' has class index " + c.classIndex() + " but there are only "
                    + names.size() + " classes.";
            }
            return null;
        }
        final float[] a = c.attributes();
        if (a == null) {
            return "Clip '" + c.id() + "' has no attribute values.";
        }
        if (a.length != names.size()) {
            return "Clip '" + c.id() + "' has " + a.length + " attribute values, expected " + names.size() + ".";
        }
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                return "Clip '" + c.id() + "' has no value for attribute '" + names.get(i) + "'.";
            }
        }
        return null;
    }

    private static void checkSplit(final List<FeatureClip> chosen, final String value, final String what,
        final Set<String> seen, final Map<String, String> skipped) {
        if (chosen.stream().noneMatch(c -> Objects.equals(value, c.split()))) {
            throw new IllegalArgumentException("The " + what + " split is empty: no clip "
                + (skipped.isEmpty() ? "" : "with a usable label ") + "has the split value '" + value
                + "' (values found: " + String.join(", ", seen) + "). Set the " + what
                + " split value to one of them, or add " + what + " clips.");
        }
    }

    private static void checkLoaded(final List<FeatureSet.Entry> entries, final String value, final String what,
        final Map<String, String> skipped) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " split ('" + value + "') has no usable clip: all "
                + "were left out (" + skipped.size() + " clips skipped; first: "
                + skipped.values().stream().findFirst().orElse("?") + ")");
        }
    }

    /** One training run: holds the network, optimisers and data. */
    private static final class Run {
        private final AuxFormerConfig m_config;

        private final List<String> m_names;

        private final TrainingSettings m_settings;

        private final FeatureSet m_set;

        private final List<FeatureSet.Entry> m_train;

        private final List<FeatureSet.Entry> m_dev;

        private final Map<String, String> m_skipped;

        private final Progress m_progress;

        private final NormStats m_audioStats;

        private final NormStats m_visualStats;

        private final boolean m_vavl;

        private final float m_reconWeight;

        private final float m_learningRate;

        private NDManager m_manager;

        private AuxFormerNet m_net;

        private ParameterStore m_ps;

        private NDArray m_classWeights;

        Run(final AuxFormerConfig config, final List<String> names, final TrainingSettings settings,
            final FeatureSet set, final List<FeatureSet.Entry> train, final List<FeatureSet.Entry> dev,
            final Map<String, String> skipped, final Progress progress) {
            m_config = config;
            m_names = names;
            m_settings = settings;
            m_set = set;
            m_train = train;
            m_dev = dev;
            m_skipped = skipped;
            m_progress = progress;
            m_audioStats = set.statistics(Modality.AUDIO);
            m_visualStats = set.statistics(Modality.VISUAL);
            m_vavl = config.architecture() == Architecture.VAVL;
            m_reconWeight = settings.reconstructionWeight(config.task());
            m_learningRate = settings.learningRate(config.architecture());
        }

        Result run() throws IOException, ClipException, CancelledException {
            final Device device = DjlRuntime.device(m_settings.device(), Djl.ENGINE);
            Djl.noGradOnThisThread();
            // one intra-op thread whatever the threads setting: how PyTorch (and MKL) split sums over threads
            // changes their last bits, so 1 and 2 threads trained models that differed; with one, the same
            // clips, settings and seed give the same model bytes on any machine
            Djl.intraOpThreads(TRAINING_THREADS);
            final Engine engine = Engine.getEngine(Djl.ENGINE);
            try (NDManager manager = NDManager.newBaseManager(device, Djl.ENGINE)) {
                m_manager = manager;
                m_net = AuxFormerNet.create(m_config, manager, m_settings.seed());
                engine.setRandomSeed((int)m_settings.seed());
                m_ps = new ParameterStore(manager, false);
                if (m_settings.classWeights() && m_config.task() == Task.CATEGORICAL) {
                    m_classWeights = manager.create(classWeights());
                }
                final TrainingStep step = m_vavl
                    ? TrainingStep.vavl(m_net, m_ps, this::taskLoss, this::adam, m_reconWeight)
                    : TrainingStep.auxFormer2022(m_net, m_ps, this::taskLoss, this::adam,
                        m_settings.modalityDropout(), m_settings.seed());
                final Random shuffle = new Random(m_settings.seed());
                final long[] lengths = new long[m_train.size()];
                for (int i = 0; i < lengths.length; i++) {
                    lengths[i] = lengthKey(m_train.get(i));
                }
                final int epochs = m_settings.epochs();
                final int trainBatches = (m_train.size() + m_settings.batchSize() - 1) / m_settings.batchSize();
                final int devBatches = (m_dev.size() + m_settings.batchSize() - 1) / m_settings.batchSize();
                final double unitsPerEpoch = trainBatches + 0.3 * devBatches;
                final Progress p = m_progress.sub(0.05, 0.95);

                final List<EpochRecord> history = new ArrayList<>();
                byte[] bestWeights = null;
                final EpochSelector selector = new EpochSelector(m_settings.patience());
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    final long t0 = System.nanoTime();
                    final double[] sums = new double[4];
                    int n = 0;
                    final List<int[]> batches = Batches.forTraining(lengths, m_settings.batchSize(), shuffle);
                    for (int bi = 0; bi < batches.size(); bi++) {
                        final int[] batch = batches.get(bi);
                        m_progress.checkCancelled();
                        final double[] losses;
                        // batch inputs live in a sub-manager; each optimisation step's graph in its own NDScope
                        try (NDManager batchManager = manager.newSubManager()) {
                            losses = step.run(arrays(batchManager, m_train, batch, true).toBatch(), m_progress);
                        }
                        for (int k = 0; k < 4; k++) {
                            sums[k] += losses[k] * batch.length;
                        }
                        n += batch.length;
                        p.update(((epoch - 1) * unitsPerEpoch + bi + 1) / (epochs * unitsPerEpoch),
                            step.message(epoch, epochs, bi + 1, batches.size(), losses));
                    }
                    m_progress.checkCancelled();
                    p.update((epoch - 1 + trainBatches / unitsPerEpoch) / epochs,
                        "Epoch " + epoch + "/" + epochs + ": evaluating " + m_dev.size() + " development clips");
                    final double[] dev = evaluate();
                    final double seconds = (System.nanoTime() - t0) / 1e9;
                    history.add(new EpochRecord(epoch, sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, dev[0],
                        dev[1], seconds, false));
                    if (selector.offer(epoch, dev[0])) {
                        bestWeights = weights();
                    }
                    p.update((double)epoch / epochs, String.format(Locale.ROOT,
                        "Epoch %d/%d done: development %s %.4f (best %.4f, epoch %d)", epoch, epochs,
                        m_config.task() == Task.CATEGORICAL ? "loss" : "criterion", dev[0], selector.best(),
                        selector.bestEpoch()));
                    if (selector.shouldStop()) {
                        break;
                    }
                }
                for (int i = 0; i < history.size(); i++) {
                    history.set(i, history.get(i).withSelected(history.get(i).epoch() == selector.bestEpoch()));
                }
                final Map<String, String> info = new LinkedHashMap<>();
                info.put("Training clips", Integer.toString(m_train.size()));
                info.put("Development clips", Integer.toString(m_dev.size()));
                info.put("Epochs run", Integer.toString(history.size()));
                info.put("Selected epoch", Integer.toString(selector.bestEpoch()));
                info.put("Development criterion", Double.toString(selector.best()));
                info.put("Learning rate", Float.toString(m_learningRate));
                info.put("Batch size", Integer.toString(m_settings.batchSize()));
                info.put("Seed", Long.toString(m_settings.seed()));
                info.put(MAX_AUDIO_FRAMES, Integer.toString(m_settings.maxAudioFrames()));
                info.put(PARAMETERS, Long.toString(m_net.trainableParameters().stream()
                    .mapToLong(q -> q.getArray().size()).sum()));
                final TrainedAuxFormer model = new TrainedAuxFormer(m_config, m_names, m_audioStats, m_visualStats,
                    bestWeights, Djl.versions(), info);
                return new Result(model, history, m_skipped, m_train.size(), m_dev.size());
            }
        }

        private Optimizer adam() {
            return Adam.builder().optLearningRateTracker(Tracker.fixed(m_learningRate)).optBeta1(m_settings.beta1())
                .optBeta2(m_settings.beta2()).optWeightDecays(m_settings.weightDecay()).build();
        }

        private float[] classWeights() {
            final int c = m_names.size();
            final int[] counts = new int[c];
            for (FeatureSet.Entry e : m_train) {
                counts[e.clip().classIndex()]++;
            }
            final float[] w = new float[c];
            for (int i = 0; i < c; i++) {
                // "balanced" weights: n / (classes * n_c); a class without training clips gets 0
                w[i] = counts[i] == 0 ? 0f : (float)m_train.size() / (c * counts[i]);
            }
            return w;
        }

        private NDArray taskLoss(final NDArray pred, final NDArray y) {
            return m_config.task() == Task.CATEGORICAL ? Losses.crossEntropy(pred, y, m_classWeights)
                : Losses.cccLoss(pred, y);
        }

        /** @return (criterion, metric) of the audiovisual output over the development split */
        private double[] evaluate() throws IOException, ClipException, CancelledException {
            final long[] lengths = new long[m_dev.size()];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = lengthKey(m_dev.get(i));
            }
            final float[][] out = new float[m_dev.size()][];
            for (int[] batch : Batches.byLength(lengths, m_settings.batchSize())) {
                m_progress.checkCancelled();
                try (NDScope scope = new NDScope()) {
                    final BatchArrays b = arrays(m_manager, m_dev, batch, false);
                    final NDList res = m_net.forward(m_ps,
                        new NDList(b.m_audio, b.m_audioMask, b.m_visual, b.m_visualMask), false);
                    final float[] flat = res.get(0).toFloatArray();
                    final int k = m_config.outputs();
                    for (int i = 0; i < batch.length; i++) {
                        out[batch[i]] = java.util.Arrays.copyOfRange(flat, i * k, (i + 1) * k);
                    }
                    scope.suppressNotUsedWarning();
                }
            }
            if (m_config.task() == Task.CATEGORICAL) {
                final int[] cls = new int[m_dev.size()];
                for (int i = 0; i < cls.length; i++) {
                    cls[i] = m_dev.get(i).clip().classIndex();
                }
                return new double[] {Losses.crossEntropy(out, cls), Losses.accuracy(out, cls)};
            }
            final float[][] truth = new float[m_dev.size()][];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = m_dev.get(i).clip().attributes();
            }
            final double[] ccc = Losses.ccc(out, truth);
            double sum = 0;
            for (double c : ccc) {
                sum += c;
            }
            return new double[] {ccc.length - sum, sum / ccc.length};
        }

        private byte[] weights() throws IOException {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                m_net.saveParameters(out);
            }
            return bytes.toByteArray();
        }

        private BatchArrays arrays(final NDManager manager, final List<FeatureSet.Entry> entries, final int[] batch,
            final boolean means) throws ClipException {
            final List<FeatureSequence> a = new ArrayList<>(batch.length);
            final List<FeatureSequence> v = new ArrayList<>(batch.length);
            final int k = m_config.outputs();
            final float[] labels = new float[batch.length * k];
            for (int i = 0; i < batch.length; i++) {
                final FeatureSet.Entry e = entries.get(batch[i]);
                a.add(m_set.sequence(e, Modality.AUDIO));
                v.add(m_set.sequence(e, Modality.VISUAL));
                if (m_config.task() == Task.CATEGORICAL) {
                    labels[i * k + e.clip().classIndex()] = 1f;
                } else {
                    System.arraycopy(e.clip().attributes(), 0, labels, i * k, k);
                }
            }
            final PaddedBatch pa = new PaddedBatch(a, m_audioStats);
            final PaddedBatch pv = new PaddedBatch(v, m_visualStats);
            final BatchArrays b = new BatchArrays();
            b.m_audio = pa.values(manager);
            b.m_audioMask = pa.mask(manager);
            b.m_visual = pv.values(manager);
            b.m_visualMask = pv.mask(manager);
            if (means) {
                b.m_audioMean = pa.mean(manager);
                b.m_visualMean = pv.mean(manager);
            }
            b.m_labels = manager.create(labels, new Shape(batch.length, k));
            return b;
        }
    }

    /** The info key under which the audio cut (frames, 0 = none) is recorded; prediction cuts the same way. */
    public static final String MAX_AUDIO_FRAMES = "Maximum audio frames";

    /** Info key of the model's number of trainable parameters. */
    public static final String PARAMETERS = "Parameters";

    /** Sort key for batching: audio frames, then visual frames. */
    static long lengthKey(final FeatureSet.Entry e) {
        return ((long)e.frames(Modality.AUDIO) << 32) | e.frames(Modality.VISUAL);
    }

    private static final class BatchArrays {
        NDArray m_audio;

        NDArray m_audioMask;

        NDArray m_visual;

        NDArray m_visualMask;

        NDArray m_audioMean;

        NDArray m_visualMean;

        NDArray m_labels;

        TrainingStep.Batch toBatch() {
            return new TrainingStep.Batch(m_audio, m_audioMask, m_visual, m_visualMask, m_audioMean, m_visualMean,
                m_labels);
        }
    }
}
