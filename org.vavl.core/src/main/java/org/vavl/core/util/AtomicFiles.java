package org.vavl.core.util;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way the engine (and the nodes, and the runner) write a file whole or not at all: under a temporary name in
 * the same folder ({@link ClipOutputStore#newPartFile}, so that {@link ClipOutputStore}'s clean-up knows it as this
 * process's), made readable by all, then renamed onto the final name, atomically where the file system can. On any
 * exception the temporary file is deleted and a previous file of that name is left as it was.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes the content of a file to the temporary path it is given. */
    @FunctionalInterface
    public interface PartWriter<E extends Exception> {
        void write(Path part) throws IOException, E;
    }

    /** Writes text (UTF-8). */
    @FunctionalInterface
    public interface TextWriter {
        void write(Writer w) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary file that {@code writer} fills.
     *
     * @return {@code target}
     * @throws E what the writer throws; nothing is renamed then
     */
    public static <E extends Exception> Path write(final Path target, final PartWriter<E> writer)
        throws IOException, E {
        final Path part = ClipOutputStore.newPartFile(target);
        try {
            writer.write(part);
            readableByAll(part);
            moveIntoPlace(part, target);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** {@link #write} of a text file in UTF-8. */
    public static Path writeText(final Path target, final TextWriter body) throws IOException {
        return write(target, part -> {
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        });
    }

    /** Renames a complete temporary file onto its final name (atomically where the file system can). */
    public static void moveIntoPlace(final Path from, final Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Temporary files are created owner-only; outputs get the usual rw-r--r-- so that other users and processes
     * (e.g. a KNIME Server executor) can read them.
     */
    static void readableByAll(final Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
    }
}
