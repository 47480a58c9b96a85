package org.vavl.core.util;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One output folder of a node setting, one file per clip named by clip id ({@code <clip>.<ext>}, the
 * reference's layout; see {@link #fileNameOf} for ids with characters that file names cannot hold).
 *
 * <ul>
 * <li><b>Complete or absent.</b> Files are written to a temporary name in the same folder and renamed when
 * complete, so a cancelled, failed or killed run never leaves a partial {@code <clip>.<ext>}.</li>
 * <li><b>What made it.</b> The settings and the identity of the input file ({@link InputIdentity}: size,
 * time, content hash) are recorded beside each file ({@code <clip>.<ext>.settings}, a properties file); a
 * re-run keeps a file only when both are unchanged (per the {@link Overwrite} policy). The record is removed
 * before a new file is moved into place and written after it, so a file never carries another file's record.</li>
 * <li><b>Several runs, one folder</b> (KNIME's parallel chunk loops, two executors, two workflows): a clip is
 * made under a lock ({@code .<clip>.<ext>.lock}: writing process, its host and start time), and a run that
 * finds a clip locked by another live run waits for it and then normally reuses its file. Temporary files
 * carry their writing process in their name ({@code .<clip>.<ext>.part-<pid>@<host>~<random>.tmp}) and
 * {@link #deleteLeftoverParts()} removes only those whose process is gone (or that are older than
 * {@link #ABANDONED_AFTER}), never those of a run still writing.</li>
 * </ul>
 *
 * <p>Thread safe: different clips may be written concurrently, and the same clip by several threads or
 * processes (one after the other).
 */
public final class ClipOutputStore {

    /** Suffix of the record of settings beside each output file. */
    public static final String SETTINGS_SUFFIX = ".settings";

    /** Suffix of the lock of a clip being made. */
    public static final String LOCK_SUFFIX = ".lock";

    /** Temporary files and locks of another host (whose process cannot be checked) count as abandoned after this. */
    public static final Duration ABANDONED_AFTER = Duration.ofHours(24);

    private static final String PART_MARK = ".part-";

    private static final Pattern PART_OWNER = Pattern.compile(Pattern.quote(PART_MARK) + "(\\d+)@([A-Za-z0-9.-]*)~");

    /** Clips being made by threads of this process: absolute output path -> its holder. */
    private static final Map<Path, Holder> HELD = new ConcurrentHashMap<>();

    private static final long POLL_MILLIS = 200;

    private final Path m_folder;

    private final String m_extension;

    private final Map<String, String> m_settings;

    private final Overwrite m_overwrite;

    /**
     * Writes one clip's output to the given (temporary) file.
     *
     * @param <E> what the writer may throw besides {@link IOException} (e.g. cancellation); the store passes it on
     */
    @FunctionalInterface
    public interface FileWriter<E extends Exception> {
        void write(Path target) throws IOException, E;
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
        return m_folder.resolve(fileNameOf(clipId) + "." + m_extension);
    }

    // ---------------------------------------------------------------- the folder

    /**
     * Why a folder cannot be used as an output folder, without changing anything on disk (for a node's
     * configure): its nearest existing ancestor (the folder itself when it exists) is a file, or cannot be
     * written to.
     *
     * @return null when the folder exists and is writable, or can be created; else the reason
     */
    public static String folderProblem(final Path folder) {
        Path p = folder.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return null;
        }
        if (!Files.isDirectory(p)) {
            return p.equals(folder.toAbsolutePath().normalize()) ? "'" + p + "' is a file, not a folder"
                : "'" + p + "' is a file, so no folder can be made inside it";
        }
        if (!Files.isWritable(p)) {
            return "'" + p + "' cannot be written to (read-only, or no permission)";
        }
        return null;
    }

    /**
     * Creates the folder when missing and proves that a file can be written into it; call it once before the
     * first clip, so that an unusable folder fails the run once instead of every clip.
     *
     * @throws IOException naming the folder and the reason, saying what to do
     */
    public void prepareFolder() throws IOException {
        final String problem = folderProblem(m_folder);
        if (problem != null) {
            throw new IOException("The output folder '" + m_folder + "' cannot be used: " + problem
                + ". Choose a folder you can write to.");
        }
        try {
            Files.createDirectories(m_folder);
            final Path probe = Files.createTempFile(m_folder, ".vavl-write-test-" + ProcessHandle.current().pid() + "-",
                ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IOException("The output folder '" + m_folder + "' cannot be used: " + reason(e)
                + ". Choose a folder you can write to.", e);
        }
    }

    private static String reason(final Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return "'" + ((FileAlreadyExistsException)e).getFile() + "' is a file, not a folder";
        }
        final String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    // ---------------------------------------------------------------- up to date?

    /**
     * @return true when the clip's output exists and, per the overwrite policy, need not be made again: with
     *         "if changed", when it was made with the same settings (whatever its input; see
     *         {@link #isUpToDate(String, Map)})
     */
    public boolean isUpToDate(final String clipId) {
        return isUpToDate(clipId, Map.of());
    }

    /**
     * @param input the identity of the clip's input file now ({@link InputIdentity#of}), empty when it has none
     * @return true when the clip's output exists and, per the overwrite policy, need not be made again: with
     *         "if changed", when it was made with the same settings from the same input
     */
    public boolean isUpToDate(final String clipId, final Map<String, String> input) {
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
                return record(input).equals(readSettings(clipId));
        }
    }

    private Map<String, String> record(final Map<String, String> input) {
        final Map<String, String> r = new TreeMap<>(m_settings);
        r.putAll(input);
        return r;
    }

    /** @return the settings (and input identity) recorded beside the clip's output, empty when there is no record */
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

    // ---------------------------------------------------------------- writing

    /** {@link #write(String, Map, FileWriter)} for an output without an input file (settings only). */
    public <E extends Exception> Path write(final String clipId, final FileWriter<E> writer) throws IOException, CancelledException, E {
        return write(clipId, Map.of(), writer);
    }

    /**
     * Writes a clip's output through a temporary file that is renamed when the writer returns normally;
     * on any exception (cancellation included) the temporary file is deleted and the previous output, if
     * any, is left as it was. Holds the clip's lock meanwhile (see {@link #lock}; reentrant, so a caller may
     * hold it already).
     *
     * @param input the identity of the input it is made from ({@link InputIdentity#of}), recorded beside it
     * @return the final path of the clip's output
     * @throws E what the writer throws
     */
    public <E extends Exception> Path write(final String clipId, final Map<String, String> input,
        final FileWriter<E> writer) throws IOException, CancelledException, E {
        try (ClipLock lock = lock(clipId, null)) {
            Files.createDirectories(m_folder);
            final Path target = pathFor(clipId);
            final Path part = newPartFile(target);
            try {
                writer.write(part);
                AtomicFiles.readableByAll(part);
                Files.deleteIfExists(recordFor(clipId));
                AtomicFiles.moveIntoPlace(part, target);
                writeRecord(clipId, record(input));
                return target;
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    /**
     * A new, empty temporary file in the folder of {@code finalFile}, named after it and after this process
     * ({@code .<name>.part-<pid>@<host>~<random>.tmp}), for files that are renamed into place when complete.
     */
    public static Path newPartFile(final Path finalFile) throws IOException {
        return Files.createTempFile(finalFile.toAbsolutePath().getParent(), "." + finalFile.getFileName() + partMark(),
            ".tmp");
    }

    /** @return what follows a final name in the name of this process's temporary files: {@code .part-<pid>@<host>~} */
    public static String partMark() {
        return PART_MARK + ProcessHandle.current().pid() + "@" + Owner.HOST + "~";
    }

    /**
     * Deletes temporary files and locks that killed processes left in the folder: those of a process of this
     * host that is gone, and any older than {@link #ABANDONED_AFTER}. Those of live runs (this one's other
     * executions included) are left alone.
     */
    public void deleteLeftoverParts() throws IOException {
        if (!Files.isDirectory(m_folder)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(m_folder, ".*")) {
            for (Path p : ds) {
                final String name = p.getFileName().toString();
                try {
                    if (name.contains(PART_MARK) && partIsAbandoned(p, name)) {
                        Files.deleteIfExists(p);
                    } else if (name.endsWith(LOCK_SUFFIX) && !HELD.containsKey(lockTarget(p))) {
                        final Owner o = Owner.read(p);
                        if (o != null && !o.alive()) {
                            Files.deleteIfExists(p);
                        }
                    }
                } catch (IOException e) {
                    // gone already, or not ours to delete: leave it
                }
            }
        }
    }

    private static Path lockTarget(final Path lock) {
        final String n = lock.getFileName().toString();
        return lock.toAbsolutePath().normalize()
            .resolveSibling(n.substring(1, n.length() - LOCK_SUFFIX.length()));
    }

    private static boolean partIsAbandoned(final Path p, final String name) throws IOException {
        final Matcher m = PART_OWNER.matcher(name);
        if (m.find() && Owner.HOST.equals(m.group(2))) {
            final long pid = Long.parseLong(m.group(1));
            if (!ProcessHandle.of(pid).isPresent()) {
                return true;
            }
        }
        return olderThan(p, ABANDONED_AFTER);
    }

    private static boolean olderThan(final Path p, final Duration age) throws IOException {
        final FileTime t = Files.getLastModifiedTime(p);
        return t.toInstant().isBefore(Instant.now().minus(age));
    }

    // ---------------------------------------------------------------- locks

    /** A clip's lock, held by one thread; released by {@link #close()}. */
    public static final class ClipLock implements AutoCloseable {
        private final Path m_target;

        private final Holder m_holder;

        private final boolean m_waited;

        private boolean m_closed;

        private ClipLock(final Path target, final Holder holder, final boolean waited) {
            m_target = target;
            m_holder = holder;
            m_waited = waited;
        }

        /** @return true when another run (thread or process) was making the clip and this one waited for it */
        public boolean waitedForAnotherRun() {
            return m_waited;
        }

        @Override
        public void close() {
            if (m_closed) {
                return;
            }
            m_closed = true;
            if (--m_holder.depth == 0) {
                try {
                    Files.deleteIfExists(m_holder.lockFile);
                } catch (IOException e) {
                    // a stale lock of a process that is still alive: the next run of this process deletes it
                } finally {
                    HELD.remove(m_target, m_holder);
                }
            }
        }
    }

    /** The holder of a clip's lock in this process. */
    private static final class Holder {
        final Thread thread = Thread.currentThread();

        final Path lockFile;

        int depth = 1;

        Holder(final Path lockFile) {
            this.lockFile = lockFile;
        }
    }

    /**
     * Takes the clip's lock: waits while another thread of this process or another live process makes the
     * clip, then holds it until closed. Reentrant for the thread that holds it. Check
     * {@link #isUpToDate(String, Map)} after taking it: the other run has usually made the clip meanwhile.
     *
     * @param cancel polled while waiting; null for none
     * @throws CancelledException when cancelled while waiting
     * @throws IOException when the lock file cannot be written (the folder is unusable)
     */
    public ClipLock lock(final String clipId, final CancelToken cancel) throws IOException, CancelledException {
        final Path target = pathFor(clipId).toAbsolutePath().normalize();
        final Path lockFile = target.resolveSibling("." + target.getFileName() + LOCK_SUFFIX);
        final Holder mine = HELD.get(target);
        if (mine != null && mine.thread == Thread.currentThread()) {
            mine.depth++;
            return new ClipLock(target, mine, false);
        }
        boolean waited = false;
        final Holder holder = new Holder(lockFile);
        // first among the threads of this process ...
        while (HELD.putIfAbsent(target, holder) != null) {
            waited = true;
            pause(cancel);
        }
        // ... then among processes
        try {
            Files.createDirectories(m_folder);
            while (!Owner.create(lockFile)) {
                final Owner other = Owner.read(lockFile);
                if (other == null ? olderThanQuietly(lockFile, Duration.ofMinutes(1)) : !other.alive()
                    || other.isThisProcess()) {
                    // a killed run's lock (or one of this process that a failed delete left): not held
                    Files.deleteIfExists(lockFile);
                    continue;
                }
                waited = true;
                pause(cancel);
            }
        } catch (IOException | CancelledException | RuntimeException e) {
            HELD.remove(target, holder);
            throw e;
        }
        return new ClipLock(target, holder, waited);
    }

    private static boolean olderThanQuietly(final Path p, final Duration age) {
        try {
            return olderThan(p, age);
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(final CancelToken cancel) throws CancelledException {
        if (cancel != null) {
            cancel.check();
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        if (cancel != null) {
            cancel.check();
        }
    }

    /** The process that holds a lock: pid, host and start time (so that a reused pid is not taken for it). */
    private static final class Owner {
        static final String HOST = hostTag();

        private static final String START = ProcessHandle.current().info().startInstant().map(Instant::toString)
            .orElse("");

        final long pid;

        final String host;

        final String start;

        private Owner(final long pid, final String host, final String start) {
            this.pid = pid;
            this.host = host;
            this.start = start;
        }

        private static String hostTag() {
            String h;
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                h = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
            }
            h = h.replaceAll("[^A-Za-z0-9.-]", "-");
            return h.length() > 40 ? h.substring(0, 40) : h;
        }

        boolean isThisProcess() {
            return pid == ProcessHandle.current().pid() && HOST.equals(host) && START.equals(start);
        }

        /** @return false when the process is surely gone; a process of another host counts as alive until old */
        boolean alive() {
            if (!HOST.equals(host)) {
                return true;
            }
            final Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) {
                return false;
            }
            final String s = h.get().info().startInstant().map(Instant::toString).orElse("");
            return start.isEmpty() || s.isEmpty() || start.equals(s);
        }

        /** @return true when the lock file was created by this call */
        static boolean create(final Path lockFile) throws IOException {
            final String text = "pid=" + ProcessHandle.current().pid() + "\nhost=" + HOST + "\nstarted=" + START + "\n";
            final Path part = newPartFile(lockFile);
            try {
                Files.writeString(part, text, StandardCharsets.UTF_8);
                try {
                    // link() fails atomically when the lock exists, and the lock appears with its content
                    Files.createLink(lockFile, part);
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                } catch (UnsupportedOperationException | IOException e) {
                    // no hard links on this file system: create, then write
                    if (Files.exists(lockFile)) {
                        return false;
                    }
                    try {
                        Files.createFile(lockFile);
                    } catch (FileAlreadyExistsException e2) {
                        return false;
                    }
                    Files.writeString(lockFile, text, StandardCharsets.UTF_8);
                    return true;
                }
            } finally {
                Files.deleteIfExists(part);
            }
        }

        /** @return the owner written in a lock file, or null when it is gone or not (yet) readable */
        static Owner read(final Path lockFile) {
            try {
                final Properties p = new Properties();
                p.load(new StringReader(Files.readString(lockFile, StandardCharsets.UTF_8)));
                final String pid = p.getProperty("pid");
                if (pid == null || p.getProperty("host") == null) {
                    return null;
                }
                return new Owner(Long.parseLong(pid.trim()), p.getProperty("host").trim(),
                    p.getProperty("started", "").trim());
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- records

    private Path recordFor(final String clipId) {
        return m_folder.resolve(pathFor(clipId).getFileName() + SETTINGS_SUFFIX);
    }

    private void writeRecord(final String clipId, final Map<String, String> record) throws IOException {
        final Properties p = new Properties();
        record.forEach(p::setProperty);
        AtomicFiles.writeText(recordFor(clipId),
            w -> p.store(w, "settings and input that made " + pathFor(clipId).getFileName() + " (VAVL for KNIME)"));
    }

    // ---------------------------------------------------------------- names

    /**
     * The file name (without extension) of a clip's outputs. Clip ids of the usual kind (letters, digits,
     * {@code _ - .} and spaces, e.g. CREMA-D's {@code 1001_DFA_ANG_XX}) are used as they are, the reference's
     * layout. Characters that file names cannot hold on common systems ({@code \ / : * ? " < > |}, control
     * characters), the escape character {@code %} itself, a leading dot (hidden files, {@code .}, {@code ..})
     * and a trailing dot or space (dropped by Windows) are written as {@code %XX} (hexadecimal UTF-8); an
     * empty id is {@code %}. So two different ids never share a file: {@code a"b} is {@code a%22b}, {@code a_b}
     * stays {@code a_b}.
     */
    public static String fileNameOf(final String clipId) {
        if (clipId.isEmpty()) {
            return "%";
        }
        final StringBuilder sb = new StringBuilder(clipId.length() + 8);
        final int n = clipId.length();
        for (int i = 0; i < n; i++) {
            final char c = clipId.charAt(i);
            final boolean escape = c == '%' || c == '\\' || c == '/' || c == ':' || c == '*' || c == '?' || c == '"'
                || c == '<' || c == '>' || c == '|' || Character.isISOControl(c) || (i == 0 && c == '.')
                || (i == n - 1 && (c == '.' || c == ' '));
            if (escape) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
