package org.vavl.knime.nodes.audioextractor;

import org.vavl.core.media.AudioExtractionSettings;
import org.vavl.knime.nodes.common.RecordModels;

/**
 * The Audio Extractor's own settings; the engine's ({@link AudioExtractionSettings}: sample rate, sample format,
 * maximum duration) come with their keys, defaults and bounds from the engine. The input columns, output folder,
 * threads, on error and overwrite are the {@link org.vavl.knime.nodes.common.CommonSettings}.
 */
final class AudioExtractorSettings {

    /** Default of the output folder. */
    static final String DEFAULT_OUTPUT_FOLDER = "knime://knime.workflow/vavl-data/audio";

    private AudioExtractorSettings() {
    }

    /** @return new models of the engine's extraction settings, saved in the record's order */
    static RecordModels<AudioExtractionSettings> extraction() {
        return RecordModels.of(AudioExtractionSettings.SETTINGS);
    }
}
