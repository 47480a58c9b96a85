package org.vavl.core.model;

import static org.vavl.core.model.AuxFormerConfig.AUDIO_DIM;
import static org.vavl.core.model.AuxFormerConfig.BRANCH_BLOCKS;
import static org.vavl.core.model.AuxFormerConfig.CONV_KERNEL;
import static org.vavl.core.model.AuxFormerConfig.FEED_FORWARD_DIM;
import static org.vavl.core.model.AuxFormerConfig.HEADS;
import static org.vavl.core.model.AuxFormerConfig.MODEL_DIM;
import static org.vavl.core.model.AuxFormerConfig.OUTPUTS;
import static org.vavl.core.model.AuxFormerConfig.PROJECTION_DIM;
import static org.vavl.core.model.AuxFormerConfig.SHARED_BLOCKS;
import static org.vavl.core.model.AuxFormerConfig.VISUAL_DIM;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.model.AuxFormerNetTest.Clip;
import org.vavl.core.util.DjlRuntime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.vavl.testsupport.Oracles;

/**
 * Parity with an independent PyTorch implementation ({@code tools/parity/conformer_parity.py}, Debian's
 * {@code /usr/bin/python3} with torch): the Java side exports its weights, a padded input and its eval-mode outputs
 * as {@code .npz}; the script rebuilds the network in PyTorch, loads the weights and compares. Skipped with a
 * message where {@code /usr/bin/python3} cannot import torch.
 */
class ConformerParityTest {

    static final String PYTHON = "/usr/bin/python3";
    static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    static Path script;

    @BeforeAll
    static void needsTorch() throws Exception {
        Oracles.requirePython("torch", "numpy");
        final String repo = System.getProperty("vavl.repo.dir", "..");
        script = Paths.get(repo, "tools", "parity", "conformer_parity.py").toAbsolutePath().normalize();
        if (!Files.isRegularFile(script)) {
            script = Paths.get("..", "tools", "parity", "conformer_parity.py").toAbsolutePath().normalize();
        }
        assertTrue(Files.isRegularFile(script), "parity script not found: " + script);
    }

    @Test
    void conformerMatchesPyTorch() throws Exception {
        final double diff = DjlRuntime.call(() -> {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                final int in = 12;
                final Conformer conformer = new Conformer(32, 2, 4, 64, 7, 0.1f);
                ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(17);
                conformer.initialize(m, DataType.FLOAT32, new Shape(1, 8, in), new Shape(1, 8));
                final Random r = new Random(3);
                // training passes give the masked batch norms running statistics; then every weight is perturbed so
                // that LayerNorm / BatchNorm scales and shifts are not the trivial 1 and 0
                for (int k = 0; k < 3; k++) {
                    try (NDManager sub = m.newSubManager()) {
                        final NDList x = padded(sub, r, in, new int[] {9, 15, 4}, 15);
                        conformer.forward(new ParameterStore(sub, false), x, true);
                    }
                }
                perturb(conformer, m);
                final NDList x = padded(m, r, in, new int[] {13, 7, 20, 1}, 24);
                final NDArray y = conformer.forward(new ParameterStore(m, false), x, false).singletonOrThrow();
                final NDList export = parameters(conformer);
                export.add(named(x.get(0), "input:x"));
                export.add(named(x.get(1), "input:mask"));
                export.add(named(y, "output:y"));
                return runScript(export, "--kind", "conformer", "--in-dim", "12", "--model-dim", "32", "--blocks", "2",
                    "--heads", "4", "--ff-dim", "64", "--kernel", "7");
            }
        });
        assertTrue(diff < TOLERANCE, "max |DJL - PyTorch| = " + diff);
    }

    @Test
    void vavlNetworkMatchesPyTorch() throws Exception {
        final double diff = DjlRuntime.call(() -> {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                final AuxFormerConfig c = AuxFormerConfig.builder().set(AUDIO_DIM, AuxFormerNetTest.DA)
                    .set(VISUAL_DIM, AuxFormerNetTest.DV).set(PROJECTION_DIM, 8).set(MODEL_DIM, 32).set(HEADS, 4)
                    .set(FEED_FORWARD_DIM, 64)
                    .set(CONV_KERNEL, 7).set(BRANCH_BLOCKS, 2).set(SHARED_BLOCKS, 1).set(OUTPUTS, 4).build();
                final AuxFormerNet net = AuxFormerNet.create(c, m, 5);
                AuxFormerNetTest.warmUpRunningStats(net, m, new Random(8));
                perturb(net, m);
                final Random r = new Random(9);
                final List<Clip> clips = new ArrayList<>();
                final int[] ta = {11, 5, 19};
                final int[] tv = {4, 13, 8};
                for (int i = 0; i < ta.length; i++) {
                    clips.add(AuxFormerNetTest.clip(r, ta[i], tv[i]));
                }
                final NDList in = AuxFormerNetTest.batch(m, clips, 0, 0, new Random(10));
                final NDList out = net.forward(new ParameterStore(m, false), in, false);
                final NDList export = parameters(net);
                final String[] inNames = {"input:audio", "input:audioMask", "input:visual", "input:visualMask"};
                for (int i = 0; i < 4; i++) {
                    export.add(named(in.get(i), inNames[i]));
                }
                final String[] outNames = {"output:predAv", "output:predA", "output:predV", "output:reconA", "output:reconV"};
                for (int i = 0; i < 5; i++) {
                    export.add(named(out.get(i), outNames[i]));
                }
                return runScript(export, "--kind", "vavl", "--audio-dim", "" + AuxFormerNetTest.DA, "--visual-dim",
                    "" + AuxFormerNetTest.DV, "--projection-dim", "8", "--model-dim", "32", "--heads", "4", "--ff-dim",
                    "64", "--kernel", "7", "--branch-blocks", "2", "--shared-blocks", "1", "--outputs", "4");
            }
        });
        assertTrue(diff < TOLERANCE, "max |DJL - PyTorch| = " + diff);
    }

    /** Clips with real frames first and garbage (not zeros) in the padding. */
    static NDList padded(final NDManager m, final Random r, final int dim, final int[] lengths, final int t) {
        final int b = lengths.length;
        final float[] x = new float[b * t * dim];
        final float[] mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            for (int f = 0; f < t; f++) {
                final boolean real = f < lengths[i];
                mask[i * t + f] = real ? 1f : 0f;
                for (int j = 0; j < dim; j++) {
                    x[(i * t + f) * dim + j] = real ? (float)(Math.cos(0.3 * f * (j + 1)) + r.nextGaussian())
                        : (float)(50 * r.nextGaussian());
                }
            }
        }
        return new NDList(m.create(x, new Shape(b, t, dim)), m.create(mask, new Shape(b, t)));
    }

    static void perturb(final Block block, final NDManager m) {
        final Random r = new Random(1234);
        for (final Pair<String, Parameter> p : block.getParameters()) {
            final NDArray a = p.getValue().getArray();
            final float[] v = a.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = p.getKey().endsWith("runningVar") ? v[i] * (float)(0.5 + r.nextDouble())
                    : v[i] + (float)(0.1 * r.nextGaussian());
            }
            a.set(v);
        }
    }

    static NDList parameters(final Block block) {
        final NDList list = new NDList();
        for (final Pair<String, Parameter> p : block.getParameters()) {
            list.add(named(p.getValue().getArray().duplicate(), "param:" + p.getKey()));
        }
        return list;
    }

    static NDArray named(final NDArray a, final String name) {
        a.setName(name);
        return a;
    }

    double runScript(final NDList export, final String... args) throws Exception {
        final Path npz = dir.resolve("parity.npz");
        try (OutputStream os = Files.newOutputStream(npz)) {
            export.encode(os, NDList.Encoding.NPZ);
        }
        final List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), "--npz", npz.toString()));
        cmd.addAll(List.of(args));
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "parity script timed out");
        final Matcher mm = Pattern.compile("\"max_abs_diff\": ([0-9.eE+-]+)").matcher(output);
        assertTrue(mm.find(), "no result from the parity script:\n" + output);
        System.out.println("[parity] " + output.trim());
        final double diff = Double.parseDouble(mm.group(1));
        assertEquals(diff < TOLERANCE ? 0 : 1, p.exitValue(), output);
        return diff;
    }
}
