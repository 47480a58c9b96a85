package org.vavl.knime.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Peak resident memory of this process per node, on Linux: {@code VmHWM} of {@code /proc/self/status},
 * reset before each node by writing 5 to {@code /proc/self/clear_refs} (Linux 4.0+), so the figure after
 * a node is the peak while it ran. Elsewhere nothing is printed.
 */
final class PeakMemory {

    private static final Path STATUS = Paths.get("/proc/self/status");

    private static final Path CLEAR_REFS = Paths.get("/proc/self/clear_refs");

    private PeakMemory() {
    }

    /** Resets the high-water mark (no effect where the kernel does not support it). */
    static void reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: the figure is then the peak since the process started
        }
    }

    /** @return peak resident memory in MiB, or -1 when unknown */
    static long peakMiB() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    /** @return ", peak RSS N MiB" or "" when unknown */
    static String describe() {
        final long mib = peakMiB();
        return mib < 0 ? "" : String.format(Locale.ROOT, ", peak RSS %d MiB", mib);
    }
}
