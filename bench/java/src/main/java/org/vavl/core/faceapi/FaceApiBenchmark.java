package org.vavl.core.faceapi;

import java.io.DataInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * bench/run faces-pretrained, the DJL side: frames per CPU second (and per wall second) of the expression and the
 * 68-landmark networks in DJL, preprocessing included, on the faces of a file in the oracle's format (see
 * {@code tools/faceapi/oracle/oracle.js}), in batches, best of the rounds. Run with one PyTorch intra-op thread.
 *
 * <p>Usage: {@code FaceApiBenchmark <faces.bin> <batch> <rounds>}; prints one JSON line.
 */
public final class FaceApiBenchmark {

    private FaceApiBenchmark() {
    }

    /** A pass over all faces. */
    @FunctionalInterface
    interface Pass {
        void run(float[] input, int batch) throws Exception;
    }

    public static void main(final String[] args) throws Exception {
        final byte[][] faces = read(Path.of(args[0]));
        final int batch = Integer.parseInt(args[1]);
        final int rounds = Integer.parseInt(args[2]);
        try (FaceExpressionModel e = FaceExpressionModel.builtIn(); FaceLandmarkModel l = FaceLandmarkModel.builtIn()) {
            final Pass expression = e::run;
            final Pass landmarks = l::run;
            time(faces, batch, 1, expression); // warm up
            time(faces, batch, 1, landmarks);
            final double[] ex = time(faces, batch, rounds, expression);
            final double[] lm = time(faces, batch, rounds, landmarks);
            System.out.printf(Locale.ROOT, "{\"expression frames per CPU s\": %.2f, \"expression frames per wall s\":"
                + " %.2f, \"landmarks frames per CPU s\": %.2f, \"landmarks frames per wall s\": %.2f}%n", ex[0], ex[1],
                lm[0], lm[1]);
        }
    }

    private static double[] time(final byte[][] faces, final int batch, final int rounds, final Pass pass)
        throws Exception {
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        double[] best = {0, 0};
        final int plane = 3 * 112 * 112;
        for (int r = 0; r < rounds; r++) {
            final long cpu0 = os.getProcessCpuTime();
            final long t0 = System.nanoTime();
            for (int i = 0; i < faces.length; i += batch) {
                final int n = Math.min(batch, faces.length - i);
                final float[] x = new float[n * plane];
                for (int k = 0; k < n; k++) {
                    FaceApiInput.fromRgb(faces[i + k], 112, 112, 112, x, k * plane);
                }
                pass.run(x, n);
            }
            final double wall = (System.nanoTime() - t0) / 1e9;
            final double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            if (faces.length / cpu > best[0]) {
                best = new double[] {faces.length / cpu, faces.length / wall};
            }
        }
        return best;
    }

    /** Reads 112x112 faces in the oracle's format. */
    private static byte[][] read(final Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file); DataInputStream d = new DataInputStream(in)) {
            final int count = le(d);
            final byte[][] faces = new byte[count][];
            for (int i = 0; i < count; i++) {
                final int h = le(d);
                final int w = le(d);
                if (h != 112 || w != 112) {
                    throw new IllegalArgumentException("The benchmark takes 112x112 faces, got " + w + "x" + h + ".");
                }
                faces[i] = d.readNBytes(h * w * 3);
            }
            return faces;
        }
    }

    private static int le(final DataInputStream d) throws Exception {
        return ByteBuffer.wrap(d.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
