package org.vavl.core.model;

import static org.vavl.core.model.AuxFormerConfig.OUTPUTS;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vavl.core.util.DjlRuntime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Benchmark of the VAVL network in DJL at the reference's sizes (not a test; run by {@code bench/model.sh}).
 *
 * <p>Usage: {@code ModelBenchmark <train|infer|gemm> <batch> <warmup> <reps>} (gemm: one 4800x512x2048 matrix
 * product, batch ignored). Prints one JSON line:
 * {@code {"framework":"djl","mode":...,"batch":...,"times_ms":[wall...],"cpu_ms":[process CPU...],"peak_rss_mb":...}}.
 *
 * <p>train: the reference's three optimisation steps on one batch (docs/auxformer.md, Training): (1) visual: pred_v and
 * recon_v, loss = CE + 2 MSE(recon_v, time mean of the visual features), Adam on visual branch, shared Conformer,
 * head_v, recon_v; (2) the same for audio; (3) fusion with branches in evaluation mode and without gradients,
 * CE of pred_av, Adam on the fusion head. Adam lr 5e-5, betas (0.95, 0.999), weight decay 5e-7, one optimiser per
 * module. infer: evaluation forward of the whole network (all five outputs).
 */
public final class ModelBenchmark {

    static final int AUDIO_FRAMES = 150, VISUAL_FRAMES = 90, CLASSES = 6;

    private ModelBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final String mode = args[0];
        final int batch = Integer.parseInt(args[1]);
        final int warmup = Integer.parseInt(args[2]);
        final int reps = Integer.parseInt(args[3]);
        final List<double[]> times = DjlRuntime.call(() -> run(mode, batch, warmup, reps));
        final StringBuilder wall = new StringBuilder();
        final StringBuilder cpu = new StringBuilder();
        for (final double[] t : times) {
            wall.append(wall.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", t[0]));
            cpu.append(cpu.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", t[1]));
        }
        System.out.println(String.format(Locale.ROOT,
            "{\"framework\":\"djl\",\"mode\":\"%s\",\"batch\":%d,\"times_ms\":[%s],\"cpu_ms\":[%s],"
                + "\"peak_rss_mb\":%.1f,\"jvm_heap_committed_mb\":%.1f,\"engine\":\"%s\",\"threads\":\"%s\"}",
            mode, batch, wall, cpu, peakRssMb(), Runtime.getRuntime().totalMemory() / 1048576.0, "PyTorch " + Engine.getEngine("PyTorch").getVersion(),
            System.getProperty("ai.djl.pytorch.num_threads")));
    }

    /** @return per timed repetition {wall ms, process CPU ms} */
    static List<double[]> run(final String mode, final int batch, final int warmup, final int reps) {
        final List<double[]> times = new ArrayList<>();
        if ("gemm".equals(mode)) {
            return gemm(warmup, reps);
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            final AuxFormerConfig c = AuxFormerConfig.builder().set(OUTPUTS, CLASSES).build();
            final AuxFormerNet net = AuxFormerNet.create(c, m, 0);
            Engine.getEngine("PyTorch").setRandomSeed(1);
            final NDArray audio = m.randomNormal(new Shape(batch, AUDIO_FRAMES, c.audioDim()));
            final NDArray audioMask = m.ones(new Shape(batch, AUDIO_FRAMES));
            final NDArray visual = m.randomNormal(new Shape(batch, VISUAL_FRAMES, c.visualDim()));
            final NDArray visualMask = m.ones(new Shape(batch, VISUAL_FRAMES));
            final NDArray labels = m.randomInteger(0, CLASSES, new Shape(batch), DataType.INT64);
            final NDArray oneHot = labels.oneHot(CLASSES);
            final ThreeSteps steps = new ThreeSteps(net);
            for (int i = 0; i < warmup + reps; i++) {
                final long t0 = System.nanoTime();
                final long c0 = cpuNanos();
                try (NDManager sub = m.newSubManager()) {
                    final ParameterStore ps = new ParameterStore(sub, false);
                    if ("train".equals(mode)) {
                        steps.step(ps, audio, audioMask, visual, visualMask, oneHot);
                    } else {
                        final NDList out = net.forward(ps, new NDList(audio, audioMask, visual, visualMask), false);
                        out.get(0).toFloatArray(); // wait for the result
                    }
                }
                final double ms = (System.nanoTime() - t0) / 1e6;
                final double cpuMs = (cpuNanos() - c0) / 1e6;
                if (i >= warmup) {
                    times.add(new double[] {ms, cpuMs});
                }
            }
        }
        return times;
    }

    /** One matrix product (4800 x 512) x (512 x 2048), the size of a feed-forward layer at batch 32 x 150 frames. */
    static List<double[]> gemm(final int warmup, final int reps) {
        final List<double[]> times = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            final NDArray a = m.randomNormal(new Shape(4800, 512));
            final NDArray b = m.randomNormal(new Shape(512, 2048));
            for (int i = 0; i < warmup + reps; i++) {
                final long t0 = System.nanoTime();
                final long c0 = cpuNanos();
                a.matMul(b).close();
                if (i >= warmup) {
                    times.add(new double[] {(System.nanoTime() - t0) / 1e6, (cpuNanos() - c0) / 1e6});
                }
            }
        }
        return times;
    }

    /** The reference's three optimisation steps, each module with its own Adam. */
    static final class ThreeSteps {
        private final AuxFormerNet m_net;
        private final java.util.Map<AuxFormerNet.Module, Optimizer> m_adam = new java.util.EnumMap<>(AuxFormerNet.Module.class);

        ThreeSteps(final AuxFormerNet net) {
            m_net = net;
            for (final AuxFormerNet.Module module : AuxFormerNet.Module.values()) {
                m_adam.put(module, Adam.builder().optLearningRateTracker(Tracker.fixed(5e-5f)).optBeta1(0.95f)
                    .optBeta2(0.999f).optWeightDecays(5e-7f).build());
            }
        }

        void step(final ParameterStore ps, final NDArray audio, final NDArray audioMask, final NDArray visual,
            final NDArray visualMask, final NDArray oneHot) {
            final NDArray visualTarget = Nn.maskedTimeMean(visual, visualMask);
            final NDArray audioTarget = Nn.maskedTimeMean(audio, audioMask);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                final NDArray rep = m_net.representVisual(ps, visual, visualMask, true);
                final NDArray loss = crossEntropy(m_net.headVisual(ps, rep, true), oneHot)
                    .add(m_net.reconstructVisual(ps, rep, true).sub(visualTarget).square().mean().mul(2f));
                gc.backward(loss);
            }
            update(AuxFormerNet.Module.VISUAL_BRANCH, AuxFormerNet.Module.SHARED, AuxFormerNet.Module.HEAD_VISUAL,
                AuxFormerNet.Module.RECON_VISUAL);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                final NDArray rep = m_net.representAudio(ps, audio, audioMask, true);
                final NDArray loss = crossEntropy(m_net.headAudio(ps, rep, true), oneHot)
                    .add(m_net.reconstructAudio(ps, rep, true).sub(audioTarget).square().mean().mul(2f));
                gc.backward(loss);
            }
            update(AuxFormerNet.Module.AUDIO_BRANCH, AuxFormerNet.Module.SHARED, AuxFormerNet.Module.HEAD_AUDIO,
                AuxFormerNet.Module.RECON_AUDIO);
            // fusion: branches in evaluation mode, no graph recorded for them
            final NDArray repA = m_net.representAudio(ps, audio, audioMask, false);
            final NDArray repV = m_net.representVisual(ps, visual, visualMask, false);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(crossEntropy(m_net.fuse(ps, repA, repV, true), oneHot));
            }
            update(AuxFormerNet.Module.FUSION);
        }

        private void update(final AuxFormerNet.Module... modules) {
            for (final AuxFormerNet.Module module : modules) {
                final Optimizer adam = m_adam.get(module);
                for (final Parameter p : m_net.parameters(module)) {
                    final NDArray w = p.getArray();
                    final NDArray g = w.getGradient();
                    adam.update(p.getId(), w, g);
                    g.subi(g); // DJL's PyTorch gradient collector does not zero gradients
                    g.close(); // the handle (not the gradient) would otherwise stay in the parameters' manager
                }
            }
        }

        static NDArray crossEntropy(final NDArray logits, final NDArray oneHot) {
            return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
        }
    }

    /** @return CPU time of the whole process (all threads), ns */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double peakRssMb() {
        try {
            for (final String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (final Exception e) {
            // not Linux
        }
        return -1;
    }
}
