package org.vavl.core.util;

import java.nio.file.Path;
import java.util.Locale;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Everything about running DJL inside KNIME (an OSGi container) and on small machines, in one place.
 *
 * <ul>
 * <li>DJL finds its engines with {@code ServiceLoader} on the thread's context class loader. In OSGi that
 * loader is not the one of the bundle that holds DJL, so every DJL call goes through
 * {@link #call(DjlCall)}, which sets the context class loader to DJL's own (the library bundle's) and
 * restores it afterwards.</li>
 * <li>Offline mode is always on: DJL never tries to download natives or models; the PyTorch natives come
 * from the native fragment ({@code pytorch-native-cpu}, or the CUDA build where installed).</li>
 * <li>Threads: one intra-op and one inter-op thread per worker unless set otherwise
 * ({@code -Dai.djl.pytorch.num_threads}); with DJL's defaults a training step on 2 cores was about 7x
 * slower.</li>
 * <li>Natives unpack to {@code DJL_CACHE_DIR} (default {@code ~/.djl.ai}); {@link #configure} can point it
 * at a folder of the user's choice.</li>
 * </ul>
 */
public final class DjlRuntime {

    private static volatile boolean s_configured;

    private DjlRuntime() {
    }

    /**
     * Sets DJL's process-wide options. Only the first call has an effect on thread counts (PyTorch reads
     * them once); later calls are ignored. Options already given as system properties win.
     *
     * @param threads intra-op threads of PyTorch (1 is best on small machines when clips run in parallel)
     * @param cacheDir where natives unpack, or null for DJL's default
     */
    public static synchronized void configure(final int threads, final Path cacheDir) {
        if (s_configured) {
            return;
        }
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, threads)));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (cacheDir != null) {
            setIfAbsent("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
            setIfAbsent("ENGINE_CACHE_DIR", cacheDir.toAbsolutePath().toString());
        }
        // one clear message instead of an UnsatisfiedLinkError: unsupported platform, missing fragment, read-only cache
        NativeLibraries.check();
        s_configured = true;
    }

    private static void setIfAbsent(final String key, final String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** @return the class loader of the bundle (or class path) that holds DJL and its engines */
    public static ClassLoader djlClassLoader() {
        return Engine.class.getClassLoader();
    }

    /**
     * Runs a DJL call with the context class loader set to DJL's own, so that engines are found inside
     * OSGi; restores the caller's loader afterwards.
     *
     * @throws E what the work throws
     */
    public static <T, E extends Exception> T call(final DjlCall<T, E> work) throws E {
        configure(1, null);
        final Thread thread = Thread.currentThread();
        final ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(djlClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@link #call(DjlCall)} for work without a result. */
    public static <E extends Exception> void run(final ThrowingRunnable<E> work) throws E {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** A {@link java.util.concurrent.Callable} whose checked exception is its type parameter. */
    @FunctionalInterface
    public interface DjlCall<T, E extends Exception> {
        T call() throws E;
    }

    /** A {@link Runnable} that may throw {@code E}. */
    @FunctionalInterface
    public interface ThrowingRunnable<E extends Exception> {
        void run() throws E;
    }

    /**
     * Chooses the device from a setting: {@code auto} (a GPU when the engine has one, else the CPU),
     * {@code cpu}, or {@code gpu} (fails with a clear message when no GPU is usable). The GPU path needs
     * the CUDA build of the PyTorch natives (opt-in build, see README); it is untested on the project's
     * build machines, which have no GPU.
     */
    public static Device device(final String setting, final String engineName) {
        final String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return call(() -> {
            final Engine engine = Engine.getEngine(engineName);
            final int gpus = engine.getGpuCount();
            switch (s) {
                case "cpu":
                    return Device.cpu();
                case "gpu":
                    if (gpus == 0) {
                        throw new IllegalStateException("Device setting 'gpu': the " + engineName
                            + " engine sees no GPU. Install the CUDA build of the extension's natives (see README, GPU)"
                            + " or set the device to 'auto' or 'cpu'.");
                    }
                    return Device.gpu();
                case "auto":
                    return gpus > 0 ? Device.gpu() : Device.cpu();
                default:
                    throw new IllegalArgumentException(
                        "Unknown device setting '" + setting + "': use 'auto', 'cpu' or 'gpu'.");
            }
        });
    }
}
