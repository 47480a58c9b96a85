package org.vavl.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
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
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".part-")));
        }
        assertEquals("a_b", ClipOutputStore.safeFileName("a/b"));
    }
}
