package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FaceModelSettingsTest {

    @Test
    void defaultsAreImageNetsAndRoundTripThroughTheMap() {
        final FaceModelSettings d = FaceModelSettings.SETTINGS.defaults();
        assertEquals(ModelFaceEncoder.DEFAULT_INPUT_SIZE, d.inputSize());
        assertEquals(ModelFaceEncoder.ChannelOrder.RGB, d.channelOrder());
        assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, d.meanValues());
        assertArrayEquals(new float[] {0.229f, 0.224f, 0.225f}, d.stdValues());
        assertEquals(d, FaceModelSettings.SETTINGS.fromMap(FaceModelSettings.SETTINGS.toMap(d)));
    }

    @Test
    void aWrongTripleNamesItsSetting() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> FaceModelSettings.SETTINGS.fromMap(Map.of("std", "0.2, 0, 0.2")));
        assertEquals("Setting 'normalisation std': 0 must be a positive number.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaceModelSettings.SETTINGS.fromMap(Map.of("mean", "1, 2")));
    }
}
