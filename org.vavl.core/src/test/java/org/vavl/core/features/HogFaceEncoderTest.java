package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.CancelToken;

class HogFaceEncoderTest {

    @TempDir
    Path tmp;

    @Test
    void documentedShapeAndDeterministic() throws Exception {
        assertEquals(1764, HogFaceEncoder.DIM);
        final Random rnd = new Random(1);
        final List<Mat> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            frames.add(TestFaces.cartoon(i % 2 == 0, rnd, 224));
        }
        final Path track = tmp.resolve("clip1.mkv");
        TestFaces.writeTrack(track, frames);
        try (HogFaceEncoder enc = new HogFaceEncoder()) {
            final FeatureSequence a = enc.encode(track, new CancelToken());
            final FeatureSequence b = enc.encode(track, new CancelToken());
            assertEquals(5, a.frames());
            assertEquals(1764, a.dim());
            assertArrayEquals(a.values(), b.values(), 0f);
            for (float v : a.values()) {
                assertTrue(v >= 0 && v <= 1, "HOG values are L2-Hys normalised into [0, 1]: " + v);
            }
            // the track is lossless: encoding the images in memory gives the same features
            final FeatureSequence c = enc.encodeImages(frames);
            assertArrayEquals(a.values(), c.values(), 0f);
            // frames differ from each other
            assertTrue(distance(a.frame(0), a.frame(1)) > 0.1);
        }
    }

    @Test
    void separatesSmilingFromFrowningFaces() throws Exception {
        final Random rnd = new Random(42);
        final int perClass = 40;
        final List<float[]> smile = new ArrayList<>();
        final List<float[]> frown = new ArrayList<>();
        try (HogFaceEncoder enc = new HogFaceEncoder()) {
            for (int i = 0; i < perClass; i++) {
                smile.add(enc.encodeImages(List.of(TestFaces.cartoon(true, rnd, 224))).frame(0));
                frown.add(enc.encodeImages(List.of(TestFaces.cartoon(false, rnd, 224))).frame(0));
            }
        }
        // nearest centroid: train on the first half, test on the second
        final int train = perClass / 2;
        final float[] cs = centroid(smile.subList(0, train));
        final float[] cf = centroid(frown.subList(0, train));
        int correct = 0;
        int total = 0;
        for (int i = train; i < perClass; i++) {
            correct += distance(smile.get(i), cs) < distance(smile.get(i), cf) ? 1 : 0;
            correct += distance(frown.get(i), cf) < distance(frown.get(i), cs) ? 1 : 0;
            total += 2;
        }
        final double accuracy = (double)correct / total;
        assertTrue(accuracy > 0.9, "nearest-centroid accuracy smile vs frown on HOG features: " + accuracy);
    }

    @Test
    void emptyOrMissingTrackNamesTheFile() throws Exception {
        final Path missing = tmp.resolve("nope.mkv");
        try (HogFaceEncoder enc = new HogFaceEncoder()) {
            final IOException e = assertThrows(IOException.class, () -> enc.encode(missing, new CancelToken()));
            assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());
            final Path empty = Files.createFile(tmp.resolve("empty.mkv"));
            final IOException e2 = assertThrows(IOException.class, () -> enc.encode(empty, new CancelToken()));
            assertTrue(e2.getMessage().contains("empty (0 bytes)"), e2.getMessage());
            final Path junk = tmp.resolve("junk.mkv");
            Files.write(junk, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
            final IOException e3 = assertThrows(IOException.class, () -> enc.encode(junk, new CancelToken()));
            assertTrue(e3.getMessage().contains("junk.mkv") && e3.getMessage().contains("not a readable video"),
                e3.getMessage());
        }
    }

    static float[] centroid(final List<float[]> rows) {
        final float[] c = new float[rows.get(0).length];
        for (float[] r : rows) {
            for (int k = 0; k < c.length; k++) {
                c[k] += r[k] / rows.size();
            }
        }
        return c;
    }

    static double distance(final float[] a, final float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (double)(a[k] - b[k]);
        }
        return Math.sqrt(s);
    }
}
