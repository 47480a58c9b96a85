package org.vavl.core.util;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One output folder of a node setting, one file per clip named by clip id ({@code <clip>.<ext>}, the
 * reference's layout). Files are written to a temporary name in the same folder and renamed when
 * complete, so a cancelled or failed run never leaves a partial {@code <clip>.<ext>}. The settings that
 * made a file are recorded beside it ({@code <clip>.<ext>.settings}, a properties file) so that a re-run
 * can skip clips whose output is up to date.
 *
 * <p>Thread safe: different clips may be written concurrently.
 */
public final class ClipOutputStore {

    /** Suffix of the record of settings beside each output file. */
    public static final String SETTINGS_SUFFIX = ".settings";

    private static final String PART_MARK = ".part-";

    private final Path m_folder;

    private final String m_extension;

    private final Map<String, String> m_settings;

    private final Overwrite m_overwrite;

    /** Writes one clip's output to the given (temporary) file. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path target) throws Exception;
    }

    /**
     * @param folder output folder, created when missing
     * @param extension file extension without dot, e.g. {@code wav} or {@code npy}
     * @param settings everything that determines the output (names and values), recorded beside each file
     * @param overwrite when existing outputs are made again
     */
    public ClipOutputStore(final Path folder, final String extension, final Map<String, String> settings,
        final Overwrite overwrite) {
        m_folder = Objects.requireNonNull(folder, "folder");
        m_extension = Objects.requireNonNull(extension, "extension");
        m_settings = new TreeMap<>(settings);
        m_overwrite = Objects.requireNonNull(overwrite, "overwrite");
    }

    /** @return the output folder */
    public Path getFolder() {
        return m_folder;
    }

    /** @return where the output of a clip goes (whether or not it exists yet) */
    public Path pathFor(final String clipId) {
        return m_folder.resolve(safeFileName(clipId) + "." + m_extension);
    }

    /**
     * @return true when the clip's output exists and, per the overwrite policy, need not be made again
     */
    public boolean isUpToDate(final String clipId) {
        final Path out = pathFor(clipId);
        if (!Files.isRegularFile(out)) {
            return false;
        }
        switch (m_overwrite) {
            case NEVER:
                return true;
            case ALWAYS:
                return false;
            default:
                return m_settings.equals(readSettings(clipId));
        }
    }

    /** @return the settings recorded beside the clip's output, empty when there is no record */
    public Map<String, String> readSettings(final String clipId) {
        final Path record = recordFor(clipId);
        final Map<String, String> result = new TreeMap<>();
        if (!Files.isRegularFile(record)) {
            return result;
        }
        final Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return result;
        }
        p.stringPropertyNames().forEach(k -> result.put(k, p.getProperty(k)));
        return result;
    }

    /**
     * Writes a clip's output through a temporary file that is renamed when the writer returns normally;
     * on any exception (cancellation included) the temporary file is deleted and the previous output, if
     * any, is left as it was.
     *
     * @return the final path of the clip's output
     */
    public Path write(final String clipId, final FileWriter writer) throws Exception {
        Files.createDirectories(m_folder);
        final Path target = pathFor(clipId);
        final Path part = Files.createTempFile(m_folder, "." + target.getFileName() + PART_MARK, ".tmp");
        try {
            writer.write(part);
            readableByAll(part);
            moveIntoPlace(part, target);
            writeSettings(clipId);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Deletes temporary files that a killed process may have left in the folder. */
    public void deleteLeftoverParts() throws IOException {
        if (!Files.isDirectory(m_folder)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(m_folder, "*" + PART_MARK + "*")) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path recordFor(final String clipId) {
        return m_folder.resolve(pathFor(clipId).getFileName() + SETTINGS_SUFFIX);
    }

    private void writeSettings(final String clipId) throws IOException {
        final Properties p = new Properties();
        m_settings.forEach(p::setProperty);
        final Path record = recordFor(clipId);
        final Path tmp = Files.createTempFile(m_folder, "." + record.getFileName() + PART_MARK, ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "settings that made " + pathFor(clipId).getFileName() + " (VAVL for KNIME)");
            }
            readableByAll(tmp);
            moveIntoPlace(tmp, record);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Temporary files are created owner-only; outputs get the usual rw-r--r-- so that other users and
     * processes (e.g. a KNIME Server executor) can read them.
     */
    private static void readableByAll(final Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
    }

    private static void moveIntoPlace(final Path from, final Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Replaces characters that are not allowed in file names on common systems. */
    static String safeFileName(final String clipId) {
        final String s = clipId.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return s.isEmpty() ? "_" : s;
    }
}
