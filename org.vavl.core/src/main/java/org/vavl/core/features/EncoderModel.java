package org.vavl.core.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;

import org.vavl.core.util.DjlRuntime;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * A user's encoder model file, TorchScript ({@code .pt}, DJL's PyTorch engine) or ONNX ({@code .onnx}, DJL's
 * ONNX Runtime engine), loaded once and run from any number of worker threads (one DJL {@link Predictor}
 * per concurrent caller, kept for reuse).
 *
 * <p>The model takes one float tensor and returns one float tensor (the first output when it returns
 * several). Its file's SHA-256 is computed at load time: the encoders record it beside every output so that
 * re-runs with another model make the features again.
 *
 * <p>Every DJL call runs inside {@link DjlRuntime#call}. Errors name the file: a missing, empty or corrupt
 * file fails in {@link #load}; an engine failure during {@link #run} is reported by the callers with the
 * shape they passed.
 */
public final class EncoderModel implements AutoCloseable {

    /** The model file formats an encoder accepts, with the DJL engine that runs each. */
    public enum Format {
        /** TorchScript ({@code torch.jit.trace/script(...).save}), DJL PyTorch engine. */
        TORCHSCRIPT("PyTorch"),
        /** ONNX, DJL ONNX Runtime engine. */
        ONNX("OnnxRuntime");

        private final String m_engine;

        Format(final String engine) {
            m_engine = engine;
        }

        /** @return DJL's engine name */
        public String engine() {
            return m_engine;
        }
    }

    /** A dense float tensor: values in row-major order and the shape. */
    public static final class Tensor {
        private final float[] m_values;

        private final long[] m_shape;

        public Tensor(final float[] values, final long... shape) {
            m_values = Objects.requireNonNull(values, "values");
            m_shape = shape.clone();
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException(
                    "A tensor of shape " + shapeText(shape) + " needs " + n + " values, got " + values.length + ".");
            }
        }

        /** @return the values, row-major; not copied */
        public float[] values() {
            return m_values;
        }

        /** @return the shape; not copied */
        public long[] shape() {
            return m_shape;
        }

        /** @return the number of dimensions */
        public int rank() {
            return m_shape.length;
        }
    }

    private final Path m_file;

    private final Format m_format;

    private final String m_sha256;

    private final Device m_device;

    private final ZooModel<Tensor, Tensor> m_model;

    private final ConcurrentLinkedDeque<Predictor<Tensor, Tensor>> m_idle = new ConcurrentLinkedDeque<>();

    private EncoderModel(final Path file, final Format format, final String sha256, final Device device,
        final ZooModel<Tensor, Tensor> model) {
        m_file = file;
        m_format = format;
        m_sha256 = sha256;
        m_device = device;
        m_model = model;
    }

    /**
     * @return the format of a model file by its extension: {@code .onnx} is ONNX; {@code .pt}, {@code .pth},
     *         {@code .ts}, {@code .torchscript}, {@code .jit} are TorchScript
     * @throws IllegalArgumentException naming the file and the accepted extensions otherwise
     */
    public static Format formatOf(final Path file) {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return Format.ONNX;
        }
        for (String ext : new String[]{".pt", ".pth", ".ts", ".torchscript", ".jit"}) {
            if (name.endsWith(ext)) {
                return Format.TORCHSCRIPT;
            }
        }
        throw new IllegalArgumentException("Model file '" + file + "' is neither TorchScript (.pt) nor ONNX (.onnx). "
            + "Export the model with the scripts in tools/export (see docs/encoders.md).");
    }

    /**
     * Loads a model file.
     *
     * @param file TorchScript or ONNX file
     * @param deviceSetting {@code auto}, {@code cpu} or {@code gpu} (see {@link DjlRuntime#device})
     * @throws IOException naming the file when it is missing, empty, or cannot be loaded by the engine
     */
    public static EncoderModel load(final Path file, final String deviceSetting) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new IOException("Model file '" + file + "' does not exist. Check the model file setting.");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("Model file '" + file + "' is not a file. Choose the exported .pt or .onnx file.");
        }
        if (Files.size(file) == 0) {
            throw new IOException("Model file '" + file + "' is empty (0 bytes). Export the model again.");
        }
        final Format format;
        try {
            format = formatOf(file);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        final String sha = sha256(file);
        try {
            return DjlRuntime.call(() -> {
                final Device device = DjlRuntime.device(deviceSetting, format.engine());
                final Criteria.Builder<Tensor, Tensor> b = Criteria.builder().setTypes(Tensor.class, Tensor.class)
                    .optModelPath(file).optEngine(format.engine()).optDevice(device)
                    .optTranslator(new TensorTranslator());
                final String name = file.getFileName().toString();
                b.optModelName(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
                if (format == Format.TORCHSCRIPT) {
                    b.optOption("mapLocation", "true");
                } else {
                    b.optOption("interOpNumThreads", "1");
                    b.optOption("intraOpNumThreads",
                        System.getProperty("ai.djl.pytorch.num_threads", "1"));
                }
                final ZooModel<Tensor, Tensor> model = b.build().loadModel();
                return new EncoderModel(file, format, sha, device, model);
            });
        } catch (IllegalStateException | IllegalArgumentException e) {
            // device setting problems: message already says what to do
            throw new IOException(e.getMessage(), e);
        } catch (Exception e) {
            throw new IOException("Model file '" + file + "' cannot be loaded as "
                + (format == Format.ONNX ? "ONNX" : "TorchScript") + " (" + engineMessage(e) + "). "
                + "Is it complete and exported with the scripts in tools/export (see docs/encoders.md)?", e);
        }
    }

    /** @return SHA-256 of a file's content, lower-case hex */
    public static String sha256(final Path file) throws IOException {
        final MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        final byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        final StringBuilder sb = new StringBuilder();
        for (byte x : md.digest()) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    /** @return the model file */
    public Path file() {
        return m_file;
    }

    /** @return the file's format */
    public Format format() {
        return m_format;
    }

    /** @return SHA-256 of the model file (recorded with every output) */
    public String sha256() {
        return m_sha256;
    }

    /** @return the device the model runs on */
    public Device device() {
        return m_device;
    }

    /**
     * @return the input shape the file declares (ONNX; -1 for a dynamic dimension), or null when the format
     *         does not declare one (TorchScript)
     */
    public long[] declaredInputShape() {
        if (m_format != Format.ONNX) {
            return null;
        }
        // DJL's ONNX block names its inputs without shapes: ask ONNX Runtime for the file's metadata
        try {
            return DjlRuntime.call(() -> {
                final OrtEnvironment env = OrtEnvironment.getEnvironment();
                try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
                    OrtSession session = env.createSession(m_file.toString(), o)) {
                    for (NodeInfo info : session.getInputInfo().values()) {
                        if (info.getInfo() instanceof TensorInfo) {
                            return ((TensorInfo)info.getInfo()).getShape();
                        }
                    }
                    return null;
                }
            });
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Runs the model on one input tensor. Thread safe: each concurrent caller uses its own predictor.
     *
     * @throws TranslateException the engine's failure, unchanged (callers add the clip and the shape)
     */
    public Tensor run(final Tensor input) throws TranslateException {
        Predictor<Tensor, Tensor> p = m_idle.pollFirst();
        if (p == null) {
            p = DjlRuntime.call(m_model::newPredictor);
        }
        final Predictor<Tensor, Tensor> predictor = p;
        try {
            return DjlRuntime.call(() -> predictor.predict(input));
        } finally {
            m_idle.addFirst(predictor);
        }
    }

    @Override
    public void close() {
        Predictor<Tensor, Tensor> p;
        while ((p = m_idle.pollFirst()) != null) {
            p.close();
        }
        m_model.close();
    }

    /** @return "(a, b, c)" */
    public static String shapeText(final long[] shape) {
        return Arrays.stream(shape).mapToObj(d -> d < 0 ? "?" : Long.toString(d))
            .collect(Collectors.joining(", ", "(", shape.length == 1 ? ",)" : ")"));
    }

    /**
     * @return the useful line of an engine's error: TorchScript errors carry a traceback whose last
     *         {@code ...Error: ...} line says what went wrong
     */
    public static String engineMessage(final Throwable t) {
        Throwable root = t;
        String best = null;
        while (root != null) {
            if (root.getMessage() != null && !root.getMessage().isBlank()) {
                best = root.getMessage();
            }
            root = root.getCause() == root ? null : root.getCause();
        }
        if (best == null) {
            return t.getClass().getSimpleName();
        }
        final String[] lines = best.split("\\R");
        String pick = null;
        for (String line : lines) {
            final String l = line.trim();
            if (l.matches("^[A-Za-z.]*(Error|Exception)\\b.*:.*")) {
                pick = l;
            }
        }
        if (pick == null) {
            pick = Arrays.stream(lines).map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
        }
        if (pick == null) {
            pick = best.trim();
        }
        return pick.length() > 400 ? pick.substring(0, 400) + "..." : pick;
    }

    /** Float tensor in, first output tensor out (as float32); no batchifier: inputs are whole batches. */
    private static final class TensorTranslator implements NoBatchifyTranslator<Tensor, Tensor> {
        @Override
        public NDList processInput(final TranslatorContext ctx, final Tensor input) {
            final NDArray a = ctx.getNDManager().create(FloatBuffer.wrap(input.values()), new Shape(input.shape()));
            return new NDList(a);
        }

        @Override
        public Tensor processOutput(final TranslatorContext ctx, final NDList list) {
            if (list.isEmpty()) {
                throw new IllegalStateException("the model returned no output");
            }
            NDArray out = list.get(0);
            if (out.getDataType() != DataType.FLOAT32) {
                out = out.toType(DataType.FLOAT32, false);
            }
            return new Tensor(out.toFloatArray(), out.getShape().getShape());
        }
    }
}
