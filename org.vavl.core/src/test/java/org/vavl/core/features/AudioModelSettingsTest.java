package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AudioModelSettingsTest {

    @Test
    void defaultsAreTheNodesAndRoundTripThroughTheMap() {
        final AudioModelSettings d = AudioModelSettings.SETTINGS.defaults();
        assertEquals(WaveformNormalisation.Mode.PER_UTTERANCE, d.normalisation());
        assertEquals(ModelAudioEncoder.LongAudio.CUT, d.longAudio());
        assertEquals(ModelAudioEncoder.DEFAULT_MAX_SECONDS, d.maxSeconds());
        assertEquals(1, d.clipsPerBatch());
        assertEquals(d, AudioModelSettings.SETTINGS.fromMap(AudioModelSettings.SETTINGS.toMap(d)));
        assertEquals("per utterance", AudioModelSettings.NORMALISATION.choiceLabel(d.normalisation()));
    }

    @Test
    void statisticsReadUpToTheCutOnly() {
        final AudioModelSettings d = AudioModelSettings.SETTINGS.defaults();
        assertEquals(Math.round(ModelAudioEncoder.DEFAULT_MAX_SECONDS * Waveform.SAMPLE_RATE), d.statisticsSamples());
        assertEquals(0, AudioModelSettings.SETTINGS.with(d, AudioModelSettings.LONG_AUDIO,
            ModelAudioEncoder.LongAudio.CHUNK).statisticsSamples());
        assertEquals(0, AudioModelSettings.SETTINGS.with(d, AudioModelSettings.MAX_SECONDS, 0.0).statisticsSamples());
    }

    @Test
    void givenStatisticsMakeTheNormalisationAndTheStdIsBounded() {
        final AudioModelSettings s = AudioModelSettings.SETTINGS.fromMap(Map.of("normalisation", "statistics",
            "mean", "0.5", "std", "2"));
        assertEquals(WaveformNormalisation.Mode.STATISTICS, s.normalisation());
        assertEquals(WaveformNormalisation.statistics(0.5, 2).toString(), s.waveformNormalisation().toString());
        assertThrows(IllegalArgumentException.class, () -> AudioModelSettings.SETTINGS.fromMap(Map.of("std", "0")));
    }
}
