package org.vavl.core.faceapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Reading face-api's weights manifests and dequantising their tensors. */
class FaceApiWeightsTest {

    private static InputStream text(final String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dequantisesAsTensorFlowJsDoes() throws IOException {
        // a uint8 tensor [2, 2] (scale 0.5, min -1), a float32 tensor [2], a uint16 tensor [1] and a float16 one [2]
        final String manifest = "[{\"paths\": [\"a.bin\", \"b.bin\"], \"weights\": ["
            + "{\"name\": \"q\", \"shape\": [2, 2], \"dtype\": \"float32\","
            + " \"quantization\": {\"dtype\": \"uint8\", \"scale\": 0.5, \"min\": -1.0}},"
            + "{\"name\": \"f\", \"shape\": [2], \"dtype\": \"float32\"},"
            + "{\"name\": \"w\", \"shape\": [1], \"dtype\": \"float32\","
            + " \"quantization\": {\"dtype\": \"uint16\", \"scale\": 0.001, \"min\": 2.0}},"
            + "{\"name\": \"h\", \"shape\": [2], \"dtype\": \"float32\", \"quantization\": {\"dtype\": \"float16\"}}]}]";
        final ByteBuffer b = ByteBuffer.allocate(4 + 8 + 2 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte)0).put((byte)1).put((byte)2).put((byte)255).putFloat(3.25f).putFloat(-0.125f);
        b.putShort((short)50000).putShort((short)0x3c00).putShort((short)0xc500);
        final byte[] all = b.array();
        // the shard boundary falls inside the float32 tensor: shards are concatenated
        final byte[] first = java.util.Arrays.copyOfRange(all, 0, 6);
        final byte[] second = java.util.Arrays.copyOfRange(all, 6, all.length);
        final FaceApiWeights w = FaceApiWeights.read("test", text(manifest),
            p -> new ByteArrayInputStream(p.equals("a.bin") ? first : second));
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 126.5f}, w.get("q", 2, 2).values());
        assertArrayEquals(new float[] {3.25f, -0.125f}, w.get("f", 2).values());
        assertArrayEquals(new float[] {(float)(50000 * 0.001 + 2.0)}, w.get("w", 1).values());
        assertArrayEquals(new float[] {1f, -5f}, w.get("h", 2).values());
        assertEquals(java.util.List.of("q", "f", "w", "h"), java.util.List.copyOf(w.tensors().keySet()));
        assertThrows(IllegalStateException.class, () -> w.get("q", 4));
        assertThrows(IllegalStateException.class, () -> w.get("missing", 1));
    }

    @Test
    void refusesShardsOfAnotherLength() {
        final String manifest = "[{\"paths\": [\"a.bin\"], \"weights\": ["
            + "{\"name\": \"f\", \"shape\": [2], \"dtype\": \"float32\"}]}]";
        final IOException shortShard = assertThrows(IOException.class,
            () -> FaceApiWeights.read("m.json", text(manifest), p -> new ByteArrayInputStream(new byte[7])));
        assertTrue(shortShard.getMessage().contains("'f'"), shortShard.getMessage());
        final IOException longShard = assertThrows(IOException.class,
            () -> FaceApiWeights.read("m.json", text(manifest), p -> new ByteArrayInputStream(new byte[9])));
        assertTrue(longShard.getMessage().contains("9"), longShard.getMessage());
    }

    @Test
    void readsTheShippedNetworks() throws IOException {
        final FaceApiWeights e = FaceApiWeights.builtIn(FaceApiWeights.EXPRESSION);
        // 4 dense blocks: conv0 plain (2 tensors) or separable (3), conv1..3 separable: 2 + 3 * 3 * 4 + 3 * 3 ... = 47,
        // plus fc weights and bias
        assertEquals(49, e.tensors().size());
        assertArrayEquals(new int[] {3, 3, 3, 32}, e.get("dense0/conv0/filters", 3, 3, 3, 32).shape());
        e.get("dense3/conv3/pointwise_filter", 1, 1, 256, 256);
        e.get("fc/weights", 256, 7);
        // the first value of the .bin file: byte b of dense0/conv0/filters, b * scale + min with the manifest's numbers
        final int firstByte;
        try (InputStream in = FaceApiWeights.class.getResourceAsStream("face_expression_model.bin")) {
            firstByte = in.read();
        }
        assertEquals((float)(firstByte * 0.0057930146946626555 + -0.7125408074435067),
            e.get("dense0/conv0/filters", 3, 3, 3, 32).values()[0]);
        assertEquals(49, FaceApiWeights.builtIn(FaceApiWeights.LANDMARKS_68).tensors().size());
        assertEquals(19, FaceApiWeights.builtIn(FaceApiWeights.TINY_FACE_DETECTOR).tensors().size());
        assertThrows(IOException.class, () -> FaceApiWeights.builtIn("no_such_model"));
    }

    @Test
    void halfPrecision() {
        assertEquals(0f, FaceApiWeights.halfToFloat((short)0));
        assertEquals(65504f, FaceApiWeights.halfToFloat((short)0x7bff));
        assertEquals(0x1p-24f, FaceApiWeights.halfToFloat((short)1));
        assertEquals(-2f, FaceApiWeights.halfToFloat((short)0xc000));
        assertEquals(Float.POSITIVE_INFINITY, FaceApiWeights.halfToFloat((short)0x7c00));
    }
}
