package org.vavl.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import ai.djl.engine.Engine;

/** Small facts about the DJL engine in use, in one place. */
final class Djl {

    /** The engine AuxFormer runs on. */
    static final String ENGINE = "PyTorch";

    /**
     * DJL's PyTorch gradient collector allows one collecting thread per JVM ("A PtGradientCollector is
     * already collecting"); two learners running at the same time take turns step by step through this lock.
     */
    static final ReentrantLock GRADIENTS = new ReentrantLock();

    private Djl() {
    }

    /**
     * Switches autograd recording off on the current thread. PyTorch's grad mode is per thread and on by
     * default; DJL switches it off only on the thread that loaded the engine, so a forward pass on any other
     * thread would record a graph that is never used.
     */
    static void noGradOnThisThread() {
        if (ENGINE.equals(Engine.getInstance().getEngineName())) {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }

    /**
     * Runs a computation without recording gradients (inside a gradient collector), then restores the
     * thread's grad mode.
     */
    static <T> T withoutGradient(final java.util.function.Supplier<T> work) {
        if (!ENGINE.equals(Engine.getInstance().getEngineName())) {
            return work.get();
        }
        final boolean before = ai.djl.pytorch.jni.JniUtils.isGradMode();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            ai.djl.pytorch.jni.JniUtils.setGradMode(before);
        }
    }

    /** @return PyTorch's process-wide intra-op thread count; 0 when the engine is not PyTorch */
    static int intraOpThreadCount() {
        return ENGINE.equals(Engine.getInstance().getEngineName()) ? ai.djl.pytorch.jni.JniUtils.getNumThreads() : 0;
    }

    /** Sets PyTorch's process-wide intra-op thread count; 0 or less leaves it. */
    static void intraOpThreads(final int threads) {
        if (threads > 0 && ENGINE.equals(Engine.getInstance().getEngineName())
            && ai.djl.pytorch.jni.JniUtils.getNumThreads() != threads) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    /** @return library versions for the model's record */
    static Map<String, String> versions() {
        final Map<String, String> v = new LinkedHashMap<>();
        final String own = TrainedAuxFormer.class.getPackage() == null ? null
            : TrainedAuxFormer.class.getPackage().getImplementationVersion();
        v.put("vavl", own == null ? "development build" : own);
        v.put("djl", Engine.getDjlVersion());
        final Engine e = Engine.getEngine(ENGINE);
        v.put("engine", e.getEngineName() + " " + e.getVersion());
        return v;
    }
}
