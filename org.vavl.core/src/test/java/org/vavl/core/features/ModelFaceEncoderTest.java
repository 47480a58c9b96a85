package org.vavl.core.features;

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
import org.vavl.core.features.ModelFaceEncoder.ChannelOrder;
import org.vavl.core.util.CancelToken;

/** A user's face model (TorchScript and ONNX) reproduces Python's outputs; bad models give clear errors. */
class ModelFaceEncoderTest {

    @TempDir
    Path tmp;

    private static ModelFaceEncoder open(final Path model, final int size, final ChannelOrder order, final int batch)
        throws IOException {
        return ModelFaceEncoder.open(model, size, order, ModelFaceEncoder.IMAGENET_MEAN, ModelFaceEncoder.IMAGENET_STD,
            batch, "cpu");
    }

    private static List<Mat> images(final String npy, final int size) throws Exception {
        final FeatureSequence imgs = Fixtures.npy(npy);
        final List<Mat> out = new ArrayList<>();
        for (int i = 0; i < imgs.frames(); i++) {
            out.add(Fixtures.bgrImage(imgs, i, size));
        }
        return out;
    }

    @Test
    void torchScriptAndOnnxReproducePythonRgbAndBgr() throws Exception {
        final List<Mat> imgs = images("tiny_cnn_images.npy", 32);
        for (String file : new String[]{"tiny_cnn.pt", "tiny_cnn.onnx"}) {
            for (ChannelOrder order : ChannelOrder.values()) {
                final FeatureSequence want =
                    Fixtures.npy(order == ChannelOrder.RGB ? "tiny_cnn_out_rgb.npy" : "tiny_cnn_out_bgr.npy");
                // batch 1 and batch 2 give the same rows
                for (int batch : new int[]{1, 2}) {
                    try (ModelFaceEncoder enc = open(Fixtures.path(file), 32, order, batch)) {
                        assertEquals(16, enc.dim());
                        final FeatureSequence got = enc.encodeImages(imgs);
                        assertEquals(2, got.frames());
                        assertEquals(16, got.dim());
                        final double d = Fixtures.maxAbsDiff(want.values(), got.values());
                        assertTrue(d < 1e-4, file + " " + order + " batch " + batch + ": max diff " + d);
                    }
                }
            }
        }
    }

    @Test
    void exportedEfficientNetStyleOnnxReproducesPython() throws Exception {
        try (ModelFaceEncoder enc = ModelFaceEncoder.open(Fixtures.path("tiny_effnet.onnx"), 64)) {
            final FeatureSequence want = Fixtures.npy("tiny_effnet_out.npy");
            assertTrue(Fixtures.meanAbs(want.values()) > 0.05, "reference embeddings are of order 0.1-1");
            assertEquals(want.dim(), enc.dim());
            final FeatureSequence got = enc.encodeImages(images("tiny_effnet_images.npy", 64));
            final double d = Fixtures.maxAbsDiff(want.values(), got.values());
            assertTrue(d < 1e-4, "max diff " + d);
        }
    }

    @Test
    void faceTrackThroughTheModel() throws Exception {
        final Random rnd = new Random(3);
        final List<Mat> frames = List.of(TestFaces.cartoon(true, rnd, 64), TestFaces.cartoon(false, rnd, 64),
            TestFaces.cartoon(true, rnd, 64));
        final Path track = tmp.resolve("c.mkv");
        TestFaces.writeTrack(track, frames);
        try (ModelFaceEncoder enc = open(Fixtures.path("tiny_cnn.onnx"), 32, ChannelOrder.RGB, 2)) {
            final FeatureSequence fromTrack = enc.encode(track, new CancelToken());
            final FeatureSequence fromImages = enc.encodeImages(frames); // resized 64 -> 32 the same way
            assertEquals(3, fromTrack.frames());
            assertEquals(16, fromTrack.dim());
            assertTrue(Fixtures.maxAbsDiff(fromTrack.values(), fromImages.values()) < 1e-5);
        }
    }

    @Test
    void wrongInputSizeNamesTheFileAndTheShape() throws Exception {
        // TorchScript: the linear layer needs 32x32 images
        final IOException e = assertThrows(IOException.class,
            () -> open(Fixtures.path("tiny_cnn.pt"), 48, ChannelOrder.RGB, 4));
        assertTrue(e.getMessage().contains("tiny_cnn.pt") && e.getMessage().contains("(1, 3, 48, 48)")
            && e.getMessage().contains("input size"), e.getMessage());
        // ONNX declares its input shape
        final IOException e2 = assertThrows(IOException.class,
            () -> open(Fixtures.path("tiny_cnn.onnx"), 48, ChannelOrder.RGB, 4));
        assertTrue(e2.getMessage().contains("tiny_cnn.onnx") && e2.getMessage().contains("(?, 3, 32, 32)")
            && e2.getMessage().contains("Set 'input size' to 32"), e2.getMessage());
    }

    @Test
    void wrongOutputRankNamesTheFileAndTheExpectedShape() {
        final IOException e = assertThrows(IOException.class,
            () -> open(Fixtures.path("wrong_rank_face.pt"), 32, ChannelOrder.RGB, 4));
        assertTrue(e.getMessage().contains("wrong_rank_face.pt") && e.getMessage().contains("returned shape (1, 4, 8, 8)")
            && e.getMessage().contains("(batch, dim) = (1, dim)"), e.getMessage());
    }

    @Test
    void missingEmptyAndCorruptModelFiles() throws Exception {
        final Path missing = tmp.resolve("enet_b2.pt");
        final IOException e1 = assertThrows(IOException.class, () -> ModelFaceEncoder.open(missing, 224));
        assertTrue(e1.getMessage().contains(missing.toString()) && e1.getMessage().contains("does not exist"),
            e1.getMessage());
        final Path empty = Files.createFile(tmp.resolve("empty.onnx"));
        final IOException e2 = assertThrows(IOException.class, () -> ModelFaceEncoder.open(empty, 224));
        assertTrue(e2.getMessage().contains("empty.onnx") && e2.getMessage().contains("empty"), e2.getMessage());
        final byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        for (String name : new String[]{"corrupt.pt", "corrupt.onnx"}) {
            final Path corrupt = Files.write(tmp.resolve(name), junk);
            final IOException e3 = assertThrows(IOException.class, () -> ModelFaceEncoder.open(corrupt, 224));
            assertTrue(e3.getMessage().contains(corrupt.toString()) && e3.getMessage().contains("cannot be loaded as "
                + (name.endsWith(".pt") ? "TorchScript" : "ONNX")), e3.getMessage());
        }
        // a truncated real model
        final byte[] real = Files.readAllBytes(Fixtures.path("tiny_cnn.pt"));
        final Path cut = Files.write(tmp.resolve("cut.pt"), java.util.Arrays.copyOf(real, real.length / 2));
        final IOException e4 = assertThrows(IOException.class, () -> ModelFaceEncoder.open(cut, 32));
        assertTrue(e4.getMessage().contains("cut.pt") && e4.getMessage().contains("cannot be loaded"), e4.getMessage());
        final Path other = Files.write(tmp.resolve("model.bin"), junk);
        final IOException e5 = assertThrows(IOException.class, () -> ModelFaceEncoder.open(other, 224));
        assertTrue(e5.getMessage().contains("model.bin") && e5.getMessage().contains("neither TorchScript"),
            e5.getMessage());
    }

    @Test
    void settingsRecordTheModelChecksum() throws Exception {
        try (ModelFaceEncoder enc = open(Fixtures.path("tiny_cnn.pt"), 32, ChannelOrder.BGR, 4)) {
            assertEquals(EncoderModel.sha256(Fixtures.path("tiny_cnn.pt")), enc.settings().get("model sha256"));
            assertEquals(64, enc.settings().get("model sha256").length());
            assertEquals("BGR", enc.settings().get("channel order"));
            assertEquals("32", enc.settings().get("input size"));
        }
    }
}
