package org.vavl.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the clip's length: a 10-minute clip goes through a JVM whose heap is smaller
 * than the clip's output (10 min x 16000 x 2 bytes = 19.2 MB), with about the same peak heap as a
 * 3-second clip.
 */
class AudioMemoryTest {

    /** A heap below the 10-minute clip's output alone (19.2 MB). */
    static final String HEAP = "-Xmx16m";

    @TempDir
    Path tmp;

    @Test
    void tenMinuteClipNeedsNoMoreHeapThanAThreeSecondOne() throws Exception {
        long t0 = System.nanoTime();
        // 16-bit PCM audio in Matroska: cheap to write; decoding, resampling and writing are what is measured
        final Path shortClip = TestMedia.write(tmp.resolve("short.mkv"), TestMedia.Kind.MKV_PCM, 96, 64, 1, 3, 22050,
            2, TestMedia.tone(440, 0.5, 22050));
        final Path longClip = TestMedia.write(tmp.resolve("long.mkv"), TestMedia.Kind.MKV_PCM, 96, 64, 1, 600, 22050,
            2, TestMedia.tone(440, 0.5, 22050));
        System.out.printf("media made in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        final Map<String, Double> s = probe(shortClip, tmp.resolve("s"));
        final Map<String, Double> l = probe(longClip, tmp.resolve("l"));
        System.out.printf("in %s JVMs: 3 s clip: peak heap %.2f MB, %.0f collections, live after them at most "
            + "%.2f MB; 10 min clip: %.2f s, peak heap %.2f MB, %.0f collections, live at most %.2f MB%n", HEAP,
            s.get("PEAK_HEAP_BYTES") / 1e6, s.get("COLLECTIONS"), s.get("LIVE_HEAP_BYTES") / 1e6, l.get("SECONDS"),
            l.get("PEAK_HEAP_BYTES") / 1e6, l.get("COLLECTIONS"), l.get("LIVE_HEAP_BYTES") / 1e6);
        assertEquals(48000, s.get("RESULT"), 16);
        assertEquals(600 * 16000, l.get("RESULT"), 16);
        // peak (garbage included) and what stays alive do not grow with the clip; 4 MB / 1 MB of slack
        assertTrue(l.get("PEAK_HEAP_BYTES") < s.get("PEAK_HEAP_BYTES") + 4_000_000,
            "peak heap of the long clip " + l + " vs the short one " + s);
        assertTrue(l.get("LIVE_HEAP_BYTES") < s.get("LIVE_HEAP_BYTES") + 1_000_000,
            "live heap of the long clip " + l + " vs the short one " + s);
    }

    /** @return the probe's figures (LIVE_HEAP_BYTES, COLLECTIONS, SECONDS, RESULT), from a JVM of its own */
    private static Map<String, Double> probe(final Path media, final Path out) throws Exception {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(HEAP);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(AudioMemoryProbe.class.getName());
        cmd.add(media.toString());
        cmd.add(out.toString());
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        final Map<String, Double> figures = new TreeMap<>();
        for (String line : output.split("\\R")) {
            final String[] kv = line.trim().split(" ");
            if (kv.length == 2 && kv[0].matches("[A-Z_]+")) {
                figures.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        assertEquals(5, figures.size(), output);
        return figures;
    }
}
