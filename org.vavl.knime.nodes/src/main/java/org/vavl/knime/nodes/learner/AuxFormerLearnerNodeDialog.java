package org.vavl.knime.nodes.learner;

import java.util.List;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;

import org.vavl.core.model.AuxFormerConfig;
import org.vavl.core.settings.Setting;
import org.vavl.core.train.TrainingSettings;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.port.AuxFormerModelFile;
import org.vavl.knime.nodes.port.FeatureSourceDialog;
import org.vavl.knime.nodes.common.EnablingSettingsPane;

/**
 * Dialog of the AuxFormer Learner: tabs Data, Model and Training. Enabled only where they apply, also when the
 * dialog opens: the class column for a categorical task, the attribute columns for a dimensional one; the feature
 * columns or folders by the feature source; the sizes unless the reference sizes are used; the modality dropout for
 * the AuxFormer (2022). Threads is kept for old workflows and never enabled (training runs on one thread).
 */
final class AuxFormerLearnerNodeDialog extends EnablingSettingsPane {

    private final AuxFormerLearnerSettings m_s = new AuxFormerLearnerSettings();

    @SuppressWarnings("unchecked")
    AuxFormerLearnerNodeDialog() {
        final AuxFormerLearnerSettings s = m_s;
        setDefaultTabTitle("Data");
        createNewGroup("Feature sequences");
        FeatureSourceDialog.add(this, s.m_features, 0);
        addDialogComponent(number(TrainingSettings.MAX_AUDIO_SECONDS, s.m_maxAudioSeconds, 1));
        closeCurrentGroup();
        createNewGroup("Labels");
        addDialogComponent(new DialogComponentButtonGroup(s.m_task, "Task", false, new String[] {"Categorical",
            "Dimensional"}, new String[] {AuxFormerLearnerSettings.TASK_CATEGORICAL,
                AuxFormerLearnerSettings.TASK_DIMENSIONAL}));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_classColumn, "Class column", 0, false,
            StringValue.class));
        addDialogComponent(new DialogComponentString(s.m_attributes, "Attribute columns (comma separated)"));
        closeCurrentGroup();
        createNewGroup("Splits");
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_splitColumn, "Split column", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentString(s.m_trainValue, "Training value"));
        addDialogComponent(new DialogComponentString(s.m_devValue, "Development value"));
        addDialogComponent(new DialogComponentString(s.m_speakerColumn, "Speaker column (checks that splits keep"
            + " speakers apart)"));
        addDialogComponent(new DialogComponentBoolean(s.m_allowSharedSpeakers,
            "Allow speakers in several splits (results are then not speaker-independent)"));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentStringSelection(s.m_onError, "On error", CommonSettings.ON_ERROR_VALUES));

        createNewTab("Model");
        addDialogComponent(SettingModels.component(AuxFormerConfig.ARCHITECTURE, s.m_architecture));
        addDialogComponent(new DialogComponentBoolean(s.m_referenceSizes,
            "Use the architecture's reference sizes (ignore the sizes below)"));
        createNewGroup("Sizes");
        addDialogComponent(SettingModels.component(AuxFormerConfig.PROJECTION_DIM, s.m_projectionDim));
        addDialogComponent(SettingModels.component(AuxFormerConfig.MODEL_DIM, s.m_modelDim));
        addDialogComponent(SettingModels.component(AuxFormerConfig.HEADS, s.m_heads));
        addDialogComponent(SettingModels.component(AuxFormerConfig.FEED_FORWARD_DIM, s.m_feedForwardDim));
        addDialogComponent(SettingModels.component(AuxFormerConfig.CONV_KERNEL, s.m_convKernel));
        addDialogComponent(SettingModels.component(AuxFormerConfig.BRANCH_BLOCKS, s.m_branchBlocks));
        addDialogComponent(SettingModels.component(AuxFormerConfig.SHARED_BLOCKS, s.m_sharedBlocks));
        addDialogComponent(SettingModels.component(AuxFormerConfig.DROPOUT, s.m_dropout));
        addDialogComponent(SettingModels.component(AuxFormerConfig.HEAD_DROPOUT, s.m_headDropout));
        closeCurrentGroup();

        createNewTab("Training");
        addDialogComponent(SettingModels.component(TrainingSettings.EPOCHS, s.m_epochs));
        addDialogComponent(SettingModels.component(TrainingSettings.BATCH_SIZE, s.m_batchSize));
        addDialogComponent(number(TrainingSettings.LEARNING_RATE, s.m_learningRate, 1e-5));
        addDialogComponent(number(TrainingSettings.BETA1, s.m_beta1, 0.01));
        addDialogComponent(number(TrainingSettings.BETA2, s.m_beta2, 0.001));
        addDialogComponent(number(TrainingSettings.WEIGHT_DECAY, s.m_weightDecay, 1e-7));
        addDialogComponent(number(TrainingSettings.RECONSTRUCTION_WEIGHT, s.m_reconWeight, 0.5));
        addDialogComponent(SettingModels.component(TrainingSettings.CLASS_WEIGHTS, s.m_classWeights));
        addDialogComponent(SettingModels.component(TrainingSettings.PATIENCE, s.m_patience));
        addDialogComponent(number(TrainingSettings.MODALITY_DROPOUT, s.m_modalityDropout, 0.05));
        addDialogComponent(SettingModels.component(TrainingSettings.SEED, s.m_seed));
        addDialogComponent(new DialogComponentStringSelection(s.m_device, "Device", CommonSettings.DEVICE_VALUES));
        addDialogComponent(new DialogComponentNumber(s.m_threads,
            "Threads (not used: training runs on one thread, for reproducible models)", 1));
        final DialogComponentFileChooser modelFile = new DialogComponentFileChooser(s.m_modelFile,
            "vavl-auxformer-model", JFileChooser.SAVE_DIALOG, false, AuxFormerModelFile.EXTENSION);
        modelFile.setBorderTitle("Also write the model to this file (" + AuxFormerModelFile.EXTENSION
            + "; empty: none)");
        addDialogComponent(modelFile);
        s.m_task.addChangeListener(e -> updateEnabled());
        s.m_architecture.addChangeListener(e -> updateEnabled());
        s.m_referenceSizes.addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    /**
     * Keeps the frames cut of a workflow saved before the duration in seconds while the duration stays 0, so that
     * OK without a change keeps what the workflow did; a duration replaces it.
     */
    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_oldFrames = settings.getInt(AuxFormerLearnerSettings.KEY_MAX_AUDIO_FRAMES, 0);
        super.loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        super.saveAdditionalSettingsTo(settings);
        if (m_oldFrames > 0 && m_s.m_maxAudioSeconds.getDoubleValue() == 0) {
            final AuxFormerLearnerSettings t = new AuxFormerLearnerSettings();
            t.m_oldMaxAudioFrames.setIntValue(m_oldFrames);
            t.m_oldMaxAudioFrames.saveSettingsTo(settings);
        }
    }

    private int m_oldFrames;

    /** A spinner for a number setting, with the engine's label and description and a step that suits it. */
    private static DialogComponentNumber number(final Setting<? extends Number> setting,
        final SettingsModelNumber model, final double step) {
        final DialogComponentNumber c = new DialogComponentNumber(model, setting.label(), step);
        if (!setting.description().isEmpty()) {
            c.setToolTipText(setting.description());
        }
        return c;
    }

    @Override
    protected void updateEnabled() {
        final AuxFormerLearnerSettings s = m_s;
        final boolean categorical = AuxFormerLearnerSettings.TASK_CATEGORICAL.equals(s.m_task.getStringValue());
        s.m_classColumn.setEnabled(categorical);
        s.m_classWeights.setEnabled(categorical);
        s.m_attributes.setEnabled(!categorical);
        final boolean sizes = !s.m_referenceSizes.getBooleanValue();
        for (SettingsModel m : new SettingsModel[] {s.m_projectionDim, s.m_modelDim, s.m_heads, s.m_feedForwardDim,
            s.m_convKernel, s.m_branchBlocks, s.m_sharedBlocks, s.m_dropout, s.m_headDropout}) {
            m.setEnabled(sizes);
        }
        s.m_modalityDropout.setEnabled(AuxFormerLearnerSettings.ARCH_2022.equals(s.m_architecture.getStringValue()));
        s.m_threads.setEnabled(false);
        FeatureSourceDialog.updateEnabled(s.m_features);
    }
}
