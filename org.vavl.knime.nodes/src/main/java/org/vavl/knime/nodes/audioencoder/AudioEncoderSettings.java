package org.vavl.knime.nodes.audioencoder;

import java.util.List;

import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ModelAudioEncoder;
import org.vavl.core.features.WaveformNormalisation;
import org.vavl.knime.nodes.common.EncoderSettings;

/** The Audio Encoder's settings: keys and defaults shared by the node model and its dialog. */
final class AudioEncoderSettings {

    static final String AUDIO_COLUMN = "audio column";

    static final String BUILT_IN = "built-in log-mel";

    static final String NORMALISATION = "waveform normalisation";

    static final String STATISTICS_SOURCE = "statistics source";

    static final String STATS_FROM_SETTINGS = "settings";

    static final String STATS_FROM_CLIPS = "input clips";

    static final String MEAN = "waveform mean";

    static final String STD = "waveform std";

    static final String SPLIT_COLUMN = "statistics split column";

    static final String SPLIT_VALUE = "statistics split value";

    static final String LONG_AUDIO = "long audio";

    static final String MAX_SECONDS = "max seconds";

    static final String CLIPS_PER_BATCH = "clips per batch";

    static final List<String> NORMALISATIONS = List.of(WaveformNormalisation.Mode.NONE.settingValue(),
        WaveformNormalisation.Mode.PER_UTTERANCE.settingValue(), WaveformNormalisation.Mode.STATISTICS.settingValue());

    static final List<String> LONG_AUDIO_VALUES = List.of(ModelAudioEncoder.LongAudio.CUT.settingValue(),
        ModelAudioEncoder.LongAudio.CHUNK.settingValue());

    private AudioEncoderSettings() {
    }

    static SettingsModelString audioColumn() {
        return new SettingsModelString(AUDIO_COLUMN, "Audio path");
    }

    static SettingsModelString encoder() {
        return EncoderSettings.encoder(BUILT_IN);
    }

    static SettingsModelString normalisation() {
        return new SettingsModelString(NORMALISATION, WaveformNormalisation.Mode.PER_UTTERANCE.settingValue());
    }

    static SettingsModelString statisticsSource() {
        return new SettingsModelString(STATISTICS_SOURCE, STATS_FROM_CLIPS);
    }

    static SettingsModelDouble mean() {
        return new SettingsModelDouble(MEAN, 0);
    }

    static SettingsModelDoubleBounded std() {
        return new SettingsModelDoubleBounded(STD, 1, 1e-12, 1e12);
    }

    static SettingsModelString splitColumn() {
        return new SettingsModelString(SPLIT_COLUMN, "");
    }

    static SettingsModelString splitValue() {
        return new SettingsModelString(SPLIT_VALUE, "Train");
    }

    static SettingsModelString longAudio() {
        return new SettingsModelString(LONG_AUDIO, ModelAudioEncoder.LongAudio.CUT.settingValue());
    }

    static SettingsModelDoubleBounded maxSeconds() {
        return new SettingsModelDoubleBounded(MAX_SECONDS, ModelAudioEncoder.DEFAULT_MAX_SECONDS, 0, 3600);
    }

    static SettingsModelIntegerBounded clipsPerBatch() {
        return new SettingsModelIntegerBounded(CLIPS_PER_BATCH, 1, 1, 256);
    }
}
