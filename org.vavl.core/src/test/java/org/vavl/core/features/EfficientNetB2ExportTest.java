package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.testsupport.Oracles;

/**
 * The HSEmotion export path at full size: a random-weight torchvision EfficientNet-B2 with an HSEmotion-like
 * classifier, pickled whole, exported by tools/export/export_face_model.py (classifier removed) to
 * TorchScript in a temporary folder; the Face Encoder reproduces Python's 1408-d embeddings within 1e-4.
 * Runs only when /usr/bin/python3 has torch and torchvision (about 35 MB written, deleted afterwards).
 */
class EfficientNetB2ExportTest {

    @TempDir
    Path tmp;

    @Test
    void exportedEfficientNetB2ReproducesPython() throws Exception {
        Oracles.requirePython("torch", "torchvision", "numpy");
        final Path tool = Fixtures.repoDir().resolve("tools/export/make_fixtures.py");
        Fixtures.runPython(600, tool.toString(), "--effnet-b2", tmp.toString(), "--size", "224", "--images", "2");
        final FeatureSequence images = Npy.read(tmp.resolve("images.npy"));
        final FeatureSequence want = Npy.read(tmp.resolve("out.npy"));
        assertEquals(1408, want.dim());
        assertTrue(Fixtures.meanAbs(want.values()) > 0.05, "reference embeddings are of order 0.1-1");
        final List<Mat> bgr = new ArrayList<>();
        for (int i = 0; i < images.frames(); i++) {
            bgr.add(Fixtures.bgrImage(images, i, 224));
        }
        try (ModelFaceEncoder enc = ModelFaceEncoder.open(tmp.resolve("enet_b2_embed.pt"), 224)) {
            assertEquals(1408, enc.dim());
            final FeatureSequence got = enc.encodeImages(bgr);
            assertEquals(2, got.frames());
            final double d = Fixtures.maxAbsDiff(want.values(), got.values());
            System.out.println("EfficientNet-B2 export: max |DJL - Python| = " + d);
            assertTrue(d < 1e-4, "max |DJL - Python| on EfficientNet-B2 embeddings = " + d);
        }
    }
}
