package org.vavl.knime.nodes.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.model.Architecture;
import org.vavl.core.model.AuxFormerConfig;
import org.vavl.core.model.Task;
import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;
import org.vavl.core.train.TrainingSettings;
import org.vavl.core.util.OnError;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.port.AuxFormerModelFile;
import org.vavl.knime.nodes.port.FeatureSource;

/**
 * The settings of the AuxFormer Learner, shared by the node model and its dialog: one SettingsModel per setting. The
 * network's and the training's are derived from the engine's {@link AuxFormerConfig} and {@link TrainingSettings}
 * settings (keys, defaults and bounds stated there, the reference's values: docs/model.md, Architectures;
 * docs/auxformer.md, Training); the data settings (columns, splits) are the node's own.
 */
final class AuxFormerLearnerSettings {

    static final String TASK_CATEGORICAL = "categorical";

    static final String TASK_DIMENSIONAL = "dimensional";

    static final String ARCH_2022 = Architecture.AUXFORMER_2022.label();


    // Data
    final FeatureSource.Settings m_features = new FeatureSource.Settings();

    final SettingsModelString m_task = createTask();

    final SettingsModelString m_classColumn = createClassColumn();

    final SettingsModelString m_attributes = createAttributes();

    final SettingsModelString m_splitColumn = createSplitColumn();

    final SettingsModelString m_trainValue = createTrainValue();

    final SettingsModelString m_devValue = createDevValue();

    /** Key of the maximum audio duration (seconds; added in 1.1, replacing the frames below). */
    static final String KEY_MAX_AUDIO_SECONDS = TrainingSettings.MAX_AUDIO_SECONDS.key();

    /** Key of the cut in feature frames that workflows saved before the duration in seconds. */
    static final String KEY_MAX_AUDIO_FRAMES = TrainingSettings.MAX_AUDIO_FRAMES.key();

    /** Audio features beyond this many seconds are cut (0 = no cut); converted by the features' frame rate. */
    final SettingsModelDoubleBounded m_maxAudioSeconds = createMaxAudioSeconds();

    /**
     * The cut in frames of a workflow saved before {@link #m_maxAudioSeconds}: kept with its meaning while the
     * duration is 0 (not in the dialog; saved only when above 0, so the dialog's duration replaces it).
     */
    final SettingsModelIntegerBounded m_oldMaxAudioFrames = SettingModels.integer(TrainingSettings.MAX_AUDIO_FRAMES);

    final SettingsModelString m_onError = CommonSettings.onError();

    // Model
    final SettingsModelString m_architecture = createArchitecture();

    final SettingsModelBoolean m_referenceSizes = createReferenceSizes();

    final SettingsModelIntegerBounded m_projectionDim = SettingModels.integer(AuxFormerConfig.PROJECTION_DIM);

    final SettingsModelIntegerBounded m_modelDim = SettingModels.integer(AuxFormerConfig.MODEL_DIM);

    final SettingsModelIntegerBounded m_heads = SettingModels.integer(AuxFormerConfig.HEADS);

    final SettingsModelIntegerBounded m_feedForwardDim = SettingModels.integer(AuxFormerConfig.FEED_FORWARD_DIM);

    final SettingsModelIntegerBounded m_convKernel = SettingModels.integer(AuxFormerConfig.CONV_KERNEL);

    final SettingsModelIntegerBounded m_branchBlocks = SettingModels.integer(AuxFormerConfig.BRANCH_BLOCKS);

    final SettingsModelIntegerBounded m_sharedBlocks = SettingModels.integer(AuxFormerConfig.SHARED_BLOCKS);

    final SettingsModelDoubleBounded m_dropout = SettingModels.decimal(AuxFormerConfig.DROPOUT);

    final SettingsModelDoubleBounded m_headDropout = SettingModels.decimal(AuxFormerConfig.HEAD_DROPOUT);

    // Training: keys, defaults and bounds from the engine's TrainingSettings
    final SettingsModelIntegerBounded m_epochs = SettingModels.integer(TrainingSettings.EPOCHS);

    final SettingsModelIntegerBounded m_batchSize = SettingModels.integer(TrainingSettings.BATCH_SIZE);

    final SettingsModelDoubleBounded m_learningRate = SettingModels.decimal(TrainingSettings.LEARNING_RATE);

    final SettingsModelDoubleBounded m_beta1 = SettingModels.decimal(TrainingSettings.BETA1);

    final SettingsModelDoubleBounded m_beta2 = SettingModels.decimal(TrainingSettings.BETA2);

    final SettingsModelDoubleBounded m_weightDecay = SettingModels.decimal(TrainingSettings.WEIGHT_DECAY);

    final SettingsModelDoubleBounded m_reconWeight = SettingModels.decimal(TrainingSettings.RECONSTRUCTION_WEIGHT);

    final SettingsModelBoolean m_classWeights = SettingModels.flag(TrainingSettings.CLASS_WEIGHTS);

    final SettingsModelIntegerBounded m_patience = SettingModels.integer(TrainingSettings.PATIENCE);

    final SettingsModelDoubleBounded m_modalityDropout = SettingModels.decimal(TrainingSettings.MODALITY_DROPOUT);

    final SettingsModelIntegerBounded m_seed = SettingModels.integer(TrainingSettings.SEED);

    final SettingsModelString m_device = CommonSettings.device();

    final SettingsModelIntegerBounded m_threads = CommonSettings.threads();

    // Output: the model also written to a file (empty = none); loaded leniently (older settings lack it)
    final SettingsModelString m_modelFile = AuxFormerModelFile.createSetting();

    // Speaker leakage guard; loaded leniently (older settings lack them)
    static final String KEY_SPEAKER_COLUMN = "speaker column";

    static final String KEY_ALLOW_SHARED_SPEAKERS = "allow speakers in several splits";

    /** The column naming each clip's speaker (the Emotion Label Joiner's {@code Speaker}). */
    final SettingsModelString m_speakerColumn = new SettingsModelString(KEY_SPEAKER_COLUMN, "Speaker");

    /** Train although a speaker is in the training split and in another one (off: refuse, naming them). */
    final SettingsModelBoolean m_allowSharedSpeakers = new SettingsModelBoolean(KEY_ALLOW_SHARED_SPEAKERS, false);

    /** @return the settings loaded leniently, saved after {@link #all()} */
    List<SettingsModel> addedLater() {
        return List.of(m_modelFile, m_speakerColumn, m_allowSharedSpeakers, m_maxAudioSeconds);
    }

    static SettingsModelString createTask() {
        return new SettingsModelString("task", TASK_CATEGORICAL);
    }

    static SettingsModelString createClassColumn() {
        return new SettingsModelString("class column", "Emotion");
    }

    static SettingsModelString createAttributes() {
        return new SettingsModelString("attribute columns", "arousal, dominance, valence");
    }

    static SettingsModelString createSplitColumn() {
        return new SettingsModelString("split column", "Split");
    }

    static SettingsModelString createTrainValue() {
        return new SettingsModelString("training value", "Train");
    }

    static SettingsModelString createDevValue() {
        return new SettingsModelString("development value", "Development");
    }

    static SettingsModelDoubleBounded createMaxAudioSeconds() {
        return SettingModels.decimal(TrainingSettings.MAX_AUDIO_SECONDS);
    }

    static SettingsModelString createArchitecture() {
        return SettingModels.string(AuxFormerConfig.ARCHITECTURE);
    }

    static SettingsModelBoolean createReferenceSizes() {
        return new SettingsModelBoolean("reference sizes", true);
    }

    /** @return the settings the node saves, validates and loads together; the model file is loaded leniently */
    List<SettingsModel> all() {
        final List<SettingsModel> all = new ArrayList<>(m_features.all());
        all.addAll(List.of(m_task, m_classColumn, m_attributes,
            m_splitColumn, m_trainValue, m_devValue, m_onError, m_architecture, m_referenceSizes,
            m_projectionDim, m_modelDim, m_heads, m_feedForwardDim, m_convKernel, m_branchBlocks, m_sharedBlocks,
            m_dropout, m_headDropout, m_epochs, m_batchSize, m_learningRate, m_beta1, m_beta2, m_weightDecay,
            m_reconWeight, m_classWeights, m_patience, m_modalityDropout, m_seed, m_device, m_threads));
        return all;
    }

    /** Loads all settings, the model file leniently (older settings lack it). */
    void loadFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.loadSettingsFrom(s);
        }
        AuxFormerModelFile.load(m_modelFile, s);
        if (s.containsKey(KEY_SPEAKER_COLUMN)) {
            m_speakerColumn.loadSettingsFrom(s);
        }
        if (s.containsKey(KEY_ALLOW_SHARED_SPEAKERS)) {
            m_allowSharedSpeakers.loadSettingsFrom(s);
        }
        if (s.containsKey(KEY_MAX_AUDIO_SECONDS)) {
            m_maxAudioSeconds.loadSettingsFrom(s);
        } else {
            m_maxAudioSeconds.setDoubleValue(0);
        }
        if (s.containsKey(KEY_MAX_AUDIO_FRAMES)) {
            m_oldMaxAudioFrames.loadSettingsFrom(s);
        } else {
            m_oldMaxAudioFrames.setIntValue(0);
        }
    }

    /** Saves what {@link #all()} does not hold: the settings added later, the old frames cut when it applies. */
    void saveAddedLaterTo(final NodeSettingsWO s) {
        for (SettingsModel m : addedLater()) {
            m.saveSettingsTo(s);
        }
        if (m_oldMaxAudioFrames.getIntValue() > 0) {
            m_oldMaxAudioFrames.saveSettingsTo(s);
        }
    }

    /**
     * The audio cut in feature frames: the duration converted by the audio features' frame rate, or, while the
     * duration is 0, the frames of an older workflow.
     *
     * @param framesPerSecond the audio features' rate as their files record it ({@code NaN}: not recorded)
     * @param where names the feature file that was read, for the message
     * @throws InvalidSettingsException when a duration is set and the rate is not known
     */
    int maxAudioFrames(final double framesPerSecond, final String where) throws InvalidSettingsException {
        final double seconds = m_maxAudioSeconds.getDoubleValue();
        if (seconds <= 0) {
            return m_oldMaxAudioFrames.getIntValue();
        }
        if (!(framesPerSecond > 0)) {
            throw new InvalidSettingsException("Setting 'maximum audio duration (s)' is " + seconds + " s, but the"
                + " audio features (" + where + ") do not record their frame rate (made by another program, or by an"
                + " older Audio Encoder). Encode the audio again with the Audio Encoder, or set the duration to 0"
                + " (no cut).");
        }
        return (int)Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(seconds * framesPerSecond)));
    }

    /** Checks the combination of values, naming the setting that is wrong. */
    void check() throws InvalidSettingsException {
        m_features.folders();
        task();
        architecture();
        CommonSettings.device(m_device);
        onError();
        AuxFormerModelFile.check(m_modelFile.getStringValue());
        if (task() == Task.DIMENSIONAL && attributes().isEmpty()) {
            throw new InvalidSettingsException("Name at least one attribute column (for example 'arousal').");
        }
        if (m_trainValue.getStringValue().equals(m_devValue.getStringValue())) {
            throw new InvalidSettingsException("The training and development split values are both '"
                + m_trainValue.getStringValue() + "'; they must differ.");
        }
        try {
            config();
            training();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    Task task() throws InvalidSettingsException {
        switch (m_task.getStringValue().toLowerCase(Locale.ROOT)) {
            case TASK_CATEGORICAL:
                return Task.CATEGORICAL;
            case TASK_DIMENSIONAL:
                return Task.DIMENSIONAL;
            default:
                throw new InvalidSettingsException(
                    "Task '" + m_task.getStringValue() + "' is unknown: use categorical or dimensional.");
        }
    }

    Architecture architecture() throws InvalidSettingsException {
        return SettingModels.value(AuxFormerConfig.ARCHITECTURE, m_architecture);
    }

    OnError onError() throws InvalidSettingsException {
        return CommonSettings.onError(m_onError);
    }

    /** @return the attribute column names in order */
    List<String> attributes() {
        return Arrays.stream(m_attributes.getStringValue().split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .collect(Collectors.toCollection(ArrayList::new));
    }

    /** @return the network (feature dims, outputs and task are set by the trainer from the data) */
    AuxFormerConfig config() throws InvalidSettingsException {
        final RecordSettings.Builder<AuxFormerConfig> b = AuxFormerConfig.builder(architecture());
        if (!m_referenceSizes.getBooleanValue()) {
            b.set(AuxFormerConfig.PROJECTION_DIM, SettingModels.value(AuxFormerConfig.PROJECTION_DIM, m_projectionDim))
                .set(AuxFormerConfig.MODEL_DIM, SettingModels.value(AuxFormerConfig.MODEL_DIM, m_modelDim))
                .set(AuxFormerConfig.HEADS, SettingModels.value(AuxFormerConfig.HEADS, m_heads))
                .set(AuxFormerConfig.FEED_FORWARD_DIM,
                    SettingModels.value(AuxFormerConfig.FEED_FORWARD_DIM, m_feedForwardDim))
                .set(AuxFormerConfig.CONV_KERNEL, SettingModels.value(AuxFormerConfig.CONV_KERNEL, m_convKernel))
                .set(AuxFormerConfig.BRANCH_BLOCKS, SettingModels.value(AuxFormerConfig.BRANCH_BLOCKS, m_branchBlocks))
                .set(AuxFormerConfig.SHARED_BLOCKS, SettingModels.value(AuxFormerConfig.SHARED_BLOCKS, m_sharedBlocks))
                .set(AuxFormerConfig.DROPOUT, SettingModels.value(AuxFormerConfig.DROPOUT, m_dropout))
                .set(AuxFormerConfig.HEAD_DROPOUT, SettingModels.value(AuxFormerConfig.HEAD_DROPOUT, m_headDropout));
        }
        return b.build();
    }

    /** @return the training settings with no audio cut (for checks before the features are read) */
    TrainingSettings training() throws InvalidSettingsException {
        return training(0);
    }

    /** @return the training settings, cutting audio features after {@code maxAudioFrames} (0 = no cut) */
    TrainingSettings training(final int maxAudioFrames) throws InvalidSettingsException {
        final RecordSettings.Builder<TrainingSettings> b = TrainingSettings.builder();
        for (Map.Entry<Setting<?>, SettingsModel> e : trainingModels().entrySet()) {
            put(b, e.getKey(), e.getValue());
        }
        return b.set(TrainingSettings.DEVICE, m_device.getStringValue())
            .set(TrainingSettings.MAX_AUDIO_FRAMES, maxAudioFrames)
            .set(TrainingSettings.THREADS, CommonSettings.threads(m_threads)).build();
    }

    /** @return the training settings edited in the dialog, each with its node settings model */
    Map<Setting<?>, SettingsModel> trainingModels() {
        final Map<Setting<?>, SettingsModel> m = new LinkedHashMap<>();
        m.put(TrainingSettings.EPOCHS, m_epochs);
        m.put(TrainingSettings.BATCH_SIZE, m_batchSize);
        m.put(TrainingSettings.LEARNING_RATE, m_learningRate);
        m.put(TrainingSettings.BETA1, m_beta1);
        m.put(TrainingSettings.BETA2, m_beta2);
        m.put(TrainingSettings.WEIGHT_DECAY, m_weightDecay);
        m.put(TrainingSettings.RECONSTRUCTION_WEIGHT, m_reconWeight);
        m.put(TrainingSettings.CLASS_WEIGHTS, m_classWeights);
        m.put(TrainingSettings.PATIENCE, m_patience);
        m.put(TrainingSettings.MODALITY_DROPOUT, m_modalityDropout);
        m.put(TrainingSettings.SEED, m_seed);
        return m;
    }

    private static <T> void put(final RecordSettings.Builder<TrainingSettings> b, final Setting<T> setting,
        final SettingsModel model) throws InvalidSettingsException {
        b.set(setting, SettingModels.value(setting, model));
    }
}
