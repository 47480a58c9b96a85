package org.vavl.core.model;

import static org.vavl.core.model.AuxFormerConfig.AUDIO_DIM;
import static org.vavl.core.model.AuxFormerConfig.BRANCH_BLOCKS;
import static org.vavl.core.model.AuxFormerConfig.CONV_KERNEL;
import static org.vavl.core.model.AuxFormerConfig.DROPOUT;
import static org.vavl.core.model.AuxFormerConfig.FEED_FORWARD_DIM;
import static org.vavl.core.model.AuxFormerConfig.HEADS;
import static org.vavl.core.model.AuxFormerConfig.HEAD_DROPOUT;
import static org.vavl.core.model.AuxFormerConfig.MODEL_DIM;
import static org.vavl.core.model.AuxFormerConfig.OUTPUTS;
import static org.vavl.core.model.AuxFormerConfig.SHARED_BLOCKS;
import static org.vavl.core.model.AuxFormerConfig.TASK;
import static org.vavl.core.model.AuxFormerConfig.VISUAL_DIM;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuxFormerConfigTest {

    @Test
    void defaultsAreTheReferenceValues() {
        final AuxFormerConfig c = AuxFormerConfig.builder().build();
        assertEquals(Architecture.VAVL, c.architecture());
        assertEquals(1024, c.audioDim());
        assertEquals(1408, c.visualDim());
        assertEquals(50, c.projectionDim());
        assertEquals(512, c.modelDim());
        assertEquals(8, c.heads());
        assertEquals(2048, c.feedForwardDim());
        assertEquals(31, c.convKernel());
        assertEquals(3, c.branchBlocks());
        assertEquals(2, c.sharedBlocks());
        assertEquals(0.1f, c.dropout());
        assertEquals(0.2f, c.headDropout());
        assertEquals(Task.CATEGORICAL, c.task());
        final AuxFormerConfig a = AuxFormerConfig.builder(Architecture.AUXFORMER_2022).build();
        assertEquals(10, a.heads());
        assertEquals(5, a.branchBlocks());
        assertEquals(200, a.feedForwardDim());
    }

    @Test
    void mapRoundTrip() {
        final AuxFormerConfig c = AuxFormerConfig.builder().set(AUDIO_DIM, 768).set(VISUAL_DIM, 512)
            .set(MODEL_DIM, 64).set(HEADS, 4)
            .set(FEED_FORWARD_DIM, 128).set(CONV_KERNEL, 7).set(BRANCH_BLOCKS, 1).set(SHARED_BLOCKS, 1)
            .set(DROPOUT, 0.05f).set(HEAD_DROPOUT, 0.3f)
            .set(OUTPUTS, 3).set(TASK, Task.DIMENSIONAL).build();
        final Map<String, String> m = c.toMap();
        assertEquals("DIMENSIONAL", m.get("task"));
        assertEquals("768", m.get("audioDim"));
        final AuxFormerConfig back = AuxFormerConfig.fromMap(m);
        assertEquals(c, back);
        assertEquals(c.toMap(), back.toMap());
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void badSettingsAreNamed() {
        final Map<String, String> m = new HashMap<>(AuxFormerConfig.builder().build().toMap());
        m.put("modelDimm", "3");
        final IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> AuxFormerConfig.fromMap(m));
        assertTrue(e1.getMessage().contains("'modelDimm'"), e1.getMessage());
        m.remove("modelDimm");
        m.put("heads", "x");
        final IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> AuxFormerConfig.fromMap(m));
        assertTrue(e2.getMessage().contains("'heads'") && e2.getMessage().contains("not a number"), e2.getMessage());
        m.put("heads", "7");
        final IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class, () -> AuxFormerConfig.fromMap(m));
        assertTrue(e3.getMessage().contains("'heads' (7) must divide 'modelDim' (512)"), e3.getMessage());
        m.put("heads", "8");
        m.put("architecture", "TRANSFORMER");
        final IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class, () -> AuxFormerConfig.fromMap(m));
        assertTrue(e4.getMessage().contains("'architecture'"), e4.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AuxFormerConfig.builder().set(CONV_KERNEL, 4).build());
        assertThrows(IllegalArgumentException.class, () -> AuxFormerConfig.builder().set(DROPOUT, 1f).build());
        final IllegalArgumentException e5 = assertThrows(IllegalArgumentException.class,
            () -> AuxFormerConfig.builder(Architecture.AUXFORMER_2022).set(HEADS, 8).build());
        assertTrue(e5.getMessage().contains("'projectionDim' (50)"), e5.getMessage());
    }
}
