package org.vavl.knime.nodes.audioencoder;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.vavl.core.features.ClipEncoder;
import org.vavl.core.features.LogMelEncoder;
import org.vavl.core.features.LogMelSettings;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.ClipEncoderNodeModel;
import org.vavl.knime.nodes.common.EncoderNames;
import org.vavl.knime.nodes.common.RecordModels;

/**
 * Audio Encoder: per clip, the 16 kHz mono WAV becomes a feature sequence {@code <clip>.npy} (frames x dim):
 * the built-in log-mel filterbank (80 values per 10 ms frame, no weights), a user's speech model (TorchScript
 * or ONNX, wav2vec2 style: waveform in, (batch, frames, dim) out; see {@link SpeechModelSettings}), or existing
 * feature files attached by clip id. Appends {@code Audio features}, {@code Audio feature frames},
 * {@code Audio feature dim} (and {@code Audio features error} with on error = skip).
 */
final class AudioEncoderNodeModel extends ClipEncoderNodeModel {

    static final EncoderNames NAMES = new EncoderNames("audio", "Audio features", "Audio feature frames",
        "Audio feature dim", "Audio features error", AudioEncoderSettings.AUDIO_COLUMN,
        List.of(AudioEncoderSettings.BUILT_IN));

    private final RecordModels<LogMelSettings> m_logMel = RecordModels.of(LogMelSettings.SETTINGS);

    private final SpeechModelSettings m_speechModel = new SpeechModelSettings();

    AudioEncoderNodeModel() {
        super(NAMES, AudioEncoderSettings.audioColumn(), "knime://knime.workflow/vavl-data/audio-features");
        register(m_logMel.models());
        register(m_speechModel.models());
    }

    @Override
    protected void checkSpecific(final DataTableSpec in) throws InvalidSettingsException {
        if (encoder().value().equals(AudioEncoderSettings.BUILT_IN)) {
            try {
                logMel().close();
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
        } else if (encoder().modelFile()) {
            m_speechModel.check(in);
        }
    }

    private LogMelEncoder logMel() throws InvalidSettingsException {
        return new LogMelEncoder(m_logMel.record());
    }

    @Override
    protected ClipEncoder openEncoder(final Path modelFile, final String device, final List<Clip> clips,
        final DataTableSpec in, final Progress progress) throws Exception {
        return modelFile == null ? logMel()
            : m_speechModel.open(modelFile, device, clips, in, onError() == OnError.SKIP, progress);
    }
}
