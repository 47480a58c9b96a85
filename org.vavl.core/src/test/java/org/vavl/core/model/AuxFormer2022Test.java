package org.vavl.core.model;

import static org.vavl.core.model.AuxFormerConfig.AUDIO_DIM;
import static org.vavl.core.model.AuxFormerConfig.BRANCH_BLOCKS;
import static org.vavl.core.model.AuxFormerConfig.FEED_FORWARD_DIM;
import static org.vavl.core.model.AuxFormerConfig.HEADS;
import static org.vavl.core.model.AuxFormerConfig.MODEL_DIM;
import static org.vavl.core.model.AuxFormerConfig.OUTPUTS;
import static org.vavl.core.model.AuxFormerConfig.PROJECTION_DIM;
import static org.vavl.core.model.AuxFormerConfig.VISUAL_DIM;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vavl.core.model.AuxFormerNetTest.batch;
import static org.vavl.core.model.AuxFormerNetTest.clip;
import static org.vavl.core.model.AuxFormerNetTest.maxDiff;
import static org.vavl.core.model.AuxFormerNetTest.outputs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vavl.core.model.AuxFormerNetTest.Clip;
import org.vavl.core.util.DjlRuntime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/** The AUXFORMER_2022 network: batch independence, padding, temporal modelling, gradients, module groups. */
class AuxFormer2022Test {

    static AuxFormerConfig small() {
        return AuxFormerConfig.builder(Architecture.AUXFORMER_2022).set(AUDIO_DIM, AuxFormerNetTest.DA)
            .set(VISUAL_DIM, AuxFormerNetTest.DV).set(PROJECTION_DIM, 16).set(HEADS, 2).set(FEED_FORWARD_DIM, 32)
            .set(BRANCH_BLOCKS, 2).set(MODEL_DIM, 32)
            .set(OUTPUTS, 3).build();
    }

    @Test
    void batchIndependentPaddingInvariantAndOrderSensitive() throws Exception {
        DjlRuntime.run(() -> {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                final AuxFormerNet net = AuxFormerNet.create(small(), m, 3);
                final Random r = new Random(7);
                final List<Clip> clips = new ArrayList<>();
                final int[] ta = {9, 23, 4, 17, 30, 12, 6, 20};
                final int[] tv = {7, 3, 15, 10, 18, 5, 12, 9};
                for (int i = 0; i < 8; i++) {
                    clips.add(clip(r, ta[i], tv[i]));
                }
                assertEquals(3, net.forward(new ParameterStore(m, false), batch(m, clips, 0, 0, null), false).size());
                for (final int row : new int[] {0, 2}) {
                    final float[][] alone = outputs(net, m, batch(m, List.of(clips.get(row)), 0, 0, null), 0);
                    final float[][] inBatch = outputs(net, m, batch(m, clips, 0, 0, new Random(5)), row);
                    assertTrue(maxDiff(alone, inBatch) < 1e-5, "B=1 vs B=8: " + maxDiff(alone, inBatch));
                    final float[][] padded = outputs(net, m, batch(m, List.of(clips.get(row)), 40, 33, new Random(6)), 0);
                    assertTrue(maxDiff(alone, padded) < 1e-5, "padding: " + maxDiff(alone, padded));
                }
                final float[][] plain = outputs(net, m, batch(m, List.of(clips.get(1)), 0, 0, null), 0);
                final float[][] shuffled = outputs(net, m, batch(m, List.of(clips.get(1).shuffledAudio(3)), 0, 0, null), 0);
                float dAv = 0, dA = 0, dV = 0;
                for (int j = 0; j < plain[0].length; j++) {
                    dAv = Math.max(dAv, Math.abs(plain[0][j] - shuffled[0][j]));
                    dA = Math.max(dA, Math.abs(plain[1][j] - shuffled[1][j]));
                    dV = Math.max(dV, Math.abs(plain[2][j] - shuffled[2][j]));
                }
                assertTrue(dAv > 1e-3 && dA > 1e-3, "shuffled audio: pred_av " + dAv + ", pred_a " + dA);
                assertTrue(dV < 1e-6, "shuffled audio changed pred_v: " + dV);
                // the unimodal pieces agree with the joint forward
                final NDList in = batch(m, clips, 0, 0, null);
                final ParameterStore ps = new ParameterStore(m, false);
                final NDList joint = net.forward(ps, in, false);
                final NDArray predA = net.headAudio(ps, net.representAudio(ps, in.get(0), in.get(1), false), false);
                assertTrue(joint.get(1).sub(predA).abs().max().getFloat() < 1e-6);
                assertThrows(UnsupportedOperationException.class,
                    () -> net.fuse(ps, predA, predA, false));
            }
        });
    }

    @Test
    void gradientsReachEveryParameterOnce() throws Exception {
        DjlRuntime.run(() -> {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                final AuxFormerNet net = AuxFormerNet.create(small(), m, 9);
                final Random r = new Random(1);
                final NDList in = batch(m, List.of(clip(r, 8, 6), clip(r, 5, 9)), 0, 0, null);
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    final NDList out = net.forward(new ParameterStore(m, false), in, true);
                    gc.backward(out.get(0).square().sum().add(out.get(1).square().sum()).add(out.get(2).square().sum()));
                }
                final Map<Parameter, Boolean> seen = new IdentityHashMap<>();
                for (final AuxFormerNet.Module mod : AuxFormerNet.Module.values()) {
                    for (final Parameter p : net.parameters(mod)) {
                        assertEquals(null, seen.put(p, Boolean.TRUE), p.getName() + " twice");
                    }
                }
                assertTrue(net.parameters(AuxFormerNet.Module.HEAD_VISUAL).isEmpty());
                assertTrue(net.parameters(AuxFormerNet.Module.RECON_AUDIO).isEmpty());
                assertEquals(net.getParameters().size(), seen.size());
                for (final Parameter p : net.getParameters().values()) {
                    assertTrue(p.getArray().getGradient().abs().sum().getFloat() > 0, "no gradient: " + p.getName());
                }
            }
        });
    }
}
