package org.vavl.core.features;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** The model fixtures made by tools/export/make_fixtures.py (test resources), and a Python probe. */
final class Fixtures {

    private Fixtures() {
    }

    /** @return the path of a fixture file */
    static Path path(final String name) {
        final URL u = Fixtures.class.getResource("fixtures/" + name);
        if (u == null) {
            throw new IllegalStateException("missing fixture " + name + ": run tools/export/make_fixtures.py");
        }
        try {
            return Paths.get(u.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a fixture .npy */
    static FeatureSequence npy(final String name) throws Exception {
        return Npy.read(path(name));
    }

    /** @return row {@code i} of an images .npy (HWC RGB values 0..255) as an 8-bit BGR Mat */
    static Mat bgrImage(final FeatureSequence images, final int i, final int size) {
        final byte[] px = new byte[size * size * 3];
        for (int k = 0; k < size * size; k++) {
            for (int c = 0; c < 3; c++) {
                // RGB in the file, BGR in the Mat
                px[3 * k + (2 - c)] = (byte)Math.round(images.get(i, 3 * k + c));
            }
        }
        final Mat m = new Mat(size, size, opencv_core.CV_8UC3);
        m.data().put(px);
        return m;
    }

    /** @return max |a - b| */
    static double maxAbsDiff(final float[] a, final float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /** @return mean |v|: reference outputs must not be vanishingly small, or a 1e-4 comparison proves nothing */
    static double meanAbs(final float[] v) {
        double s = 0;
        for (float x : v) {
            s += Math.abs(x);
        }
        return s / v.length;
    }

    /** The repository root (Maven passes vavl.repo.dir; else found from the working directory). */
    static Path repoDir() {
        final String p = System.getProperty("vavl.repo.dir");
        if (p != null && Files.isDirectory(Paths.get(p, "tools"))) {
            return Paths.get(p);
        }
        Path d = Paths.get("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("tools/export"))) {
            d = d.getParent();
        }
        return d;
    }

    /** Runs /usr/bin/python3 with arguments; fails with its output when it fails. */
    static String runPython(final long timeoutSeconds, final String... args) throws Exception {
        final String[] cmd = new String[args.length + 1];
        cmd[0] = "/usr/bin/python3";
        System.arraycopy(args, 0, cmd, 1, args.length);
        final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        final Process p = pb.start();
        final String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python timed out: " + String.join(" ", args));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("python failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }
}
