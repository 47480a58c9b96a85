package org.vavl.core.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Haar cascades' files in the temporary folder are shared by all runs, not left one per run. */
class HaarCascadesTest {

    @TempDir
    Path tmp;

    @Test
    void oneFileNamedByItsContentIsReusedAndOldPerRunCopiesAreRemoved() throws Exception {
        final String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            final Path old = Files.writeString(tmp.resolve("vavl-haarcascade_test-123456789.xml"), "old");
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            final Path recent = Files.writeString(tmp.resolve("vavl-haarcascade_test-987654321.xml"), "in use");
            final byte[] bytes = "<cascade/>".getBytes(StandardCharsets.UTF_8);
            final Path a = HaarCascades.shared("haarcascade_test.xml", bytes);
            assertTrue(a.getFileName().toString().matches("vavl-haarcascade_test-[0-9a-f]{16}\\.xml"), a.toString());
            assertArrayEquals(bytes, Files.readAllBytes(a));
            assertEquals(a, HaarCascades.shared("haarcascade_test.xml", bytes), "a second run reuses the file");
            assertFalse(Files.exists(old), "an earlier version's copy left by a killed run is removed");
            assertTrue(Files.exists(recent), "a recent one may be in use by a running older version");
            // a damaged file of that name is replaced
            Files.writeString(a, "damaged");
            assertEquals(a, HaarCascades.shared("haarcascade_test.xml", bytes));
            assertArrayEquals(bytes, Files.readAllBytes(a));
            try (Stream<Path> s = Files.list(tmp)) {
                assertEquals(List.of(recent.getFileName().toString(), a.getFileName().toString()),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
            }
            // the real cascade loads from such a file
            final Path face = HaarCascades.file(HaarCascades.FRONTAL_FACE);
            assertTrue(face.getFileName().toString().matches("vavl-haarcascade_frontalface_default-[0-9a-f]{16}\\.xml"),
                face.toString());
            HaarCascades.load(HaarCascades.FRONTAL_FACE).close();
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }
}
