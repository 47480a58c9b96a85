package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EmotionTimelineTest {

    private static double[][] w(final double duration, final double window, final double hop) {
        return EmotionTimeline.windows(duration, window, hop).toArray(double[][]::new);
    }

    private static void assertWindows(final double[][] expected, final double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-9, "window " + i);
        }
    }

    @Test
    void windowsCoverTheClip() {
        assertWindows(new double[][] {{0, 2}, {0.5, 2.5}, {1, 3}}, w(3, 2, 0.5));
        // the last whole window stops short of the end: one more ends at the clip's end
        assertWindows(new double[][] {{0, 2}, {1, 3}, {1.2, 3.2}}, w(3.2, 2, 1));
        // shorter than a window: the whole clip
        assertWindows(new double[][] {{0, 1.3}}, w(1.3, 2, 0.5));
        assertWindows(new double[][] {{0, 2}}, w(2, 2, 0.5));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w(3, 2, 0));
        assertEquals("Window and hop must be above 0 seconds (window 2.0, hop 0.0).", e.getMessage());
    }
}
