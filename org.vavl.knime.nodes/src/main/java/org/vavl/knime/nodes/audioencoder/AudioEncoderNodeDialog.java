package org.vavl.knime.nodes.audioencoder;

import static org.vavl.core.features.AudioModelSettings.CLIPS_PER_BATCH;
import static org.vavl.core.features.AudioModelSettings.LONG_AUDIO;
import static org.vavl.core.features.AudioModelSettings.MAX_SECONDS;
import static org.vavl.core.features.AudioModelSettings.MEAN;
import static org.vavl.core.features.AudioModelSettings.NORMALISATION;
import static org.vavl.core.features.AudioModelSettings.STD;

import java.util.List;

import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.AudioModelSettings;
import org.vavl.core.features.LogMelSettings;
import org.vavl.core.settings.Setting;
import org.vavl.core.features.WaveformNormalisation;
import org.vavl.knime.nodes.common.ClipEncoderNodeDialog;
import org.vavl.knime.nodes.common.RecordModels;
import org.vavl.knime.nodes.common.SettingModels;

/**
 * The Audio Encoder's dialog: the Built-in log-mel tab applies to the built-in encoder, the Model file tab to a
 * model file; within it the statistics settings apply to statistics normalisation, the mean and std to statistics
 * from the settings, the split to statistics from the clips.
 */
final class AudioEncoderNodeDialog extends ClipEncoderNodeDialog {

    private final RecordModels<AudioModelSettings> m_speechModel = AudioEncoderSettings.speechModel();

    private final SettingsModelString m_normalisation =
        (SettingsModelString)m_speechModel.model(AudioModelSettings.NORMALISATION);

    private final SettingsModelString m_statisticsSource = AudioEncoderSettings.statisticsSource();

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
        final RecordModels<AudioModelSettings> m = m_speechModel;
        forModelFile(m.model(NORMALISATION), m.model(LONG_AUDIO), m.model(MAX_SECONDS), m.model(CLIPS_PER_BATCH));
        createNewGroup("Waveform normalisation");
        addDialogComponent(SettingModels.component(NORMALISATION, m_normalisation));
        addDialogComponent(new DialogComponentButtonGroup(m_statisticsSource, "Statistics from",
            false, new String[]{"Mean and std below", "The input clips"},
            new String[]{AudioEncoderSettings.STATS_FROM_SETTINGS, AudioEncoderSettings.STATS_FROM_CLIPS}));
        number(m, MEAN, 0.001);
        number(m, STD, 0.001);
        addDialogComponent(new DialogComponentString(m_splitColumn,
            "Only rows whose column (empty: all rows)", false, 12));
        addDialogComponent(new DialogComponentString(m_splitValue, "equals", false, 12));
        closeCurrentGroup();
        createNewGroup("Long audio");
        addDialogComponent(new DialogComponentButtonGroup((SettingsModelString)m.model(LONG_AUDIO),
            LONG_AUDIO.label(), false, new String[]{"Cut", "Chunks"},
            LONG_AUDIO.choices().stream().map(LONG_AUDIO::choiceLabel).toArray(String[]::new)));
        number(m, MAX_SECONDS, 1);
        closeCurrentGroup();
        number(m, CLIPS_PER_BATCH, 1);
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
        for (Setting<?> s : List.of(MEAN, STD)) {
            m_speechModel.model(s).setEnabled(fromSettings);
        }
        for (SettingsModel m : new SettingsModel[]{m_splitColumn, m_splitValue}) {
            m.setEnabled(statistics && !fromSettings);
        }
    }
}
