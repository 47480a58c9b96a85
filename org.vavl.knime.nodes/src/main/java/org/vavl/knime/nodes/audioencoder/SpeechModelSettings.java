package org.vavl.knime.nodes.audioencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.AudioModelSettings;
import org.vavl.core.features.ModelAudioEncoder;
import org.vavl.core.features.WaveformNormalisation;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.PerClipNodeModel.Clip;
import org.vavl.knime.nodes.common.RecordModels;

/**
 * The Audio Encoder's settings of a user's speech model: the engine's {@link AudioModelSettings} (waveform
 * normalisation and its given statistics, long audio, clips per batch; keys, defaults and bounds from the engine) and
 * the node's own statistics source and split, in the order they are saved, and the {@link ModelAudioEncoder} they
 * open.
 */
final class SpeechModelSettings {

    private static final NodeLogger LOGGER = NodeLogger.getLogger(AudioEncoderNodeModel.class);

    private final RecordModels<AudioModelSettings> m_engine = AudioEncoderSettings.speechModel();

    private final SettingsModelString m_statsSource = AudioEncoderSettings.statisticsSource();

    private final SettingsModelString m_splitColumn = AudioEncoderSettings.splitColumn();

    private final SettingsModelString m_splitValue = AudioEncoderSettings.splitValue();

    /** @return the models, in the order they are saved */
    List<SettingsModel> models() {
        return List.of(m_engine.model(AudioModelSettings.NORMALISATION), m_statsSource,
            m_engine.model(AudioModelSettings.MEAN), m_engine.model(AudioModelSettings.STD), m_splitColumn,
            m_splitValue, m_engine.model(AudioModelSettings.LONG_AUDIO), m_engine.model(AudioModelSettings.MAX_SECONDS),
            m_engine.model(AudioModelSettings.CLIPS_PER_BATCH));
    }

    /** Checks the settings against the input table, naming the setting of a wrong value. */
    void check(final DataTableSpec in) throws InvalidSettingsException {
        if (m_engine.record().normalisation() == WaveformNormalisation.Mode.STATISTICS) {
            final String src = m_statsSource.getStringValue();
            if (!AudioEncoderSettings.STATS_FROM_SETTINGS.equals(src)
                && !AudioEncoderSettings.STATS_FROM_CLIPS.equals(src)) {
                throw new InvalidSettingsException("Unknown statistics source '" + src + "': use '"
                    + AudioEncoderSettings.STATS_FROM_SETTINGS + "' or '" + AudioEncoderSettings.STATS_FROM_CLIPS
                    + "'.");
            }
            final String split = m_splitColumn.getStringValue();
            if (AudioEncoderSettings.STATS_FROM_CLIPS.equals(src) && split != null && !split.isBlank()) {
                Columns.require(in, split, StringValue.class, AudioEncoderSettings.SPLIT_COLUMN);
            }
        }
    }

    /**
     * Opens the user's model with the normalisation the settings ask for.
     *
     * @param skip whether clips that cannot be read are left out of the statistics (on error = skip)
     */
    ModelAudioEncoder open(final Path modelFile, final String device, final List<Clip> clips,
        final DataTableSpec in, final boolean skip, final Progress progress) throws Exception {
        final AudioModelSettings s = m_engine.record();
        final WaveformNormalisation norm = s.normalisation() == WaveformNormalisation.Mode.STATISTICS
            && !AudioEncoderSettings.STATS_FROM_SETTINGS.equals(m_statsSource.getStringValue())
                ? statistics(s, clips, in, skip, progress) : given(s);
        return ModelAudioEncoder.open(modelFile, norm, s.longAudio(), s.maxSeconds(), s.clipsPerBatch(), device);
    }

    /** @return the normalisation of the settings (with statistics: the mean and std of the settings) */
    private static WaveformNormalisation given(final AudioModelSettings s) throws InvalidSettingsException {
        try {
            return s.waveformNormalisation();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** Scalar waveform statistics over the input clips (optionally one split's rows). */
    private WaveformNormalisation statistics(final AudioModelSettings s, final List<Clip> clips,
        final DataTableSpec in, final boolean skip, final Progress progress) throws Exception {
        final List<Path> wavs = wavs(clips, in);
        final double[] ms = WaveformNormalisation.computeStatistics(wavs, s.statisticsSamples(), skip, progress);
        LOGGER.info("Waveform statistics over " + (int)ms[2] + " clip(s): mean " + ms[0] + ", std " + ms[1]);
        try {
            return WaveformNormalisation.statistics(ms[0], ms[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Waveform statistics over " + wavs.size() + " clip(s): "
                + e.getMessage() + " Are the clips silent?", e);
        }
    }

    /** @return the WAV files of the clips, of the statistics split's rows when one is set */
    private List<Path> wavs(final List<Clip> clips, final DataTableSpec in) throws InvalidSettingsException {
        final String split = m_splitColumn.getStringValue();
        final int splitCol = split == null || split.isBlank() ? -1
            : Columns.require(in, split, StringValue.class, AudioEncoderSettings.SPLIT_COLUMN);
        final List<Path> wavs = new ArrayList<>();
        for (Clip c : clips) {
            final DataCell cell = splitCol < 0 ? null : c.row().getCell(splitCol);
            if (splitCol < 0 || !cell.isMissing()
                && m_splitValue.getStringValue().equals(((StringValue)cell).getStringValue())) {
                wavs.add(c.input());
            }
        }
        if (wavs.isEmpty()) {
            throw new InvalidSettingsException("Waveform statistics over the input clips: no row "
                + (splitCol >= 0 ? "has '" + m_splitValue.getStringValue() + "' in column '" + split + "'"
                    : "has an audio file")
                + ". Check the statistics split settings, or give mean and std as settings.");
        }
        return wavs;
    }
}
