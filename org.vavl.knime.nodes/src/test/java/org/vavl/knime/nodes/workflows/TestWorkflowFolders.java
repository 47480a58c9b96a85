package org.vavl.knime.nodes.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.vavl.knime.runner.WorkflowBuilder;

/**
 * The folders under {@code test-workflows/}: where they are, a copy without their data (so that a run never writes
 * into the source tree), and the check that a committed folder is what its writer produces.
 */
public final class TestWorkflowFolders {

    private TestWorkflowFolders() {
    }

    /** @return {@code <repo>/test-workflows/<name>} */
    public static Path committed(final String name) {
        return Path.of(System.getProperty("vavl.repo.dir", "..")).resolve("test-workflows").resolve(name);
    }

    /** Copies a workflow folder without its {@code vavl-data/} and returns the copy. */
    public static Path copy(final Path from, final Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>)s::iterator) {
                final Path rel = from.relativize(p);
                if (rel.toString().startsWith("vavl-data")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to.resolve(rel.toString()));
                } else {
                    Files.copy(p, to.resolve(rel.toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** @return the files of a workflow folder, relative and sorted, without vavl-data/ and hidden files */
    static List<Path> files(final Path root) throws IOException {
        final List<Path> r = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).map(root::relativize)
                .filter(p -> !p.startsWith("vavl-data") && !p.getFileName().toString().startsWith("."))
                .sorted().forEach(r::add);
        }
        return r;
    }

    /** Dates change on every write; everything else must match. */
    static String withoutDates(final String xml) {
        return xml.replaceAll("(-when\" type=\"xstring\" value=\")[^\"]*", "$1")
            .replaceAll("<last-modified>[^<]*", "");
    }

    /**
     * Asserts that the committed folder {@code test-workflows/<name>} holds exactly the files the builder writes,
     * with the same content (dates aside).
     *
     * @param writer the class whose {@code main} writes the folder, named in the failure message
     */
    public static void assertCommittedIsWritten(final String name, final WorkflowBuilder builder, final Path tmp,
        final Class<?> writer) throws IOException {
        final Path fresh = tmp.resolve("fresh-" + name);
        builder.write(fresh);
        final Path old = committed(name);
        final String hint = ": run " + writer.getSimpleName() + ".main \"<repo>/test-workflows/" + name
            + "\" and commit the result";
        assertTrue(Files.isDirectory(old), "missing " + old + hint);
        assertEquals(files(fresh), files(old), name + hint);
        for (Path f : files(fresh)) {
            assertEquals(withoutDates(Files.readString(fresh.resolve(f))), withoutDates(Files.readString(old.resolve(f))),
                old.resolve(f) + " differs" + hint);
        }
    }
}
