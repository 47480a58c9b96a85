package org.vavl.knime.nodes.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.vavl.core.train.TrainingSettings;
import org.vavl.core.util.OnError;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.port.AuxFormerModelFile;
import org.vavl.knime.nodes.port.FeatureSource;

/**
 * The settings of the AuxFormer Learner: one SettingsModel per hyper-parameter, created by static methods shared
 * by the node model and its dialog; defaults are the reference's values (docs/model.md, Architectures; docs/auxformer.md, Training).
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
    static final String KEY_MAX_AUDIO_SECONDS = "maximum audio duration (s)";

    /** Key of the cut in feature frames that workflows saved before the duration in seconds. */
    static final String KEY_MAX_AUDIO_FRAMES = "maximum audio frames";

    /** Audio features beyond this many seconds are cut (0 = no cut); converted by the features' frame rate. */
    final SettingsModelDoubleBounded m_maxAudioSeconds = createMaxAudioSeconds();

    /**
     * The cut in frames of a workflow saved before {@link #m_maxAudioSeconds}: kept with its meaning while the
     * duration is 0 (not in the dialog; saved only when above 0, so the dialog's duration replaces it).
     */
    final SettingsModelIntegerBounded m_oldMaxAudioFrames = createInt(KEY_MAX_AUDIO_FRAMES, 0, 0, Integer.MAX_VALUE);

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

    // Training
    final SettingsModelIntegerBounded m_epochs = createInt("epochs", 20, 1, 100_000);

    final SettingsModelIntegerBounded m_batchSize = createInt("batch size", 32, 1, 100_000);

    final SettingsModelDoubleBounded m_learningRate = createDouble("learning rate", 0, 0, 10);

    final SettingsModelDoubleBounded m_beta1 = createDouble("adam beta1", 0.95, 0, 0.999999);

    final SettingsModelDoubleBounded m_beta2 = createDouble("adam beta2", 0.999, 0, 0.999999);

    final SettingsModelDoubleBounded m_weightDecay = createDouble("weight decay", 5e-7, 0, 0.999999);

    final SettingsModelDoubleBounded m_reconWeight = createDouble("reconstruction loss weight", -1, -1, 1e6);

    final SettingsModelBoolean m_classWeights = new SettingsModelBoolean("class weights", false);

    final SettingsModelIntegerBounded m_patience = createInt("early stopping patience", 0, 0, 100_000);

    final SettingsModelDoubleBounded m_modalityDropout = createDouble("modality dropout", 0.2, 0, 1);

    final SettingsModelIntegerBounded m_seed = createInt("seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);

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
        return createDouble(KEY_MAX_AUDIO_SECONDS, 0, 0, 86_400);
    }

    static SettingsModelString createArchitecture() {
        return SettingModels.string(AuxFormerConfig.ARCHITECTURE);
    }

    static SettingsModelBoolean createReferenceSizes() {
        return new SettingsModelBoolean("reference sizes", true);
    }

    static SettingsModelIntegerBounded createInt(final String key, final int def, final int min, final int max) {
        return new SettingsModelIntegerBounded(key, def, min, max);
    }

    static SettingsModelDoubleBounded createDouble(final String key, final double def, final double min,
        final double max) {
        return new SettingsModelDoubleBounded(key, def, min, max);
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
    TrainingSettings training() {
        return training(0);
    }

    /** @return the training settings, cutting audio features after {@code maxAudioFrames} (0 = no cut) */
    TrainingSettings training(final int maxAudioFrames) {
        final double lr = m_learningRate.getDoubleValue();
        final double w = m_reconWeight.getDoubleValue();
        return TrainingSettings.builder().epochs(m_epochs.getIntValue()).batchSize(m_batchSize.getIntValue())
            .learningRate(lr <= 0 ? Float.NaN : (float)lr)
            .betas((float)m_beta1.getDoubleValue(), (float)m_beta2.getDoubleValue())
            .weightDecay((float)m_weightDecay.getDoubleValue()).reconstructionWeight(w < 0 ? Float.NaN : (float)w)
            .classWeights(m_classWeights.getBooleanValue()).patience(m_patience.getIntValue())
            .modalityDropout((float)m_modalityDropout.getDoubleValue()).seed(m_seed.getIntValue())
            .device(m_device.getStringValue()).maxAudioFrames(maxAudioFrames)
            .threads(CommonSettings.threads(m_threads)).build();
    }
}
