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
 * {@code tools/faceapi/oracle/oracle.js}), in batches, best of the rounds; and of the tiny face detector on the first
 * {@code detectorFrames} of them at input side {@code detectorSize} (each face padded and resized to it, network
 * only: the box decoding is a few microseconds). Run with one PyTorch intra-op thread.
 *
 * <p>Usage: {@code FaceApiBenchmark <faces.bin> <batch> <rounds> [detectorFrames [detectorSize]]}; prints one JSON
 * line.
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
        final int detectorFrames = Math.min(faces.length, args.length > 3 ? Integer.parseInt(args[3]) : 64);
        final int detectorSize = args.length > 4 ? Integer.parseInt(args[4]) : TinyFaceDetector.DEFAULT_INPUT_SIZE;
        try (FaceExpressionModel e = FaceExpressionModel.builtIn(); FaceLandmarkModel l = FaceLandmarkModel.builtIn();
            TinyFaceDetector d = TinyFaceDetector.builtIn()) {
            final Pass expression = e::run;
            final Pass landmarks = l::run;
            final Pass detector = (x, n) -> d.run(x, n, detectorSize);
            final byte[][] few = java.util.Arrays.copyOf(faces, detectorFrames);
            time(faces, batch, 1, expression, 112, false); // warm up
            time(faces, batch, 1, landmarks, 112, false);
            time(java.util.Arrays.copyOf(faces, Math.min(batch, faces.length)), batch, 1, detector, detectorSize, true);
            final double[] ex = time(faces, batch, rounds, expression, 112, false);
            final double[] lm = time(faces, batch, rounds, landmarks, 112, false);
            final double[] dt = time(few, batch, rounds, detector, detectorSize, true);
            System.out.printf(Locale.ROOT, "{\"expression frames per CPU s\": %.2f, \"expression frames per wall s\":"
                + " %.2f, \"landmarks frames per CPU s\": %.2f, \"landmarks frames per wall s\": %.2f, "
                + "\"detector frames per CPU s\": %.3f, \"detector frames per wall s\": %.3f, \"detector size\": %d}%n",
                ex[0], ex[1], lm[0], lm[1], dt[0], dt[1], detectorSize);
        }
    }

    private static double[] time(final byte[][] faces, final int batch, final int rounds, final Pass pass,
        final int size, final boolean detector) throws Exception {
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        double[] best = {0, 0};
        final int plane = 3 * size * size;
        for (int r = 0; r < rounds; r++) {
            final long cpu0 = os.getProcessCpuTime();
            final long t0 = System.nanoTime();
            for (int i = 0; i < faces.length; i += batch) {
                final int n = Math.min(batch, faces.length - i);
                final float[] x = new float[n * plane];
                for (int k = 0; k < n; k++) {
                    if (detector) {
                        FaceApiInput.forDetector(faces[i + k], 112, 112, size, x, k * plane);
                    } else {
                        FaceApiInput.fromRgb(faces[i + k], 112, 112, 112, x, k * plane);
                    }
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
