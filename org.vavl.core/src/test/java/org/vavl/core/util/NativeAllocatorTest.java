package org.vavl.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.sun.jna.Platform;

/** The in-process malloc settings: once per process, from any number of threads at once, harmless elsewhere. */
class NativeAllocatorTest {

    @Test
    void appliedOnceWhateverTheThreadsAndDescribed() throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            final List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<Boolean>)NativeAllocator::tuneForTensors));
            }
            final boolean first = results.get(0).get();
            for (final Future<Boolean> r : results) {
                assertEquals(first, r.get(), "every caller sees the same outcome");
            }
            if (Platform.isLinux() && !Boolean.getBoolean("vavl.malloc.keep")) {
                assertTrue(first, NativeAllocator.describe());
                assertTrue(NativeAllocator.describe().contains("M_MMAP_THRESHOLD=32 MB"), NativeAllocator.describe());
            }
            NativeAllocator.releaseFreeMemory(); // safe at any time
        } finally {
            pool.shutdownNow();
        }
    }
}
