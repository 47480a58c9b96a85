package org.vavl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModalityContributionsTest {

    /**
     * Two angry clips whose voice is angry and face neutral: removing the voice drops P(angry) from 0.8 to 0.3,
     * removing the face keeps it at 0.75, so the voice carries (0.5) / (0.5 + 0.05) of the decision. One sad clip
     * decided by the face alone.
     */
    @Test
    void theVoiceCarriesWhatItsRemovalTakesAway() {
        final List<String> classes = List.of("angry", "sad");
        final int[] truth = {0, 0, 1};
        final List<double[]> av = List.of(new double[] {0.8, 0.2}, new double[] {0.8, 0.2}, new double[] {0.1, 0.9});
        final List<double[]> audio = List.of(new double[] {0.75, 0.25}, new double[] {0.75, 0.25},
            new double[] {0.5, 0.5});
        final List<double[]> visual = List.of(new double[] {0.3, 0.7}, new double[] {0.3, 0.7},
            new double[] {0.05, 0.95});
        final List<ModalityContributions.ClassContribution> c = ModalityContributions.of(classes, truth, av, audio,
            visual);
        assertEquals(2, c.size());
        assertEquals("angry", c.get(0).cls());
        assertEquals(2, c.get(0).clips());
        assertEquals(0.8, c.get(0).audiovisual(), 1e-12);
        assertEquals(0.3, c.get(0).withoutAudio(), 1e-12);
        assertEquals(0.75, c.get(0).withoutVisual(), 1e-12);
        assertEquals(0.5 / 0.55, c.get(0).voiceShare(), 1e-12);
        // sad: removing the voice raises P(sad) (0.95 > 0.9): the voice carries nothing, the face all
        assertEquals(0.0, c.get(1).voiceShare(), 1e-12);
        assertTrue(Double.isNaN(new ModalityContributions.ClassContribution("x", 1, 0.5, 0.6, 0.7).voiceShare()));
    }
}
