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
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ModelAudioEncoder;
import org.vavl.core.features.Waveform;
import org.vavl.core.features.WaveformNormalisation;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.PerClipNodeModel.Clip;

/**
 * The Audio Encoder's settings of a user's speech model (waveform normalisation and its statistics, long audio,
 * clips per batch), in the order they are saved, and the {@link ModelAudioEncoder} they open.
 */
final class SpeechModelSettings {

    private static final NodeLogger LOGGER = NodeLogger.getLogger(AudioEncoderNodeModel.class);

    private final SettingsModelString m_normalisation = AudioEncoderSettings.normalisation();

    private final SettingsModelString m_statsSource = AudioEncoderSettings.statisticsSource();

    private final SettingsModelDouble m_mean = AudioEncoderSettings.mean();

    private final SettingsModelDoubleBounded m_std = AudioEncoderSettings.std();

    private final SettingsModelString m_splitColumn = AudioEncoderSettings.splitColumn();

    private final SettingsModelString m_splitValue = AudioEncoderSettings.splitValue();

    private final SettingsModelString m_longAudio = AudioEncoderSettings.longAudio();

    private final SettingsModelDoubleBounded m_maxSeconds = AudioEncoderSettings.maxSeconds();

    private final SettingsModelIntegerBounded m_clipsPerBatch = AudioEncoderSettings.clipsPerBatch();

    /** @return the models, in the order they are saved */
    List<SettingsModel> models() {
        return List.of(m_normalisation, m_statsSource, m_mean, m_std, m_splitColumn, m_splitValue, m_longAudio,
            m_maxSeconds, m_clipsPerBatch);
    }

    /** Checks the settings against the input table, naming the setting of a wrong value. */
    void check(final DataTableSpec in) throws InvalidSettingsException {
        final WaveformNormalisation.Mode mode = mode();
        longAudio();
        if (mode == WaveformNormalisation.Mode.STATISTICS) {
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

    private WaveformNormalisation.Mode mode() throws InvalidSettingsException {
        return CommonSettings.parse(m_normalisation, WaveformNormalisation.Mode::fromSetting);
    }

    private ModelAudioEncoder.LongAudio longAudio() throws InvalidSettingsException {
        return CommonSettings.parse(m_longAudio, ModelAudioEncoder.LongAudio::fromSetting);
    }

    /**
     * Opens the user's model with the normalisation the settings ask for.
     *
     * @param skip whether clips that cannot be read are left out of the statistics (on error = skip)
     */
    ModelAudioEncoder open(final Path modelFile, final String device, final List<Clip> clips,
        final DataTableSpec in, final boolean skip, final Progress progress) throws Exception {
        final WaveformNormalisation norm = switch (mode()) {
            case NONE -> WaveformNormalisation.none();
            case PER_UTTERANCE -> WaveformNormalisation.perUtterance();
            default -> statistics(clips, in, skip, progress);
        };
        return ModelAudioEncoder.open(modelFile, norm, longAudio(), m_maxSeconds.getDoubleValue(),
            m_clipsPerBatch.getIntValue(), device);
    }

    /** Scalar waveform statistics: from the settings, or over the input clips (optionally one split's rows). */
    private WaveformNormalisation statistics(final List<Clip> clips, final DataTableSpec in, final boolean skip,
        final Progress progress) throws Exception {
        if (AudioEncoderSettings.STATS_FROM_SETTINGS.equals(m_statsSource.getStringValue())) {
            try {
                return WaveformNormalisation.statistics(m_mean.getDoubleValue(), m_std.getDoubleValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
        }
        final List<Path> wavs = wavs(clips, in);
        final long max = ModelAudioEncoder.LongAudio.CUT == longAudio() && m_maxSeconds.getDoubleValue() > 0
            ? Math.round(m_maxSeconds.getDoubleValue() * Waveform.SAMPLE_RATE) : 0;
        final double[] ms = WaveformNormalisation.computeStatistics(wavs, max, skip, progress);
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
