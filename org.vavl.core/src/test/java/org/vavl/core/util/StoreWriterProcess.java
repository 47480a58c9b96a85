package org.vavl.core.util;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second process for {@link ClipOutputStoreTest}: writes one clip into a store, announcing on stdout when
 * its temporary file exists ({@code WRITING}), then waits for a line on stdin before it completes the file
 * ({@code DONE}). The test kills it or lets it finish.
 */
public final class StoreWriterProcess {

    private StoreWriterProcess() {
    }

    /** @param args output folder, clip id, file content */
    public static void main(final String[] args) throws Exception {
        final ClipOutputStore store = new ClipOutputStore(Path.of(args[0]), "npy", Map.of("k", "v"),
            Overwrite.IF_CHANGED);
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        store.write(args[1], part -> {
            Files.writeString(part, "half");
            System.out.println("WRITING");
            System.out.flush();
            in.readLine();
            Files.writeString(part, args[2]);
        });
        System.out.println("DONE");
        System.out.flush();
    }

    /** Starts the process with this JVM's class path. */
    static Process start(final Path folder, final String clipId, final String content) throws Exception {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            StoreWriterProcess.class.getName(), folder.toString(), clipId, content).redirectErrorStream(true).start();
    }

    /** Reads the process's output up to the given line; fails when it ends first. */
    static void await(final Process p, final String line) throws Exception {
        final BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        final StringBuilder seen = new StringBuilder();
        String l;
        while ((l = r.readLine()) != null) {
            if (l.equals(line)) {
                return;
            }
            seen.append(l).append('\n');
        }
        throw new AssertionError("the writer process ended before '" + line + "':\n" + seen);
    }
}
