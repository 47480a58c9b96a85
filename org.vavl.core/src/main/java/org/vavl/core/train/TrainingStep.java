package org.vavl.core.train;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.vavl.core.model.AuxFormerNet;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.Progress;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;

/**
 * What one training batch does to the network, one implementation per architecture (as the network itself is one
 * {@code Network} per architecture): {@link #vavl VAVL}'s three optimisation steps with an Adam per module, or
 * {@link #auxFormer2022 AuxFormer (2022)}'s joint step with modality dropout. {@link AuxFormerTrainer} runs it per
 * batch; {@code bench/run model} times exactly this code.
 *
 * <p>Memory: each optimisation step's forward and backward pass runs in its own {@link NDScope}, so every array the
 * step creates on this thread (the graph's intermediates and the step's outputs) is closed when the step ends, and
 * libtorch frees whatever autograd no longer needs; a forward output left open would keep memory of the step
 * alive. The optimiser updates run outside any scope, because Adam creates its moment arrays on first use and
 * keeps them.
 */
public abstract class TrainingStep {

    /** The task's loss of a prediction against the batch's labels (differentiable, a scalar). */
    @FunctionalInterface
    public interface TaskLoss {
        /**
         * @param pred (B, outputs)
         * @param labels (B, outputs): one-hot classes or attribute values
         * @return a scalar
         */
        NDArray apply(NDArray pred, NDArray labels);
    }

    /** One batch's arrays: padded inputs, masks, the time means of the inputs (reconstruction targets), labels. */
    public static final class Batch {
        final NDArray m_audio;

        final NDArray m_audioMask;

        final NDArray m_visual;

        final NDArray m_visualMask;

        final NDArray m_audioMean;

        final NDArray m_visualMean;

        final NDArray m_labels;

        /**
         * @param audio (B, Ta, Da)
         * @param audioMask (B, Ta)
         * @param visual (B, Tv, Dv)
         * @param visualMask (B, Tv)
         * @param audioMean (B, Da): the reconstruction target of the audio head (VAVL only; may be null otherwise)
         * @param visualMean (B, Dv): the reconstruction target of the visual head (VAVL only)
         * @param labels (B, outputs)
         */
        public Batch(final NDArray audio, final NDArray audioMask, final NDArray visual, final NDArray visualMask,
            final NDArray audioMean, final NDArray visualMean, final NDArray labels) {
            m_audio = audio;
            m_audioMask = audioMask;
            m_visual = visual;
            m_visualMask = visualMask;
            m_audioMean = audioMean;
            m_visualMean = visualMean;
            m_labels = labels;
        }
    }

    final AuxFormerNet m_net;

    final ParameterStore m_ps;

    final TaskLoss m_task;

    TrainingStep(final AuxFormerNet net, final ParameterStore ps, final TaskLoss task) {
        m_net = net;
        m_ps = ps;
        m_task = task;
    }

    /**
     * VAVL: visual step, acoustic step, fusion step (see {@link AuxFormerTrainer}), one Adam per module.
     *
     * @param adam makes one optimiser (called once per module)
     * @param reconWeight w of {@code task + w * MSE(reconstruction, time mean of the input)}
     */
    public static TrainingStep vavl(final AuxFormerNet net, final ParameterStore ps, final TaskLoss task,
        final Supplier<Optimizer> adam, final float reconWeight) {
        return new Vavl(net, ps, task, adam, reconWeight);
    }

    /**
     * AuxFormer (2022): one step on the mean of the audiovisual, audio-only and visual-only task losses, with
     * modality dropout; one Adam over all parameters.
     *
     * @param modalityDropout p: the batch's audio is zeroed with probability p, else its visual input with p
     * @param seed the training's seed (the modality dropout draws from its own generator seeded from it)
     */
    public static TrainingStep auxFormer2022(final AuxFormerNet net, final ParameterStore ps, final TaskLoss task,
        final Supplier<Optimizer> adam, final float modalityDropout, final long seed) {
        return new Joint(net, ps, task, adam.get(), modalityDropout, seed);
    }

    /**
     * Trains on one batch.
     *
     * @param b the batch
     * @param progress checked for cancellation between optimisation steps
     * @return the losses {visual step, audio step, fusion step, joint step}; NaN for steps the architecture does
     *         not take
     * @throws CancelledException when cancelled between optimisation steps
     */
    public abstract double[] run(Batch b, Progress progress) throws CancelledException;

    /** @return the progress message after a batch */
    abstract String message(int epoch, int epochs, int batch, int batches, double[] losses);

    /**
     * One optimisation step: backward of the loss, then the updates; one learner at a time per JVM (DJL's
     * gradient collector allows one).
     */
    static double optimise(final Supplier<NDArray> loss, final Runnable updates) {
        Djl.GRADIENTS.lock();
        try {
            final float value = backward(loss);
            updates.run();
            return value;
        } finally {
            Djl.GRADIENTS.unlock();
        }
    }

    private static float backward(final Supplier<NDArray> loss) {
        try (NDScope scope = new NDScope();
                GradientCollector gc = Engine.getEngine(Djl.ENGINE).newGradientCollector()) {
            final NDArray l = loss.get();
            gc.backward(l);
            scope.suppressNotUsedWarning();
            final float v = l.getFloat();
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("The training loss became " + v
                    + ". Lower the learning rate, or check the feature files for extreme values.");
            }
            return v;
        }
    }

    static void update(final List<Parameter> params, final Optimizer opt) {
        for (Parameter p : params) {
            final NDArray w = p.getArray();
            // DJL's Adam (PyTorch engine) zeroes the gradient as it applies it
            try (NDArray g = w.getGradient()) {
                opt.update(p.getId(), w, g);
            }
        }
    }

    /** The trainable parameters of a list (running statistics are parameters that take no gradient). */
    static List<Parameter> trainable(final List<Parameter> params) {
        final List<Parameter> out = new java.util.ArrayList<>();
        for (Parameter p : params) {
            if (p.requiresGradient()) {
                out.add(p);
            }
        }
        return out;
    }

    /** VAVL's three optimisation steps. */
    private static final class Vavl extends TrainingStep {
        private final Map<AuxFormerNet.Module, Optimizer> m_adam = new EnumMap<>(AuxFormerNet.Module.class);

        private final Map<AuxFormerNet.Module, List<Parameter>> m_groups = new EnumMap<>(AuxFormerNet.Module.class);

        private final float m_reconWeight;

        Vavl(final AuxFormerNet net, final ParameterStore ps, final TaskLoss task, final Supplier<Optimizer> adam,
            final float reconWeight) {
            super(net, ps, task);
            m_reconWeight = reconWeight;
            for (AuxFormerNet.Module m : AuxFormerNet.Module.values()) {
                m_groups.put(m, trainable(net.parameters(m)));
                m_adam.put(m, adam.get());
            }
        }

        @Override
        public double[] run(final Batch b, final Progress progress) throws CancelledException {
            final double lv = optimise(() -> {
                final NDArray rep = m_net.representVisual(m_ps, b.m_visual, b.m_visualMask, true);
                return m_task.apply(m_net.headVisual(m_ps, rep, true), b.m_labels)
                    .add(Losses.times(Losses.mse(m_net.reconstructVisual(m_ps, rep, true), b.m_visualMean),
                        m_reconWeight));
            }, AuxFormerNet.Module.VISUAL_BRANCH, AuxFormerNet.Module.SHARED, AuxFormerNet.Module.HEAD_VISUAL,
                AuxFormerNet.Module.RECON_VISUAL);
            progress.checkCancelled();
            final double la = optimise(() -> {
                final NDArray rep = m_net.representAudio(m_ps, b.m_audio, b.m_audioMask, true);
                return m_task.apply(m_net.headAudio(m_ps, rep, true), b.m_labels)
                    .add(Losses.times(Losses.mse(m_net.reconstructAudio(m_ps, rep, true), b.m_audioMean),
                        m_reconWeight));
            }, AuxFormerNet.Module.AUDIO_BRANCH, AuxFormerNet.Module.SHARED, AuxFormerNet.Module.HEAD_AUDIO,
                AuxFormerNet.Module.RECON_AUDIO);
            progress.checkCancelled();
            // fusion: branches in evaluation mode, no gradient through them; only the fusion head learns
            final double lf = optimise(() -> {
                final NDArray repA = Djl.withoutGradient(
                    () -> m_net.representAudio(m_ps, b.m_audio, b.m_audioMask, false).stopGradient());
                final NDArray repV = Djl.withoutGradient(
                    () -> m_net.representVisual(m_ps, b.m_visual, b.m_visualMask, false).stopGradient());
                return m_task.apply(m_net.fuse(m_ps, repA, repV, true), b.m_labels);
            }, AuxFormerNet.Module.FUSION);
            return new double[] {lv, la, lf, Double.NaN};
        }

        private double optimise(final Supplier<NDArray> loss, final AuxFormerNet.Module... modules) {
            return TrainingStep.optimise(loss, () -> {
                for (AuxFormerNet.Module m : modules) {
                    update(m_groups.get(m), m_adam.get(m));
                }
            });
        }

        @Override
        String message(final int epoch, final int epochs, final int batch, final int batches, final double[] l) {
            return String.format(Locale.ROOT, "Epoch %d/%d, batch %d/%d: loss visual %.4f, audio %.4f, fusion %.4f",
                epoch, epochs, batch, batches, l[0], l[1], l[2]);
        }
    }

    /** AuxFormer (2022)'s joint step. */
    private static final class Joint extends TrainingStep {
        private final Optimizer m_adam;

        private final List<Parameter> m_all;

        private final float m_modalityDropout;

        private final Random m_modalityDrop;

        Joint(final AuxFormerNet net, final ParameterStore ps, final TaskLoss task, final Optimizer adam,
            final float modalityDropout, final long seed) {
            super(net, ps, task);
            m_adam = adam;
            m_all = net.trainableParameters();
            m_modalityDropout = modalityDropout;
            m_modalityDrop = new Random(seed * 31 + 17);
        }

        @Override
        public double[] run(final Batch b, final Progress progress) {
            NDArray audio = b.m_audio;
            NDArray visual = b.m_visual;
            if (m_modalityDrop.nextDouble() < m_modalityDropout) {
                audio = audio.zerosLike();
            } else if (m_modalityDrop.nextDouble() < m_modalityDropout) {
                visual = visual.zerosLike();
            }
            final NDList in = new NDList(audio, b.m_audioMask, visual, b.m_visualMask);
            final double loss = optimise(() -> {
                final NDList out = m_net.forward(m_ps, in, true);
                return Losses.times(m_task.apply(out.get(0), b.m_labels).add(m_task.apply(out.get(1), b.m_labels))
                    .add(m_task.apply(out.get(2), b.m_labels)), 1f / 3);
            }, () -> update(m_all, m_adam));
            return new double[] {Double.NaN, Double.NaN, Double.NaN, loss};
        }

        @Override
        String message(final int epoch, final int epochs, final int batch, final int batches, final double[] l) {
            return String.format(Locale.ROOT, "Epoch %d/%d, batch %d/%d: loss %.4f", epoch, epochs, batch, batches,
                l[3]);
        }
    }
}
