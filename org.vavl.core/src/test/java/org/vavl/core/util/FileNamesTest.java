package org.vavl.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.media.ClipRecorder;
import org.vavl.core.media.VideoProbe;

class FileNamesTest {

    @TempDir
    Path dir;

    @Test
    void namesAnAsciiEncodingCannotHoldAreNamed() {
        assertNull(FileNames.encodingProblem("/data/clip.mp4", StandardCharsets.US_ASCII));
        assertNull(FileNames.encodingProblem("/data/café.mp4", StandardCharsets.UTF_8));
        assertTrue(FileNames.encodingProblem("/data/café.mp4", StandardCharsets.US_ASCII)
            .startsWith("its name has characters that this Java's file-name encoding (US-ASCII) cannot represent"));
        // what an ASCII JVM lists for a UTF-8 name
        assertTrue(FileNames.encodingProblem("/data/caf\uFFFD\uFFFD.mp4", StandardCharsets.UTF_8) != null);
    }

    /** A second JVM started with LANG=C lists and probes a clip named with an accent: the message says why. */
    @Test
    void aJvmInTheCLocaleSaysWhyItCannotOpenAnAccentedName() throws Exception {
        ClipRecorder.writeTestClip(dir.resolve("café.mp4"), ClipRecorder.Format.MP4_H264_AAC, 64, 48, 10, 0.5, 16000,
            1);
        final ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), ProbeFolder.class.getName(), dir.toString())
            .redirectErrorStream(true);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        final Process p = pb.start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertTrue(out.contains("cannot be opened: its name has characters that this Java's file-name encoding ("),
            out);
        assertTrue(out.contains("LC_ALL=C.UTF-8"), out);
    }

    /** Lists a folder and probes every file in it, printing each clip's result or message. */
    public static final class ProbeFolder {
        private ProbeFolder() {
        }

        public static void main(final String[] args) throws Exception {
            try (Stream<Path> s = Files.list(Path.of(args[0]))) {
                for (Path f : (Iterable<Path>)s::iterator) {
                    try {
                        System.out.println(VideoProbe.probe(f));
                    } catch (ClipException e) {
                        System.out.println(e.getMessage());
                    }
                }
            }
            System.out.println("sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding") + " " + List.of());
        }
    }
}
