package org.vavl.knime.nodes.audioencoder;

import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.LogMelSettings;
import org.vavl.core.settings.Setting;
import org.vavl.knime.nodes.common.RecordModels;
import org.vavl.core.features.WaveformNormalisation;
import org.vavl.knime.nodes.common.ClipEncoderNodeDialog;

/**
 * The Audio Encoder's dialog: the Built-in log-mel tab applies to the built-in encoder, the Model file tab to a
 * model file; within it the statistics settings apply to statistics normalisation, the mean and std to statistics
 * from the settings, the split to statistics from the clips.
 */
final class AudioEncoderNodeDialog extends ClipEncoderNodeDialog {

    private final SettingsModelString m_normalisation = AudioEncoderSettings.normalisation();

    private final SettingsModelString m_statisticsSource = AudioEncoderSettings.statisticsSource();

    private final SettingsModelDouble m_mean = AudioEncoderSettings.mean();

    private final SettingsModelDoubleBounded m_std = AudioEncoderSettings.std();

    private final SettingsModelString m_splitColumn = AudioEncoderSettings.splitColumn();

    private final SettingsModelString m_splitValue = AudioEncoderSettings.splitValue();

    AudioEncoderNodeDialog() {
        super("vavl.audioencoder", AudioEncoderSettings.audioColumn(), "Audio (WAV) column",
            AudioEncoderSettings.BUILT_IN, "Built-in log-mel filterbank (no weights)",
            "knime://knime.workflow/vavl-data/audio-features");

        createNewTab("Built-in log-mel");
        final RecordModels<LogMelSettings> logMel = RecordModels.of(LogMelSettings.SETTINGS);
        forBuiltIn(logMel.models().toArray(new SettingsModel[0]));
        number(logMel, LogMelSettings.MELS, 8);
        number(logMel, LogMelSettings.WINDOW_MS, 5);
        number(logMel, LogMelSettings.HOP_MS, 5);
        number(logMel, LogMelSettings.LOG_FLOOR, 1e-6);

        createNewTab("Model file");
        final SettingsModelString longAudio = AudioEncoderSettings.longAudio();
        final SettingsModelDoubleBounded maxSeconds = AudioEncoderSettings.maxSeconds();
        final SettingsModelIntegerBounded clipsPerBatch = AudioEncoderSettings.clipsPerBatch();
        forModelFile(m_normalisation, longAudio, maxSeconds, clipsPerBatch);
        createNewGroup("Waveform normalisation");
        addDialogComponent(new DialogComponentStringSelection(m_normalisation, "Normalisation",
            AudioEncoderSettings.NORMALISATIONS));
        addDialogComponent(new DialogComponentButtonGroup(m_statisticsSource, "Statistics from",
            false, new String[]{"Mean and std below", "The input clips"},
            new String[]{AudioEncoderSettings.STATS_FROM_SETTINGS, AudioEncoderSettings.STATS_FROM_CLIPS}));
        addDialogComponent(new DialogComponentNumber(m_mean, "Mean", 0.001));
        addDialogComponent(new DialogComponentNumber(m_std, "Std", 0.001));
        addDialogComponent(new DialogComponentString(m_splitColumn,
            "Only rows whose column (empty: all rows)", false, 12));
        addDialogComponent(new DialogComponentString(m_splitValue, "equals", false, 12));
        closeCurrentGroup();
        createNewGroup("Long audio");
        addDialogComponent(new DialogComponentButtonGroup(longAudio, "Longer than the maximum",
            false, new String[]{"Cut", "Chunks"}, AudioEncoderSettings.LONG_AUDIO_VALUES.toArray(new String[0])));
        addDialogComponent(new DialogComponentNumber(maxSeconds, "Maximum (s, 0 = none)", 1));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentNumber(clipsPerBatch, "Clips per batch", 1));
        addDevice();

        addExecutionTab();
        m_normalisation.addChangeListener(e -> updateEnabled());
        m_statisticsSource.addChangeListener(e -> updateEnabled());
        followEncoder();
    }

    private void number(final RecordModels<?> models, final Setting<?> setting, final double step) {
        addDialogComponent(new DialogComponentNumber((SettingsModelNumber)models.model(setting), setting.label(), step));
    }

    @Override
    protected void updateEnabled() {
        super.updateEnabled();
        if (m_statisticsSource == null) {
            return; // called by the super constructor's listeners before this dialog's fields exist
        }
        final boolean statistics = modelFileChosen()
            && WaveformNormalisation.Mode.STATISTICS.settingValue().equals(m_normalisation.getStringValue());
        final boolean fromSettings =
            statistics && AudioEncoderSettings.STATS_FROM_SETTINGS.equals(m_statisticsSource.getStringValue());
        m_statisticsSource.setEnabled(statistics);
        for (SettingsModel m : new SettingsModel[]{m_mean, m_std}) {
            m.setEnabled(fromSettings);
        }
        for (SettingsModel m : new SettingsModel[]{m_splitColumn, m_splitValue}) {
            m.setEnabled(statistics && !fromSettings);
        }
    }
}
