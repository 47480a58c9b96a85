package org.vavl.core.faceapi;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.vavl.testsupport.Oracles;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * face-api's own JavaScript on TensorFlow.js in Node.js, as the tests' oracle: installed on first use by
 * {@code tools/faceapi/install-oracle} into {@code ~/.cache/vavl-faceapi-oracle} (or {@code $VAVL_FACEAPI_ORACLE}),
 * outside the repository. Without Node.js and npm (or when npm cannot install) the calling test is skipped, and fails
 * in CI ({@link Oracles#require}).
 */
final class FaceApiOracle {

    /** One RGB face: interleaved bytes, height, width. */
    record Face(byte[] rgb, int height, int width) {
    }

    /** The oracle's answer. */
    record Result(String backend, String tfjs, String faceapi, java.util.Map<String, float[][]> arrays) {
        /** @return per face the expression probabilities */
        float[][] probabilities() {
            return arrays.get("probabilities");
        }

        /** @return per face the pooled features of the expression network */
        float[][] features() {
            return arrays.get("features");
        }
    }

    private static Path s_dir;

    private FaceApiOracle() {
    }

    /** @return the installed oracle's folder; skips (fails in CI) the calling test when it cannot be installed */
    static synchronized Path require() throws Exception {
        if (s_dir != null) {
            return s_dir;
        }
        final boolean tools = onPath("node") && onPath("npm");
        Oracles.require(tools, "needs Node.js and npm for face-api's own JavaScript (Debian: apt-get install nodejs"
            + " npm; .ci/run installs them)");
        final Path script = Path.of("..", "tools", "faceapi", "install-oracle").toAbsolutePath().normalize();
        final Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        final boolean ok = p.waitFor(15, TimeUnit.MINUTES) && p.exitValue() == 0 && !out.isEmpty();
        Oracles.require(ok, "needs face-api 1.7.15 and @tensorflow/tfjs 4.22 from npm, but " + script
            + " failed (no access to registry.npmjs.org?)");
        final String[] lines = out.split("\n");
        s_dir = Path.of(lines[lines.length - 1].trim());
        return s_dir;
    }

    /** Runs face-api's FaceExpressionNet on the faces, in one batch. */
    static Result expressions(final List<Face> faces, final Path work) throws Exception {
        return run(faces, work, "expression");
    }

    /** Runs face-api's FaceLandmark68Net on the faces, in one batch: arrays "landmarks" and "raw". */
    static Result landmarks(final List<Face> faces, final Path work) throws Exception {
        return run(faces, work, "landmarks");
    }

    /**
     * Runs face-api's TinyFaceDetector on each image alone: arrays "raw" (the network's output, S x S x 25 per image)
     * and "detections" (per image x, y, width, height, score of each face found, relative to the image).
     */
    static Result detector(final List<Face> images, final Path work, final int inputSize, final double scoreThreshold)
        throws Exception {
        return run(images, work, "detector", Integer.toString(inputSize), Double.toString(scoreThreshold));
    }

    private static Result run(final List<Face> faces, final Path work, final String... mode) throws Exception {
        final Path dir = require();
        final Path in = work.resolve("faces.bin");
        final Path out = work.resolve("oracle.json");
        try (OutputStream os = Files.newOutputStream(in); DataOutputStream d = new DataOutputStream(os)) {
            d.write(le(faces.size()));
            for (Face f : faces) {
                d.write(le(f.height()));
                d.write(le(f.width()));
                d.write(f.rgb(), 0, f.height() * f.width() * 3);
            }
        }
        // the checkout's own oracle script (the installed copy may be another checkout's), on the installed packages
        final Path script = Path.of("..", "tools", "faceapi", "oracle", "oracle.js").toAbsolutePath().normalize();
        final List<String> command = new java.util.ArrayList<>(List.of("node",
            (Files.isRegularFile(script) ? script : dir.resolve("oracle.js")).toString(), dir.toString(), in.toString(),
            out.toString()));
        command.addAll(List.of(mode));
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("face-api's oracle failed: " + log);
        }
        final JsonObject o = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        final java.util.Map<String, float[][]> arrays = new java.util.TreeMap<>();
        for (String k : o.keySet()) {
            if (o.get(k).isJsonArray()) {
                arrays.put(k, rows(o.getAsJsonArray(k)));
            }
        }
        return new Result(o.get("backend").getAsString(), o.get("tfjs").getAsString(), o.get("faceapi").getAsString(),
            arrays);
    }

    private static float[][] rows(final JsonArray a) {
        final float[][] r = new float[a.size()][];
        for (int i = 0; i < r.length; i++) {
            final JsonArray row = a.get(i).getAsJsonArray();
            r[i] = new float[row.size()];
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] = row.get(j).getAsFloat();
            }
        }
        return r;
    }

    private static byte[] le(final int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static boolean onPath(final String tool) {
        final String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
