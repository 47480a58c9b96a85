package org.vavl.knime.nodes.audioencoder;

import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.AudioModelSettings;
import org.vavl.knime.nodes.common.EncoderSettings;
import org.vavl.knime.nodes.common.RecordModels;

/**
 * The Audio Encoder's own settings (audio column, encoder, statistics source and split), shared by the node model and
 * its dialog; the engine's (log-mel, {@link AudioModelSettings}) come with their keys, defaults and bounds from the
 * engine.
 */
final class AudioEncoderSettings {

    static final String AUDIO_COLUMN = "audio column";

    static final String BUILT_IN = "built-in log-mel";

    static final String STATISTICS_SOURCE = "statistics source";

    static final String STATS_FROM_SETTINGS = "settings";

    static final String STATS_FROM_CLIPS = "input clips";

    static final String SPLIT_COLUMN = "statistics split column";

    static final String SPLIT_VALUE = "statistics split value";

    private AudioEncoderSettings() {
    }

    /** @return new models of the engine's speech model settings ({@link AudioModelSettings}) */
    static RecordModels<AudioModelSettings> speechModel() {
        return RecordModels.of(AudioModelSettings.SETTINGS);
    }

    static SettingsModelString audioColumn() {
        return new SettingsModelString(AUDIO_COLUMN, "Audio path");
    }

    static SettingsModelString encoder() {
        return EncoderSettings.encoder(BUILT_IN);
    }

    static SettingsModelString statisticsSource() {
        return new SettingsModelString(STATISTICS_SOURCE, STATS_FROM_CLIPS);
    }

    static SettingsModelString splitColumn() {
        return new SettingsModelString(SPLIT_COLUMN, "");
    }

    static SettingsModelString splitValue() {
        return new SettingsModelString(SPLIT_VALUE, "Train");
    }

}
