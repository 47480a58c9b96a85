package org.vavl.core.faceapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The weights of one of face-api's networks, read from its TensorFlow.js weights manifest
 * ({@code <model>-weights_manifest.json}) and the binary shard files it names ({@code <model>.bin}).
 *
 * <p>The manifest is a JSON array of groups; each group has {@code paths} (the shard files, concatenated in that
 * order) and {@code weights}: one entry per tensor, in the order its bytes follow each other, with {@code name},
 * {@code shape}, {@code dtype} ({@code float32} here) and optionally {@code quantization} ({@code dtype}
 * {@code uint8} or {@code uint16} with {@code scale} and {@code min}, or {@code float16}). A quantised tensor
 * takes one (uint8) or two (uint16, little-endian) bytes per value, dequantised as TensorFlow.js does it:
 * {@code value = q * scale + min}, computed in double precision and rounded to float32; float16 values are
 * widened to float32; an unquantised float32 tensor takes four little-endian bytes per value.
 *
 * <p>The engine ships three networks' weights unchanged from the npm package {@code @vladmandic/face-api} 1.7.15
 * (MIT licence, see {@code LICENSE-face-api.txt} and {@code PROVENANCE.txt} beside them):
 * {@link #EXPRESSION}, {@link #LANDMARKS_68} and {@link #TINY_FACE_DETECTOR}.
 */
public final class FaceApiWeights {

    /** The facial expression classifier (FaceExpressionNet). */
    public static final String EXPRESSION = "face_expression_model";

    /** The 68-point landmark network (FaceLandmark68Net). */
    public static final String LANDMARKS_68 = "face_landmark_68_model";

    /** The tiny face detector (TinyFaceDetector). */
    public static final String TINY_FACE_DETECTOR = "tiny_face_detector_model";

    /** One tensor: its name, shape (TensorFlow's layout, e.g. {@code [kh, kw, in, out]}) and float32 values. */
    public static final class Tensor {
        private final String m_name;

        private final int[] m_shape;

        private final float[] m_values;

        Tensor(final String name, final int[] shape, final float[] values) {
            m_name = name;
            m_shape = shape;
            m_values = values;
        }

        /** @return the name in the manifest, e.g. {@code dense0/conv1/depthwise_filter} */
        public String name() {
            return m_name;
        }

        /** @return the shape in TensorFlow's layout; a copy */
        public int[] shape() {
            return m_shape.clone();
        }

        /** @return the values, row-major in TensorFlow's layout; not copied */
        public float[] values() {
            return m_values;
        }
    }

    /** Opens a shard file named in a manifest's {@code paths}. */
    @FunctionalInterface
    public interface ShardSource {
        /**
         * @param path the path as the manifest writes it
         * @return its bytes as a stream
         */
        InputStream open(String path) throws IOException;
    }

    private final String m_source;

    private final Map<String, Tensor> m_tensors;

    private FaceApiWeights(final String source, final Map<String, Tensor> tensors) {
        m_source = source;
        m_tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * Loads one of the networks shipped with the engine.
     *
     * @param model {@link #EXPRESSION}, {@link #LANDMARKS_68} or {@link #TINY_FACE_DETECTOR}
     * @return its weights
     * @throws IOException when the resources are missing or do not match their manifest
     */
    public static FaceApiWeights builtIn(final String model) throws IOException {
        final String manifest = model + "-weights_manifest.json";
        try (InputStream in = FaceApiWeights.class.getResourceAsStream(manifest)) {
            if (in == null) {
                throw new IOException("The engine has no face-api weights '" + manifest + "' (org/vavl/core/faceapi/"
                    + manifest + " is missing from org.vavl.core; tools/faceapi/fetch-weights restores it).");
            }
            return read("org/vavl/core/faceapi/" + manifest, in, p -> {
                final InputStream s = FaceApiWeights.class.getResourceAsStream(p);
                if (s == null) {
                    throw new IOException("The face-api weights file org/vavl/core/faceapi/" + p + " named in "
                        + manifest + " is missing from org.vavl.core.");
                }
                return s;
            });
        }
    }

    /**
     * Loads a manifest file; its shards are read from the manifest's folder.
     *
     * @param manifest a {@code *-weights_manifest.json}
     * @return the weights
     */
    public static FaceApiWeights read(final Path manifest) throws IOException {
        final Path dir = manifest.toAbsolutePath().getParent();
        try (InputStream in = Files.newInputStream(manifest)) {
            return read(manifest.toString(), in, p -> Files.newInputStream(dir.resolve(p)));
        }
    }

    /**
     * Reads a manifest and its shards.
     *
     * @param source names the manifest in messages
     * @param manifest the manifest's JSON
     * @param shards opens the shard files it names
     * @return the weights, in the manifest's order
     */
    public static FaceApiWeights read(final String source, final InputStream manifest, final ShardSource shards)
        throws IOException {
        final JsonElement root;
        try (Reader r = new InputStreamReader(manifest, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r);
        } catch (RuntimeException e) {
            throw new IOException("Weights manifest '" + source + "' is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new IOException("Weights manifest '" + source + "' must be a JSON array of weight groups.");
        }
        final Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (JsonElement g : root.getAsJsonArray()) {
            final JsonObject group = g.getAsJsonObject();
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (JsonElement p : group.getAsJsonArray("paths")) {
                try (InputStream in = shards.open(p.getAsString())) {
                    in.transferTo(bytes);
                }
            }
            final ByteBuffer data = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonElement w : group.getAsJsonArray("weights")) {
                final Tensor t = decode(source, w.getAsJsonObject(), data);
                if (tensors.put(t.name(), t) != null) {
                    throw new IOException("Weights manifest '" + source + "' names tensor '" + t.name() + "' twice.");
                }
            }
            if (data.hasRemaining()) {
                throw new IOException("Weights manifest '" + source + "' describes " + data.position() + " bytes, but"
                    + " its shards " + group.getAsJsonArray("paths") + " have " + data.limit() + ".");
            }
        }
        return new FaceApiWeights(source, tensors);
    }

    private static Tensor decode(final String source, final JsonObject w, final ByteBuffer data) throws IOException {
        final String name = w.get("name").getAsString();
        final JsonArray dims = w.getAsJsonArray("shape");
        final int[] shape = new int[dims.size()];
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).getAsInt();
            n *= shape[i];
        }
        final String dtype = w.get("dtype").getAsString();
        if (!"float32".equals(dtype)) {
            throw new IOException("Tensor '" + name + "' in '" + source + "' has dtype " + dtype
                + "; face-api's networks use float32 only.");
        }
        final String quant = w.has("quantization") ? w.getAsJsonObject("quantization").get("dtype").getAsString()
            : null;
        final int bytesPerValue = quant == null ? 4 : "uint8".equals(quant) ? 1 : 2;
        if (quant != null && !quant.equals("uint8") && !quant.equals("uint16") && !quant.equals("float16")) {
            throw new IOException("Tensor '" + name + "' in '" + source + "' is quantised as " + quant
                + "; only uint8, uint16 and float16 are defined by TensorFlow.js.");
        }
        if (n * bytesPerValue > data.remaining()) {
            throw new IOException("Tensor '" + name + "' " + Arrays.toString(shape) + " in '" + source + "' needs "
                + n * bytesPerValue + " bytes, but its shard has only " + data.remaining() + " left.");
        }
        final float[] v = new float[(int)n];
        if (quant == null) {
            for (int i = 0; i < v.length; i++) {
                v[i] = data.getFloat();
            }
        } else if (quant.equals("float16")) {
            for (int i = 0; i < v.length; i++) {
                v[i] = halfToFloat(data.getShort());
            }
        } else {
            final JsonObject q = w.getAsJsonObject("quantization");
            final double scale = q.get("scale").getAsDouble();
            final double min = q.get("min").getAsDouble();
            for (int i = 0; i < v.length; i++) {
                final int code = bytesPerValue == 1 ? data.get() & 0xff : data.getShort() & 0xffff;
                v[i] = (float)(code * scale + min);
            }
        }
        return new Tensor(name, shape, v);
    }

    /** IEEE 754 half precision to float. */
    static float halfToFloat(final short h) {
        final int bits = h & 0xffff;
        final int sign = (bits & 0x8000) << 16;
        final int exp = (bits >>> 10) & 0x1f;
        final int mant = bits & 0x3ff;
        if (exp == 0) {
            final float f = mant * 0x1p-24f; // subnormal (or zero)
            return sign == 0 ? f : -f;
        }
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /** @return names the manifest the weights came from */
    public String source() {
        return m_source;
    }

    /** @return every tensor by name, in the manifest's order */
    public Map<String, Tensor> tensors() {
        return m_tensors;
    }

    /**
     * @param name a tensor name
     * @param shape the shape it must have
     * @return the tensor
     * @throws IllegalStateException naming the manifest when it is missing or has another shape
     */
    public Tensor get(final String name, final int... shape) {
        final Tensor t = m_tensors.get(Objects.requireNonNull(name));
        if (t == null) {
            throw new IllegalStateException("Weights '" + m_source + "' have no tensor '" + name + "'.");
        }
        if (!Arrays.equals(t.m_shape, shape)) {
            throw new IllegalStateException("Tensor '" + name + "' in '" + m_source + "' has shape "
                + Arrays.toString(t.m_shape) + ", expected " + Arrays.toString(shape) + ".");
        }
        return t;
    }
}
