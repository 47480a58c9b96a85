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
 * than the clip's output (10 min x 16000 x 2 bytes = 19.2 MB), and the heap that stays in use after the
 * garbage collections during it is the same as for a 3-second clip.
 */
class AudioMemoryTest {

    /** A heap below the 10-minute clip's output alone (19.2 MB). */
    static final String HEAP = "-Xmx16m";

    @TempDir
    Path tmp;

    @Test
    void tenMinuteClipNeedsNoMoreHeapThanAThreeSecondOne() throws Exception {
        long t0 = System.nanoTime();
        // MP3 at 11025 Hz in FLV, a tone in the first and the last 3 seconds and silence between them: the
        // cheapest 10 minutes to encode with the recorder (the decoder and the writer do the same work per second)
        final ClipRecorder.Format flv = ClipRecorder.Format.FLV_FLV1_MP3;
        final TestMedia.Signal tone = TestMedia.tone(440, 0.5, 11025);
        final Path shortClip = TestMedia.clip(tmp.resolve("short.flv"), flv, 96, 64, 1, 3, 11025, 1, tone);
        final long end = 597 * 11025L;
        final Path longClip = TestMedia.clip(tmp.resolve("long.flv"), flv, 96, 64, 1, 600, 11025, 1,
            (c, i) -> i < 3 * 11025 || i >= end ? tone.value(c, i) : 0);
        System.out.printf("media made in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        final Map<String, Double> s = probe(shortClip, tmp.resolve("s"));
        final Map<String, Double> l = probe(longClip, tmp.resolve("l"));
        System.out.printf("in %s JVMs: 3 s clip: peak heap %.2f MB, %.0f collections, live after them at most "
            + "%.2f MB; 10 min clip: %.2f s, peak heap %.2f MB, %.0f collections, live at most %.2f MB%n", HEAP,
            s.get("PEAK_HEAP_BYTES") / 1e6, s.get("COLLECTIONS"), s.get("LIVE_HEAP_BYTES") / 1e6, l.get("SECONDS"),
            l.get("PEAK_HEAP_BYTES") / 1e6, l.get("COLLECTIONS"), l.get("LIVE_HEAP_BYTES") / 1e6);
        // (MP3 in FLV adds the codec delay, 0.1 s at 11025 Hz)
        assertEquals(3 * 16000, s.get("RESULT"), 4000);
        assertEquals(600 * 16000, l.get("RESULT"), 4000);
        // the whole clip was decoded: the tone is there in the last seconds
        final float[] x = TestMedia.readWav(tmp.resolve("l").resolve("clip.wav"));
        assertEquals(440, AudioExtractorTest.peakHz(java.util.Arrays.copyOfRange(x, x.length - 32000, x.length),
            16000), 2.0);
        // what stays alive does not grow with the clip: the heap in use after the collections during the long clip
        // equals the heap in use before it (1 MB of slack). The peak including garbage is bounded by the young
        // generation once the collector runs, so it is reported, not compared.
        assertTrue(l.get("COLLECTIONS") >= 1, "the long clip ran through at least one collection: " + l);
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
