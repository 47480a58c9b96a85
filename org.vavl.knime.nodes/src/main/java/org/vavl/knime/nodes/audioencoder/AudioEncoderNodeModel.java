package org.vavl.knime.nodes.audioencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ClipEncoder;
import org.vavl.core.features.ClipEncoding.ClipInput;
import org.vavl.core.features.LogMelEncoder;
import org.vavl.core.features.ModelAudioEncoder;
import org.vavl.core.features.Waveform;
import org.vavl.core.features.WaveformNormalisation;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.ClipEncoderNodeModel;
import org.vavl.core.util.OnError;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;

/**
 * Audio Encoder: per clip, the 16 kHz mono WAV becomes a feature sequence {@code <clip>.npy} (frames x dim):
 * the built-in log-mel filterbank (80 values per 10 ms frame, no weights), a user's speech model (TorchScript
 * or ONNX, wav2vec2 style: waveform in, (batch, frames, dim) out), or existing feature files attached by clip
 * id. Appends {@code Audio features}, {@code Audio feature frames}, {@code Audio feature dim} (and
 * {@code Audio features error} with on error = skip).
 */
final class AudioEncoderNodeModel extends ClipEncoderNodeModel {

    static final Names NAMES = new Names("audio", "Audio features", "Audio feature frames", "Audio feature dim",
        "Audio features error", AudioEncoderSettings.AUDIO_COLUMN, AudioEncoderSettings.BUILT_IN);

    private final SettingsModelIntegerBounded m_mels = AudioEncoderSettings.mels();

    private final SettingsModelDoubleBounded m_windowMs = AudioEncoderSettings.windowMs();

    private final SettingsModelDoubleBounded m_hopMs = AudioEncoderSettings.hopMs();

    private final SettingsModelDoubleBounded m_logFloor = AudioEncoderSettings.logFloor();

    private final SettingsModelString m_normalisation = AudioEncoderSettings.normalisation();

    private final SettingsModelString m_statsSource = AudioEncoderSettings.statisticsSource();

    private final SettingsModelDouble m_mean = AudioEncoderSettings.mean();

    private final SettingsModelDoubleBounded m_std = AudioEncoderSettings.std();

    private final SettingsModelString m_splitColumn = AudioEncoderSettings.splitColumn();

    private final SettingsModelString m_splitValue = AudioEncoderSettings.splitValue();

    private final SettingsModelString m_longAudio = AudioEncoderSettings.longAudio();

    private final SettingsModelDoubleBounded m_maxSeconds = AudioEncoderSettings.maxSeconds();

    private final SettingsModelIntegerBounded m_clipsPerBatch = AudioEncoderSettings.clipsPerBatch();

    AudioEncoderNodeModel() {
        super(NAMES, AudioEncoderSettings.audioColumn(), "knime://knime.workflow/vavl-data/audio-features", new ArrayList<>());
        registerSpecific();
    }

    private void registerSpecific() {
        addSpecific(m_mels, m_windowMs, m_hopMs, m_logFloor, m_normalisation, m_statsSource, m_mean, m_std,
            m_splitColumn, m_splitValue, m_longAudio, m_maxSeconds, m_clipsPerBatch);
    }

    @Override
    protected void checkSpecific(final DataTableSpec in) throws InvalidSettingsException {
        if (m_encoder.getStringValue().equals(AudioEncoderSettings.BUILT_IN)) {
            try {
                new LogMelEncoder(m_mels.getIntValue(), m_windowMs.getDoubleValue(), m_hopMs.getDoubleValue(),
                    m_logFloor.getDoubleValue()).close();
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
        } else if (usesModelFile()) {
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
    }

    private WaveformNormalisation.Mode mode() throws InvalidSettingsException {
        return CommonSettings.parse(m_normalisation, WaveformNormalisation.Mode::fromSetting);
    }

    private ModelAudioEncoder.LongAudio longAudio() throws InvalidSettingsException {
        return CommonSettings.parse(m_longAudio, ModelAudioEncoder.LongAudio::fromSetting);
    }

    @Override
    protected ClipEncoder openEncoder(final Path modelFile, final String device, final List<ClipInput> clips,
        final BufferedDataTable in, final Progress progress) throws Exception {
        if (modelFile == null) {
            return new LogMelEncoder(m_mels.getIntValue(), m_windowMs.getDoubleValue(), m_hopMs.getDoubleValue(),
                m_logFloor.getDoubleValue());
        }
        final WaveformNormalisation norm;
        switch (mode()) {
            case NONE:
                norm = WaveformNormalisation.none();
                break;
            case PER_UTTERANCE:
                norm = WaveformNormalisation.perUtterance();
                break;
            default:
                norm = statistics(clips, in, progress);
        }
        return ModelAudioEncoder.open(modelFile, norm, longAudio(), m_maxSeconds.getDoubleValue(),
            m_clipsPerBatch.getIntValue(), device);
    }

    /** Scalar waveform statistics: from the settings, or over the input clips (optionally one split's rows). */
    private WaveformNormalisation statistics(final List<ClipInput> clips, final BufferedDataTable in,
        final Progress progress) throws Exception {
        if (AudioEncoderSettings.STATS_FROM_SETTINGS.equals(m_statsSource.getStringValue())) {
            try {
                return WaveformNormalisation.statistics(m_mean.getDoubleValue(), m_std.getDoubleValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
        }
        final String split = m_splitColumn.getStringValue();
        final int splitCol = split == null || split.isBlank() ? -1
            : Columns.require(in.getDataTableSpec(), split, StringValue.class, AudioEncoderSettings.SPLIT_COLUMN);
        final List<Path> wavs = new ArrayList<>();
        int i = 0;
        for (DataRow row : in) {
            final ClipInput c = clips.get(i++);
            if (c.input() == null) {
                continue;
            }
            if (splitCol >= 0) {
                final DataCell cell = row.getCell(splitCol);
                if (cell.isMissing() || !m_splitValue.getStringValue().equals(((StringValue)cell).getStringValue())) {
                    continue;
                }
            }
            wavs.add(c.input());
        }
        if (wavs.isEmpty()) {
            throw new InvalidSettingsException("Waveform statistics over the input clips: no row "
                + (splitCol >= 0 ? "has '" + m_splitValue.getStringValue() + "' in column '" + split + "'"
                    : "has an audio file")
                + ". Check the statistics split settings, or give mean and std as settings.");
        }
        final long max = ModelAudioEncoder.LongAudio.CUT == longAudio() && m_maxSeconds.getDoubleValue() > 0
            ? Math.round(m_maxSeconds.getDoubleValue() * Waveform.SAMPLE_RATE) : 0;
        final boolean skip = CommonSettings.onError(m_onError) == OnError.SKIP;
        final double[] ms = WaveformNormalisation.computeStatistics(wavs, max, skip, progress);
        getLogger().info("Waveform statistics over " + (int)ms[2] + " clip(s): mean " + ms[0] + ", std " + ms[1]);
        try {
            return WaveformNormalisation.statistics(ms[0], ms[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Waveform statistics over " + wavs.size() + " clip(s): "
                + e.getMessage() + " Are the clips silent?", e);
        }
    }
}
