package org.vavl.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipOutputStoreTest {

    @TempDir
    Path dir;

    @Test
    void writesThroughATemporaryFileRecordsSettingsAndSkipsUpToDateClips() throws Exception {
        final ClipOutputStore store = new ClipOutputStore(dir, "wav", Map.of("rate", "16000"), Overwrite.IF_CHANGED);
        assertFalse(store.isUpToDate("c1"));
        final Path out = store.write("c1", p -> Files.writeString(p, "audio"));
        assertEquals(dir.resolve("c1.wav"), out);
        assertEquals("audio", Files.readString(out));
        assertEquals(Map.of("rate", "16000"), store.readSettings("c1"));
        assertTrue(store.isUpToDate("c1"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertFalse(new ClipOutputStore(dir, "wav", Map.of("rate", "8000"), Overwrite.IF_CHANGED).isUpToDate("c1"));
        assertTrue(new ClipOutputStore(dir, "wav", Map.of("rate", "8000"), Overwrite.NEVER).isUpToDate("c1"));
        assertFalse(new ClipOutputStore(dir, "wav", Map.of("rate", "16000"), Overwrite.ALWAYS).isUpToDate("c1"));
        assertEquals(List.of("c1.wav", "c1.wav.settings"), names(), "no lock or temporary file is left");
    }

    @Test
    void aFailingWriterLeavesNoPartialFileAndKeepsThePreviousOutput() throws Exception {
        final ClipOutputStore store = new ClipOutputStore(dir, "npy", Map.of(), Overwrite.ALWAYS);
        store.write("c2", p -> Files.writeString(p, "old"));
        assertThrows(IOException.class, () -> store.write("c2", p -> {
            Files.writeString(p, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(dir.resolve("c2.npy")));
        assertEquals(List.of("c2.npy", "c2.npy.settings"), names());
    }

    @Test
    void aReplacedInputMakesTheOutputOutOfDate() throws Exception {
        final Path input = dir.resolve("in.bin");
        Files.write(input, new byte[1000]);
        final ClipOutputStore store = new ClipOutputStore(dir.resolve("out"), "npy", Map.of("k", "v"),
            Overwrite.IF_CHANGED);
        final Map<String, String> id = InputIdentity.of(input);
        assertEquals("1000", id.get(InputIdentity.SIZE));
        assertTrue(id.get(InputIdentity.HASH).endsWith(" (whole file)"), id.toString());
        store.write("c", id, p -> Files.writeString(p, "x"));
        assertTrue(store.isUpToDate("c", InputIdentity.of(input)));
        assertEquals("1000", store.readSettings("c").get(InputIdentity.SIZE));
        assertEquals("v", store.readSettings("c").get("k"));

        // same size, same time, other content: out of date
        final FileTime t = Files.getLastModifiedTime(input);
        final byte[] other = new byte[1000];
        other[500] = 1;
        Files.write(input, other);
        Files.setLastModifiedTime(input, t);
        assertFalse(store.isUpToDate("c", InputIdentity.of(input)));
        // same content, another time: out of date as well (the issue's identity includes the time)
        Files.write(input, new byte[1000]);
        Files.setLastModifiedTime(input, FileTime.fromMillis(t.toMillis() + 5000));
        assertFalse(store.isUpToDate("c", InputIdentity.of(input)));
        Files.setLastModifiedTime(input, t);
        assertTrue(store.isUpToDate("c", InputIdentity.of(input)), "the original input again");
        // moved elsewhere (same time and content): still up to date, the path is not part of the identity
        final Path moved = Files.move(input, dir.resolve("moved.bin"));
        assertTrue(store.isUpToDate("c", InputIdentity.of(moved)));
    }

    @Test
    void largeInputsAreHashedByTheirFirstAndLastMiB() throws Exception {
        final Path big = dir.resolve("big.bin");
        final byte[] b = new byte[3 << 20];
        Files.write(big, b);
        final Map<String, String> before = InputIdentity.of(big);
        assertTrue(before.get(InputIdentity.HASH).endsWith(" (first and last MiB)"), before.toString());
        final FileTime t = Files.getLastModifiedTime(big);
        b[b.length - 10] = 7;
        Files.write(big, b);
        Files.setLastModifiedTime(big, t);
        assertNotEquals(before.get(InputIdentity.HASH), InputIdentity.of(big).get(InputIdentity.HASH));
        b[b.length - 10] = 0;
        b[(int)InputIdentity.EDGE + 10] = 7;
        Files.write(big, b);
        Files.setLastModifiedTime(big, t);
        assertEquals(before.get(InputIdentity.HASH), InputIdentity.of(big).get(InputIdentity.HASH),
            "the middle is not read");
    }

    @Test
    void clipIdsMapToFileNamesInjectively() {
        assertEquals("1001_DFA_ANG_XX", ClipOutputStore.fileNameOf("1001_DFA_ANG_XX"));
        assertEquals("a b-c.d", ClipOutputStore.fileNameOf("a b-c.d"));
        assertEquals("Émotion été", ClipOutputStore.fileNameOf("Émotion été"));
        assertEquals("a%22b", ClipOutputStore.fileNameOf("a\"b"));
        assertEquals("a_b", ClipOutputStore.fileNameOf("a_b"));
        assertEquals("a%2Fb", ClipOutputStore.fileNameOf("a/b"));
        assertEquals("a%25b", ClipOutputStore.fileNameOf("a%b"));
        assertEquals("%2E%2E", ClipOutputStore.fileNameOf(".."));
        assertEquals("%2Ehidden", ClipOutputStore.fileNameOf(".hidden"));
        assertEquals("x%20", ClipOutputStore.fileNameOf("x "));
        assertEquals("%", ClipOutputStore.fileNameOf(""));
        final List<String> ids = List.of("a\"b", "a_b", "a%22b", "a/b", "a:b", "a%2Fb", "", "%", ".", "%2E", "a\u0001",
            "a\t", "a.", "a%2E", "a", "A", "a b", "a%20b");
        final Map<String, String> seen = new HashMap<>();
        for (String id : ids) {
            final String name = ClipOutputStore.fileNameOf(id);
            final String before = seen.put(name, id);
            assertNull(before, "'" + id + "' and '" + before + "' both map to " + name);
            assertFalse(name.startsWith("."), name);
            assertFalse(name.matches(".*[\\\\/:*?\"<>|\\p{Cntrl}].*"), name);
        }
    }

    @Test
    void collidingIdsWriteDifferentFiles() throws Exception {
        final ClipOutputStore store = new ClipOutputStore(dir, "npy", Map.of(), Overwrite.IF_CHANGED);
        store.write("a\"b", p -> Files.writeString(p, "quote"));
        store.write("a_b", p -> Files.writeString(p, "underscore"));
        assertEquals("quote", Files.readString(store.pathFor("a\"b")));
        assertEquals("underscore", Files.readString(store.pathFor("a_b")));
    }

    @Test
    void anUnusableFolderIsNamedOnceBeforeAnyClip() throws Exception {
        final Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        final String under = ClipOutputStore.folderProblem(file.resolve("out"));
        assertEquals("'" + file + "' is a file, so no folder can be made inside it", under);
        assertEquals("'" + file + "' is a file, not a folder", ClipOutputStore.folderProblem(file));
        final IOException e = assertThrows(IOException.class,
            () -> new ClipOutputStore(file.resolve("out"), "wav", Map.of(), Overwrite.IF_CHANGED).prepareFolder());
        assertEquals("The output folder '" + file.resolve("out") + "' cannot be used: " + under
            + ". Choose a folder you can write to.", e.getMessage());
        assertNull(ClipOutputStore.folderProblem(dir.resolve("new/deeper")));
        final ClipOutputStore ok = new ClipOutputStore(dir.resolve("new/deeper"), "wav", Map.of(), Overwrite.NEVER);
        ok.prepareFolder();
        assertTrue(Files.isDirectory(dir.resolve("new/deeper")));
        try (Stream<Path> s = Files.list(dir.resolve("new/deeper"))) {
            assertEquals(0, s.count(), "the write test leaves nothing");
        }
        final Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (!Files.isWritable(ro)) { // root may write anyway
                assertEquals("'" + ro + "' cannot be written to (read-only, or no permission)",
                    ClipOutputStore.folderProblem(ro.resolve("x")));
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void twoThreadsMakingOneClipTakeTurnsAndTheSecondSeesTheFirstsFile() throws Exception {
        final ClipOutputStore a = new ClipOutputStore(dir, "npy", Map.of("k", "v"), Overwrite.IF_CHANGED);
        final ClipOutputStore b = new ClipOutputStore(dir, "npy", Map.of("k", "v"), Overwrite.IF_CHANGED);
        final AtomicReference<Boolean> waitedAndFound = new AtomicReference<>();
        try (ClipOutputStore.ClipLock first = a.lock("c", null)) {
            assertFalse(first.waitedForAnotherRun());
            final Thread other = new Thread(() -> {
                try (ClipOutputStore.ClipLock second = b.lock("c", null)) {
                    waitedAndFound.set(second.waitedForAnotherRun() && b.isUpToDate("c"));
                } catch (Exception e) {
                    waitedAndFound.set(false);
                }
            });
            other.start();
            awaitWaiting(other);
            // reentrant for the holder
            a.write("c", p -> Files.writeString(p, "made by a"));
            assertTrue(Files.exists(dir.resolve(".c.npy.lock")));
            first.close();
            other.join();
        }
        assertEquals(Boolean.TRUE, waitedAndFound.get());
        assertEquals(List.of("c.npy", "c.npy.settings"), names());
    }

    @Test
    void aLiveWritersTemporaryFileIsKeptAndAKilledOnesIsCleaned() throws Exception {
        final ClipOutputStore store = new ClipOutputStore(dir, "npy", Map.of("k", "v"), Overwrite.IF_CHANGED);
        final Process p = StoreWriterProcess.start(dir, "c", "complete");
        try {
            StoreWriterProcess.await(p, "WRITING");
            final List<String> during = names();
            assertEquals(2, during.size(), during.toString());
            assertEquals(".c.npy.lock", during.get(0));
            assertTrue(during.get(1).startsWith(".c.npy.part-" + p.pid() + "@"), during.toString());
            store.deleteLeftoverParts();
            assertEquals(during, names(), "another live run's files are left alone");
            assertEquals("pid=" + p.pid(), Files.readAllLines(dir.resolve(".c.npy.lock"), StandardCharsets.UTF_8)
                .get(0));
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        // killed midway: its temporary file and lock are cleaned, and its clip can be made
        store.deleteLeftoverParts();
        assertEquals(List.of(), names());
        final Process q = StoreWriterProcess.start(dir, "d", "complete");
        try {
            StoreWriterProcess.await(q, "WRITING");
        } finally {
            q.destroyForcibly();
            q.waitFor();
        }
        // a killed run's lock does not block a new run, even before any cleaning
        try (ClipOutputStore.ClipLock lock = store.lock("d", null)) {
            assertFalse(lock.waitedForAnotherRun());
            store.write("d", f -> Files.writeString(f, "again"));
        }
        assertEquals("again", Files.readString(dir.resolve("d.npy")));
        store.deleteLeftoverParts();
        assertEquals(List.of("d.npy", "d.npy.settings"), names());
    }

    @Test
    void aClipThatAnotherProcessIsWritingIsWaitedForAndReused() throws Exception {
        final ClipOutputStore store = new ClipOutputStore(dir, "npy", Map.of("k", "v"), Overwrite.IF_CHANGED);
        final Process p = StoreWriterProcess.start(dir, "c", "by the other process");
        final AtomicReference<String> result = new AtomicReference<>();
        try {
            StoreWriterProcess.await(p, "WRITING");
            final Thread mine = new Thread(() -> {
                try (ClipOutputStore.ClipLock lock = store.lock("c", null)) {
                    result.set(lock.waitedForAnotherRun() + " " + store.isUpToDate("c"));
                } catch (Exception e) {
                    result.set(e.toString());
                }
            });
            mine.start();
            awaitWaiting(mine);
            assertNull(result.get(), "waits while the other process writes");
            p.getOutputStream().write('\n');
            p.getOutputStream().flush();
            StoreWriterProcess.await(p, "DONE");
            mine.join();
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        assertEquals("true true", result.get());
        assertEquals("by the other process", Files.readString(dir.resolve("c.npy")));
        assertEquals(List.of("c.npy", "c.npy.settings"), names());
    }

    /** Waits (without a time limit: the build's own timeout applies) until a thread sleeps between polls. */
    private static void awaitWaiting(final Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.TIMED_WAITING) {
            if (!t.isAlive()) {
                throw new AssertionError("the thread ended instead of waiting");
            }
            Thread.sleep(10);
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
