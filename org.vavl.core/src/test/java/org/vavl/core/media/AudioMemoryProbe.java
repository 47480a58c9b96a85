package org.vavl.core.media;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import org.vavl.core.util.CancelToken;
import org.vavl.core.util.Overwrite;

/**
 * Run in a JVM of its own by {@link AudioMemoryTest}: extracts one clip and prints the largest heap in use
 * after a garbage collection during the extraction ({@code LIVE_HEAP_BYTES <n>}, at least the heap in use
 * before it), the peak heap in use (garbage included), the number of collections, the time and the
 * samples written.
 */
public final class AudioMemoryProbe {

    private AudioMemoryProbe() {
    }

    public static void main(final String[] args) throws Exception {
        final Path media = Path.of(args[0]);
        final Path out = Path.of(args[1]);
        // load the natives and classes first, so that the figures reflect the extraction only
        new AudioExtractor().extract("warmup", media, out.resolve("warmup"), Overwrite.ALWAYS, new CancelToken());
        System.gc();
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final AtomicLong liveMax = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        final AtomicInteger collections = new AtomicInteger();
        final Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        // the heap in use after every collection during the extraction: what the extraction keeps alive
        final NotificationListener afterGc = (n, h) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                final GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData)n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> u : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(u.getKey())) {
                        used += u.getValue().getUsed();
                    }
                }
                collections.incrementAndGet();
                liveMax.accumulateAndGet(used, Math::max);
            }
        };
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter)gc).addNotificationListener(afterGc, null, null);
        }
        final long t0 = System.nanoTime();
        final ExtractedAudio a = new AudioExtractor().extract("clip", media, out, Overwrite.ALWAYS, new CancelToken());
        final long nanos = System.nanoTime() - t0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Thread.sleep(200); // notifications arrive asynchronously
        System.out.println("PEAK_HEAP_BYTES " + peak);
        System.out.println("LIVE_HEAP_BYTES " + liveMax.get());
        System.out.println("COLLECTIONS " + collections.get());
        System.out.println("SECONDS " + nanos / 1e9);
        System.out.println("RESULT " + a.samples());
    }
}
