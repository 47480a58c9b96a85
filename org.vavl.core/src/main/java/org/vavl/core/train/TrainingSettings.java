package org.vavl.core.train;

import java.util.Map;

import org.vavl.core.model.Architecture;
import org.vavl.core.model.Task;
import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * How AuxFormer is trained, each setting stated once as a {@link Setting} (name, node key, default, bounds, label,
 * description) from which the persisted map ({@link #toMap()} / {@link #fromMap(Map)}), the builder and the AuxFormer
 * Learner's settings models and dialog are derived. The defaults are the reference's (docs/auxformer.md, Training).
 * Make one with {@link #builder()}.
 *
 * @param epochs passes over the training split (default 20)
 * @param batchSize clips per batch (default 32, the reference's CREMA-D value; it used 9 for MSP-IMPROV)
 * @param learningRate the Adam learning rate; 0 (default) means the architecture's: 5e-5 (VAVL) or 7.25e-4
 *            (AuxFormer 2022), see {@link #learningRate(Architecture)}
 * @param beta1 Adam beta1 (default 0.95)
 * @param beta2 Adam beta2 (default 0.999)
 * @param weightDecay Adam weight decay, added to the gradient as an L2 term (default 5e-7)
 * @param reconstructionWeight weight w of the reconstruction loss in the unimodal steps (VAVL); negative (default)
 *            means the reference's: 2 for the categorical task, 1 for the dimensional task, see
 *            {@link #reconstructionWeight(Task)}
 * @param classWeights weight the cross-entropy by inverse class frequency of the training split (default false)
 * @param patience stop after this many epochs without a lower development loss; 0 = never (default)
 * @param seed the seed of initialisation, dropout and shuffling (default 0, as the reference)
 * @param device auto, cpu or gpu (default auto)
 * @param maxAudioFrames audio feature sequences longer than this are cut to their first frames; 0 = never (default;
 *            the reference cuts at 12 s = 600 frames at 50 Hz). The Learner converts its duration in seconds to this
 * @param modalityDropout AuxFormer (2022) only: probability that a batch's audio is zeroed, and otherwise that its
 *            visual input is zeroed (default 0.2)
 * @param threads the threads asked for (0 = default). It no longer reaches the training's arithmetic: the trainer
 *            computes with {@link AuxFormerTrainer#TRAINING_THREADS} intra-op thread(s) whatever this says, so that the
 *            same clips, settings and seed give the same model bytes on any machine and thread count. Kept so that
 *            existing settings still load
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, float beta1, float beta2,
    float weightDecay, float reconstructionWeight, boolean classWeights, int patience, int seed, String device,
    int maxAudioFrames, float modalityDropout, int threads) {

    /** Learning rate of the VAVL architecture (reference). */
    public static final float VAVL_LEARNING_RATE = 5e-5f;

    /** Learning rate of the AuxFormer (2022) architecture (reference). */
    public static final float AUXFORMER_2022_LEARNING_RATE = 7.25e-4f;

    /** Passes over the training split. */
    public static final Setting<Integer> EPOCHS = Setting.integer("epochs", 20, 1, 100_000).withLabel("Epochs")
        .withDescription("Passes over the training split; the epoch with the lowest development loss is kept.");

    /** Clips per batch. */
    public static final Setting<Integer> BATCH_SIZE = Setting.integer("batchSize", 32, 1, 100_000)
        .withKey("batch size").withLabel("Batch size")
        .withDescription("Clips per batch (the reference: 32 for CREMA-D, 9 for MSP-IMPROV).");

    /** Adam's learning rate, 0 for the architecture's. */
    public static final Setting<Float> LEARNING_RATE = Setting.single("learningRate", 0f, 0f, 10f)
        .withKey("learning rate").withLabel("Learning rate (0 = architecture's reference)")
        .withDescription("Adam's learning rate; 0: the architecture's reference, 5e-5 (VAVL) or 7.25e-4 (AuxFormer"
            + " 2022).");

    /** Adam's beta1. */
    public static final Setting<Float> BETA1 = Setting.single("beta1", 0.95f, 0f, 0.999999f).withKey("adam beta1")
        .withLabel("Adam beta1");

    /** Adam's beta2. */
    public static final Setting<Float> BETA2 = Setting.single("beta2", 0.999f, 0f, 0.999999f).withKey("adam beta2")
        .withLabel("Adam beta2");

    /** Adam's weight decay. */
    public static final Setting<Float> WEIGHT_DECAY = Setting.single("weightDecay", 5e-7f, 0f, 0.999999f)
        .withKey("weight decay").withLabel("Weight decay")
        .withDescription("L2 weight decay added to the gradient by Adam.");

    /** Weight of the reconstruction loss, negative for the reference's. */
    public static final Setting<Float> RECONSTRUCTION_WEIGHT = Setting.single("reconstructionWeight", -1f, -1f, 1e6f)
        .withKey("reconstruction loss weight")
        .withLabel("Reconstruction loss weight (negative = reference: 2 categorical, 1 dimensional)")
        .withDescription("Weight w of the reconstruction loss in the visual and acoustic steps (VAVL).");

    /** Cross-entropy weighted by inverse class frequency. */
    public static final Setting<Boolean> CLASS_WEIGHTS = Setting.flag("classWeights", false).withKey("class weights")
        .withLabel("Class weights (inverse class frequency)");

    /** Early stopping. */
    public static final Setting<Integer> PATIENCE = Setting.integer("patience", 0, 0, 100_000)
        .withKey("early stopping patience").withLabel("Early stopping patience (0 = off)");

    /** Seed of initialisation, dropout and shuffling. */
    public static final Setting<Integer> SEED = Setting.integer("seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE)
        .withLabel("Seed");

    /** Where to compute. */
    public static final Setting<String> DEVICE = Setting.text("device", "auto").withLabel("Device");

    /** The audio cut in feature frames. */
    public static final Setting<Integer> MAX_AUDIO_FRAMES = Setting.integer("maxAudioFrames", 0, 0, Integer.MAX_VALUE)
        .withKey("maximum audio frames").withLabel("Maximum audio frames (0 = no cut)");

    /**
     * The AuxFormer Learner's audio cut in seconds, which it converts to {@link #MAX_AUDIO_FRAMES} by the rate the audio
     * feature files record ({@link org.vavl.core.features.FeatureRecord}); not a component of these settings.
     */
    public static final Setting<Double> MAX_AUDIO_SECONDS = Setting.decimal("maxAudioSeconds", 0, 0, 86_400)
        .withKey("maximum audio duration (s)").withLabel("Maximum audio duration in seconds (0 = no cut)")
        .withDescription("Audio feature sequences longer than this are cut to their first seconds, in training and"
            + " later in prediction; converted to frames by the rate the feature files record.");

    /** Modality dropout of the AuxFormer (2022). */
    public static final Setting<Float> MODALITY_DROPOUT = Setting.single("modalityDropout", 0.2f, 0f, 1f)
        .withKey("modality dropout").withLabel("Modality dropout (AuxFormer 2022)");

    /** Threads asked for (not used by the training, see {@link #threads()}). */
    public static final Setting<Integer> THREADS = Setting.integer("threads", 0, 0, 4096).withLabel("Threads");

    /** All settings of the training, in the record's order. */
    public static final RecordSettings<TrainingSettings> SETTINGS = RecordSettings.of(TrainingSettings.class, EPOCHS,
        BATCH_SIZE, LEARNING_RATE, BETA1, BETA2, WEIGHT_DECAY, RECONSTRUCTION_WEIGHT, CLASS_WEIGHTS, PATIENCE, SEED,
        DEVICE, MAX_AUDIO_FRAMES, MODALITY_DROPOUT, THREADS);

    /** A missing device is "auto". */
    public TrainingSettings {
        device = device == null ? DEVICE.defaultValue() : device;
    }

    /** @return a builder with the reference's defaults */
    public static RecordSettings.Builder<TrainingSettings> builder() {
        return SETTINGS.builder();
    }

    /** @return a builder holding these settings */
    public RecordSettings.Builder<TrainingSettings> toBuilder() {
        return SETTINGS.builder(this);
    }

    /** @return the Adam learning rate for an architecture: the setting, or for 0 the architecture's reference */
    public float learningRate(final Architecture architecture) {
        if (learningRate > 0) {
            return learningRate;
        }
        return architecture == Architecture.VAVL ? VAVL_LEARNING_RATE : AUXFORMER_2022_LEARNING_RATE;
    }

    /** @return the reconstruction loss weight for a task: the setting, or when negative the reference's */
    public float reconstructionWeight(final Task task) {
        if (reconstructionWeight >= 0) {
            return reconstructionWeight;
        }
        return task == Task.CATEGORICAL ? 2f : 1f;
    }

    /** @return the settings as text per name */
    public Map<String, String> toMap() {
        return SETTINGS.toMap(this);
    }

    /**
     * @return the settings read back from {@link #toMap()}'s form; missing names keep their defaults
     * @throws IllegalArgumentException naming an unknown or invalid setting
     */
    public static TrainingSettings fromMap(final Map<String, String> map) {
        return SETTINGS.fromMap(map);
    }
}
