package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.DjlRuntime;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

class NpyTest {

    @TempDir
    Path dir;

    @Test
    void roundTripAndDjlReadsOurFiles() throws Exception {
        final float[] v = new float[3 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5f - 3;
        }
        final Path f = dir.resolve("clip.npy");
        Npy.write(f, new FeatureSequence(v, 3, 5));
        final FeatureSequence back = Npy.read(f);
        assertEquals(3, back.frames());
        assertEquals(5, back.dim());
        assertArrayEquals(v, back.values());
        // header padded to a multiple of 64 bytes, as numpy requires
        assertEquals(0, (Files.size(f) - v.length * 4) % 64);
        // an independent reader (DJL's) agrees
        DjlRuntime.run(() -> {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                final NDList list = NDList.decode(m, Files.readAllBytes(f));
                assertArrayEquals(new long[] {3, 5}, list.singletonOrThrow().getShape().getShape());
                assertArrayEquals(v, list.singletonOrThrow().toFloatArray());
            }
        });
    }

    @Test
    void badFilesNameTheFile() throws Exception {
        final Path text = dir.resolve("x.npy");
        Files.writeString(text, "not numpy at all");
        final IOException e = assertThrows(IOException.class, () -> Npy.read(text));
        assertTrue(e.getMessage().contains("x.npy"), e.getMessage());
        final Path empty = dir.resolve("empty.npy");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(IOException.class, () -> Npy.read(empty)).getMessage().contains("empty.npy"));
    }
}
