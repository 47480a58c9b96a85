package org.vavl.core.model;

import static org.vavl.core.model.AuxFormerConfig.OUTPUTS;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vavl.core.util.DjlRuntime;
import org.vavl.core.util.NativeAllocator;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.Progress;
import org.vavl.core.train.Losses;
import org.vavl.core.train.TrainingStep;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;

/**
 * Benchmark of the VAVL network in DJL at the reference's sizes (not a test; run by {@code bench/model.sh}).
 *
 * <p>Usage: {@code ModelBenchmark <train|infer|gemm> <batch> <warmup> <reps>} (gemm: one 4800x512x2048 matrix
 * product, batch ignored). Prints one JSON line:
 * {@code {"framework":"djl","mode":...,"batch":...,"times_ms":[wall...],"cpu_ms":[process CPU...],"peak_rss_mb":...}}.
 *
 * <p>train: the trainer's own {@link TrainingStep#vavl VAVL step} on one batch, i.e. the reference's three
 * optimisation steps (docs/auxformer.md, Training): (1) visual: pred_v and recon_v, loss = CE + 2 MSE(recon_v, time mean
 * of the visual features), Adam on visual branch, shared Conformer, head_v, recon_v; (2) the same for audio;
 * (3) fusion with branches in evaluation mode and without gradients, CE of pred_av, Adam on the fusion head. Adam
 * lr 5e-5, betas (0.95, 0.999), weight decay 5e-7, one optimiser per module. The batch's arrays are made from Java
 * arrays in a sub-manager per repetition, as the trainer does per batch. infer: evaluation forward of the whole
 * network (all five outputs).
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
        final String allocator = allocator();
        final List<double[]> times = DjlRuntime.call(() -> run(mode, batch, warmup, reps));
        final StringBuilder wall = new StringBuilder();
        final StringBuilder cpu = new StringBuilder();
        final StringBuilder faults = new StringBuilder();
        final StringBuilder rss = new StringBuilder();
        for (final double[] t : times) {
            wall.append(wall.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", t[0]));
            cpu.append(cpu.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", t[1]));
            faults.append(faults.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.0f", t[2]));
            rss.append(rss.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.0f", t.length > 3 ? t[3] : 0));
        }
        System.out.println(String.format(Locale.ROOT,
            "{\"framework\":\"djl\",\"mode\":\"%s\",\"batch\":%d,\"times_ms\":[%s],\"cpu_ms\":[%s],"
                + "\"minor_faults\":[%s],\"rss_after_mb\":[%s],\"peak_rss_mb\":%.1f,\"jvm_heap_committed_mb\":%.1f,\"engine\":\"%s\","
                + "\"threads\":\"%s\",\"allocator\":\"%s\"}",
            mode, batch, wall, cpu, faults, rss, peakRssMb(), Runtime.getRuntime().totalMemory() / 1048576.0,
            "PyTorch " + Engine.getEngine("PyTorch").getVersion(), System.getProperty("ai.djl.pytorch.num_threads"),
            allocator));
    }

    /**
     * The allocator settings of this run: {@code -Dvavl.bench.allocator=engine} (default: what the trainer and the
     * predictor set, {@link NativeAllocator#tuneForTensors()}), {@code default} (glibc's defaults), or
     * {@code param:value,...} (raw mallopt calls, for experiments).
     */
    static String allocator() {
        final String spec = System.getProperty("vavl.bench.allocator", "engine");
        if ("engine".equals(spec)) {
            NativeAllocator.tuneForTensors();
            return "engine: " + NativeAllocator.describe();
        }
        if ("default".equals(spec)) {
            System.setProperty("vavl.malloc.keep", "true"); // DjlRuntime.configure then leaves glibc as it is
            return "glibc defaults";
        }
        System.setProperty("vavl.malloc.keep", "true");
        final CLib c = com.sun.jna.Native.load("c", CLib.class);
        for (final String kv : spec.split(",")) {
            final String[] p = kv.split(":");
            if (c.mallopt(Integer.parseInt(p[0]), Integer.parseInt(p[1])) != 1) {
                throw new IllegalArgumentException("mallopt refused " + kv);
            }
        }
        return "mallopt " + spec;
    }

    interface CLib extends com.sun.jna.Library {
        int mallopt(int param, int value);
    }

    /** @return minor page faults of the whole process so far (field 10 of /proc/self/stat), or -1 */
    static long minorFaults() {
        try {
            final String stat = new String(Files.readAllBytes(Paths.get("/proc/self/stat")), "US-ASCII");
            final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[7]); // fields after "pid (comm) ": state=3 ... minflt=10
        } catch (final Exception e) {
            return -1;
        }
    }

    /** @return per timed repetition {wall ms, process CPU ms} */
    static List<double[]> run(final String mode, final int batch, final int warmup, final int reps)
        throws CancelledException {
        final List<double[]> times = new ArrayList<>();
        if ("gemm".equals(mode)) {
            return gemm(warmup, reps);
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            final AuxFormerConfig c = AuxFormerConfig.builder().set(OUTPUTS, CLASSES).build();
            final AuxFormerNet net = AuxFormerNet.create(c, m, 0);
            Engine.getEngine("PyTorch").setRandomSeed(1);
            final float[] audio = m.randomNormal(new Shape(batch, AUDIO_FRAMES, c.audioDim())).toFloatArray();
            final float[] visual = m.randomNormal(new Shape(batch, VISUAL_FRAMES, c.visualDim())).toFloatArray();
            final float[] oneHot = m.randomInteger(0, CLASSES, new Shape(batch), DataType.INT64).oneHot(CLASSES)
                .toFloatArray();
            final ParameterStore ps = new ParameterStore(m, false);
            // the trainer's own code: its VAVL step (three optimisation steps, an Adam per module), fed as the
            // trainer feeds it (each batch's arrays in a sub-manager closed after the batch)
            final TrainingStep steps = TrainingStep.vavl(net, ps, (pred, y) -> Losses.crossEntropy(pred, y, null),
                () -> Adam.builder().optLearningRateTracker(Tracker.fixed(5e-5f)).optBeta1(0.95f).optBeta2(0.999f)
                    .optWeightDecays(5e-7f).build(), 2f);
            for (int i = 0; i < warmup + reps; i++) {
                final long f0 = minorFaults();
                final long t0 = System.nanoTime();
                final long c0 = cpuNanos();
                try (NDManager sub = m.newSubManager()) {
                    final NDArray a = sub.create(audio, new Shape(batch, AUDIO_FRAMES, c.audioDim()));
                    final NDArray am = sub.ones(new Shape(batch, AUDIO_FRAMES));
                    final NDArray v = sub.create(visual, new Shape(batch, VISUAL_FRAMES, c.visualDim()));
                    final NDArray vm = sub.ones(new Shape(batch, VISUAL_FRAMES));
                    if ("train".equals(mode)) {
                        final NDArray y = sub.create(oneHot, new Shape(batch, CLASSES));
                        steps.run(new TrainingStep.Batch(a, am, v, vm, Nn.maskedTimeMean(a, am),
                            Nn.maskedTimeMean(v, vm), y), Progress.NONE);
                    } else {
                        final NDList out = net.forward(ps, new NDList(a, am, v, vm), false);
                        out.get(0).toFloatArray(); // wait for the result
                    }
                }
                final double ms = (System.nanoTime() - t0) / 1e6;
                final double cpuMs = (cpuNanos() - c0) / 1e6;
                final long faults = minorFaults() - f0;
                if (i >= warmup) {
                    times.add(new double[] {ms, cpuMs, faults, rssMb()});
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
                final long f0 = minorFaults();
                final long t0 = System.nanoTime();
                final long c0 = cpuNanos();
                a.matMul(b).close();
                if (i >= warmup) {
                    times.add(new double[] {(System.nanoTime() - t0) / 1e6, (cpuNanos() - c0) / 1e6,
                        minorFaults() - f0});
                }
            }
        }
        return times;
    }

    /** The C library's clock_gettime (the clock Python's time.process_time reads). */
    interface Clock extends com.sun.jna.Library {
        int clock_gettime(int clock, long[] timespec);
    }

    /** CLOCK_PROCESS_CPUTIME_ID (Linux). */
    private static final int PROCESS_CPU_CLOCK = 2;

    private static final Clock CLOCK = loadClock();

    private static Clock loadClock() {
        try {
            final Clock c = com.sun.jna.Native.load("c", Clock.class);
            return c.clock_gettime(PROCESS_CPU_CLOCK, new long[2]) == 0 ? c : null;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /**
     * @return CPU time of the whole process (all threads), ns: clock_gettime(CLOCK_PROCESS_CPUTIME_ID), as Python's
     *         {@code time.process_time()} on the PyTorch side, to the nanosecond. The JVM's own figure
     *         ({@code getProcessCpuTime}, the fallback) counts in 10 ms ticks on Linux, coarse beside a 0.2 s call.
     */
    static long cpuNanos() {
        if (CLOCK != null) {
            final long[] t = new long[2];
            if (CLOCK.clock_gettime(PROCESS_CPU_CLOCK, t) == 0) {
                return t[0] * 1_000_000_000L + t[1];
            }
        }
        return ((com.sun.management.OperatingSystemMXBean)java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double peakRssMb() {
        return status("VmHWM:");
    }

    /** @return the resident set now, MB */
    static double rssMb() {
        return status("VmRSS:");
    }

    private static double status(final String key) {
        try {
            for (final String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (final Exception e) {
            // not Linux
        }
        return -1;
    }
}
