package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vavl.core.model.Architecture;
import org.vavl.core.model.Task;

/** The training settings, stated once: the reference's defaults, the derived map, the bounds named. */
class TrainingSettingsTest {

    @Test
    void defaultsAreTheReferences() {
        final TrainingSettings d = TrainingSettings.builder().build();
        assertEquals(20, d.epochs());
        assertEquals(32, d.batchSize());
        assertEquals(0.95f, d.beta1());
        assertEquals(0.999f, d.beta2());
        assertEquals(5e-7f, d.weightDecay());
        assertEquals(0.2f, d.modalityDropout());
        assertEquals("auto", d.device());
        assertEquals(0, d.seed());
        // 0 / negative: the architecture's learning rate and the task's reconstruction weight
        assertEquals(5e-5f, d.learningRate(Architecture.VAVL));
        assertEquals(7.25e-4f, d.learningRate(Architecture.AUXFORMER_2022));
        assertEquals(2f, d.reconstructionWeight(Task.CATEGORICAL));
        assertEquals(1f, d.reconstructionWeight(Task.DIMENSIONAL));
        final TrainingSettings s = d.toBuilder().set(TrainingSettings.LEARNING_RATE, 3e-3f)
            .set(TrainingSettings.RECONSTRUCTION_WEIGHT, 0f).build();
        assertEquals(3e-3f, s.learningRate(Architecture.VAVL));
        assertEquals(0f, s.reconstructionWeight(Task.CATEGORICAL));
    }

    @Test
    void theMapIsDerivedAndReadBack() {
        final TrainingSettings s = TrainingSettings.builder().set(TrainingSettings.EPOCHS, 3)
            .set(TrainingSettings.SEED, -7).set(TrainingSettings.DEVICE, "cpu").build();
        final Map<String, String> m = s.toMap();
        assertEquals("3", m.get("epochs"));
        assertEquals("-7", m.get("seed"));
        assertEquals(s, TrainingSettings.fromMap(m));
        assertEquals(TrainingSettings.builder().build(), TrainingSettings.fromMap(Map.of()));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TrainingSettings.builder().set(TrainingSettings.BATCH_SIZE, 0).build());
        assertTrue(e.getMessage().contains("Batch size"), e.getMessage());
        assertEquals("batch size", TrainingSettings.BATCH_SIZE.key());
        assertEquals("maximum audio frames", TrainingSettings.MAX_AUDIO_FRAMES.key());
    }
}
