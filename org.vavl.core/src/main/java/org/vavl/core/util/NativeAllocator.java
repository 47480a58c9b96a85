package org.vavl.core.util;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * glibc's {@code malloc} settings for tensor-heavy work, set from inside the process (no environment variable, no
 * launcher flag: KNIME's JVM is already running when a node executes).
 *
 * <p>Why: libtorch allocates every tensor with {@code malloc}. A training step allocates and frees hundreds of
 * tensors of 1-50 MB. Under glibc's defaults the thread that trains (a JVM thread, hence a per-thread arena of
 * 64 MB heaps) gets most of them as fresh pages: blocks above the dynamic mmap threshold are mapped and unmapped
 * for each tensor, and arena heaps are trimmed or deleted as soon as their top is free. Every fresh 4 KB page
 * costs a minor page fault when the tensor is first written, and the training step spent much of its time there
 * (see {@code bench/results/model.md}, minor faults per step). The settings below keep freed memory in the
 * process for reuse:
 * <ul>
 * <li>{@code M_MMAP_THRESHOLD} = 32 MB (glibc's maximum on 64-bit): blocks below it come from the arenas, and
 * the threshold no longer moves with what was freed last;</li>
 * <li>{@code M_TRIM_THRESHOLD} and {@code M_TOP_PAD} = 256 MB: free memory at the top of an arena heap (or of
 * the main heap) is given back only beyond that, and per-thread arena heaps are not deleted as they empty.</li>
 * </ul>
 * They are process-wide and apply to every thread's allocations from then on; they change no result, only which
 * memory a block gets. The cost is memory that stays with the process after the work (up to about the peak of the
 * work itself, per arena that did such work), as the Python process of the same training keeps it.
 *
 * <p>Applied once per process, by the first caller ({@link #tuneForTensors()}); later calls, from any thread,
 * do nothing, so several nodes training at once are safe. Nothing is restored afterwards: the settings are
 * harmless for the rest of the process and restoring them while another node trains would be wrong. On other
 * C libraries (Windows, macOS, musl) nothing is changed.
 */
public final class NativeAllocator {

    /** glibc's {@code mallopt} parameter numbers ({@code malloc.h}). */
    static final int M_TRIM_THRESHOLD = -1, M_TOP_PAD = -2, M_MMAP_THRESHOLD = -3;

    /** glibc's largest accepted {@code M_MMAP_THRESHOLD} on 64-bit (HEAP_MAX_SIZE / 2). */
    static final int MMAP_THRESHOLD = 32 << 20;

    /** Free memory kept at the top of a heap before it is given back. */
    static final int KEEP = 256 << 20;

    private static final Object LOCK = new Object();

    private static Map<String, Integer> s_applied;

    private static String s_why;

    /** The C library's {@code mallopt} and {@code malloc_trim}. */
    interface CLibrary extends Library {
        int mallopt(int param, int value);

        int malloc_trim(long pad);
    }

    private static CLibrary s_c;

    private NativeAllocator() {
    }

    /**
     * Sets glibc's malloc for tensor work, once per process (see the class comment). Never throws.
     *
     * @return true when the settings are in effect (now or from an earlier call)
     */
    public static boolean tuneForTensors() {
        synchronized (LOCK) {
            if (s_applied != null || s_why != null) {
                return s_applied != null && !s_applied.isEmpty();
            }
            if (Boolean.getBoolean("vavl.malloc.keep")) {
                s_why = "left as it is (-Dvavl.malloc.keep=true)";
                return false;
            }
            if (!Platform.isLinux() || Platform.isAndroid()) {
                s_why = "not glibc (" + System.getProperty("os.name") + ")";
                return false;
            }
            try {
                final CLibrary c = Native.load("c", CLibrary.class);
                s_c = c;
                final Map<String, Integer> applied = new LinkedHashMap<>();
                set(c, applied, "M_MMAP_THRESHOLD", M_MMAP_THRESHOLD, MMAP_THRESHOLD);
                set(c, applied, "M_TRIM_THRESHOLD", M_TRIM_THRESHOLD, KEEP);
                set(c, applied, "M_TOP_PAD", M_TOP_PAD, KEEP);
                s_applied = applied;
                return !applied.isEmpty();
            } catch (final LinkageError | RuntimeException e) {
                // no mallopt (musl), or JNA's native part cannot load: the defaults stay, results are the same
                s_why = "mallopt unavailable: " + e;
                return false;
            }
        }
    }

    private static void set(final CLibrary c, final Map<String, Integer> applied, final String name,
        final int param, final int value) {
        if (c.mallopt(param, value) == 1) {
            applied.put(name, value);
        }
    }

    /**
     * Gives the free memory of every arena back to the system ({@code malloc_trim(0)}), after a large piece of
     * work such as a training: with the settings of {@link #tuneForTensors()} glibc would otherwise keep it for
     * reuse. Safe at any time and from any thread; work still running elsewhere only finds fresh pages again.
     * Does nothing where {@link #tuneForTensors()} changed nothing.
     */
    public static void releaseFreeMemory() {
        final CLibrary c;
        synchronized (LOCK) {
            c = s_applied == null || s_applied.isEmpty() ? null : s_c;
        }
        if (c != null) {
            try {
                c.malloc_trim(0);
            } catch (final LinkageError | RuntimeException e) {
                // nothing given back; nothing else changes
            }
        }
    }

    /** @return what {@link #tuneForTensors()} did, for logs and benchmark reports */
    public static String describe() {
        synchronized (LOCK) {
            if (s_applied == null && s_why == null) {
                return "not set yet";
            }
            if (s_applied == null) {
                return s_why;
            }
            final StringBuilder b = new StringBuilder();
            s_applied.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s=%d MB", k, v >> 20)));
            return b.length() == 0 ? "mallopt refused every setting" : b.toString();
        }
    }
}
