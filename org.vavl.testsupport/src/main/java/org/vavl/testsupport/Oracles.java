package org.vavl.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The tests' optional oracles and the one rule for them. An oracle is something a test checks against that is
 * not in the repository: KNIME's own sample files and schemas under {@code ../shared/reference/knime-samples}
 * (they stay out of the repository), shared media under {@code ../shared/data}, or Debian's Python packages
 * (PyTorch, torchaudio, scikit-learn) under {@code /usr/bin/python3}.
 *
 * <p>
 * Where an oracle is missing, the test is <b>skipped</b> with one line that names what is missing and how to
 * get it (a user's clone passes); where the environment variable {@code CI} is {@code true} it <b>fails</b>
 * instead, so that CI proves every oracle ran.
 */
public final class Oracles {

    /** Debian's Python, the one the parity and fixture scripts are written for. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final Map<String, Boolean> PYTHON_MODULES = new ConcurrentHashMap<>();

    private Oracles() {
    }

    /** @return true when the environment variable CI is "true": every oracle must be there */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * @return the folder {@code shared/} beside the repository: the system property {@code vavl.shared.dir}
     *         (set by the build), else {@code ../../shared} from a module folder
     */
    public static Path sharedDir() {
        return Path.of(System.getProperty("vavl.shared.dir", "../../shared")).toAbsolutePath().normalize();
    }

    /**
     * A file or folder under {@code ../shared}; skips the calling test (fails it in CI) when it is absent.
     *
     * @param relative e.g. {@code "reference/knime-samples"}
     * @return the existing path
     */
    public static Path shared(final String relative) {
        final Path p = sharedDir().resolve(relative);
        require(Files.exists(p), "needs " + p + " (the folder shared/ beside the repository, which only the"
            + " project's own machines have)");
        return p;
    }

    /** @return a path under {@code ../shared} when it exists, else null (for checks that are an extra) */
    public static Path sharedIfPresent(final String relative) {
        final Path p = sharedDir().resolve(relative);
        return Files.exists(p) ? p : null;
    }

    /**
     * Requires {@code /usr/bin/python3} to find every module; skips the calling test (fails it in CI)
     * otherwise.
     *
     * @param modules Python module names, e.g. {@code "torch", "torchaudio"}
     */
    public static void requirePython(final String... modules) {
        require(hasPython(modules), "needs " + PYTHON + " with the modules " + String.join(", ", modules)
            + " (Debian: apt-get install python3-torch python3-torchvision python3-torchaudio python3-sklearn"
            + " python3-numpy; .ci/run installs them)");
    }

    /** @return true when {@code /usr/bin/python3} finds every module (looked up, not imported; cached) */
    public static boolean hasPython(final String... modules) {
        return PYTHON_MODULES.computeIfAbsent(String.join(",", modules), k -> findPython(modules));
    }

    /**
     * The rule: nothing when {@code available}; else a failure in CI and a skip elsewhere, both with one line
     * naming what is missing.
     *
     * @param available whether the oracle is there
     * @param what what the test needs, e.g. "needs /usr/bin/python3 with torch"
     */
    public static void require(final boolean available, final String what) {
        try {
            require(available, what, inCi());
        } catch (org.opentest4j.TestAbortedException e) {
            System.out.println(e.getMessage()); // one line in the build's output, besides Surefire's count
            throw e;
        }
    }

    static void require(final boolean available, final String what, final boolean ci) {
        if (available) {
            return;
        }
        final String test = callingTest();
        if (ci) {
            Assertions.fail(test + " " + what + "; CI=true, so an oracle that cannot run is a failure");
        }
        Assumptions.abort("[oracle missing, test skipped] " + test + " " + what);
    }

    private static boolean findPython(final String... modules) {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        // find_spec looks modules up without importing them (importing torch takes seconds)
        final String check = "import importlib.util, sys; sys.exit(0 if all(importlib.util.find_spec(m)"
            + " for m in sys.argv[1:]) else 1)";
        final String[] cmd = new String[modules.length + 3];
        cmd[0] = PYTHON.toString();
        cmd[1] = "-c";
        cmd[2] = check;
        System.arraycopy(modules, 0, cmd, 3, modules.length);
        try {
            final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return "Class.method" of the test: the last frame of test code before JUnit's or the JDK's reflection */
    private static String callingTest() {
        StackTraceElement test = null;
        for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
            final String c = e.getClassName();
            if (c.equals(Oracles.class.getName()) || c.equals(Thread.class.getName())) {
                continue;
            }
            if (c.startsWith("org.junit.") || c.startsWith("jdk.internal.") || c.startsWith("java.")) {
                if (test != null) {
                    break;
                }
                continue;
            }
            test = e;
        }
        return test == null ? "a test"
            : test.getClassName().substring(test.getClassName().lastIndexOf('.') + 1) + "." + test.getMethodName();
    }
}
