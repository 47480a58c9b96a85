package org.vavl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bootstrap's settings, stated once: on with 1,000 resamples by default. */
class BootstrapSettingsTest {

    @Test
    void onWith1000ResamplesByDefaultAndNoneDrawnWhenOff() {
        final BootstrapSettings d = BootstrapSettings.SETTINGS.defaults();
        assertEquals(new BootstrapSettings(true, 1000, 0), d);
        assertEquals(1000, d.drawn());
        assertEquals(0, new BootstrapSettings(false, 1000, 0).drawn());
        assertEquals(d, BootstrapSettings.fromMap(Map.of()));
        assertEquals(new BootstrapSettings(true, 50, 3), BootstrapSettings.fromMap(
            new BootstrapSettings(true, 50, 3).toMap()));
        assertThrows(IllegalArgumentException.class, () -> BootstrapSettings.SETTINGS.builder()
            .set(BootstrapSettings.RESAMPLES, 5).build());
    }
}
