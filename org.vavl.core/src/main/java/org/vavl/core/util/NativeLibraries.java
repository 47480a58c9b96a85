package org.vavl.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Checks, once per JVM and before the first native library is loaded, that this platform has the extension's
 * natives and that the folders DJL and JavaCPP unpack them into can be written, so that a node fails with one
 * message saying what to do instead of an {@link UnsatisfiedLinkError} stack trace.
 *
 * <ul>
 * <li>Platforms: the natives come in one fragment of {@code org.vavl.libs} per platform (Linux x86_64,
 * Windows x86_64, macOS aarch64). Elsewhere p2 refuses the installation; this check covers installs that bypass
 * p2's platform filters (a copied installation, a shared executor image).</li>
 * <li>Caches: JavaCPP unpacks FFmpeg/OpenCV into {@code org.bytedeco.javacpp.cachedir} (default
 * {@code ~/.javacpp/cache}, or {@code <java.io.tmpdir>/.javacpp-<user>/cache} where that cannot be written);
 * DJL unpacks libtorch into {@code ENGINE_CACHE_DIR}, else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai} (or
 * {@code <java.io.tmpdir>/.djl.ai} when the home folder is not writable). Both are system properties that a
 * {@code knime.ini} line sets (README, "Installing").</li>
 * </ul>
 */
public final class NativeLibraries {

    /** The platforms with natives, as the README and the p2 refusal name them. */
    public static final String SUPPORTED = "Linux x86_64, Windows x86_64, macOS aarch64 (Apple silicon)";

    /** The knime.ini lines (after -vmargs) that move the two native caches. */
    public static final String KNIME_INI_LINES = "-Dorg.bytedeco.javacpp.cachedir=<writable folder>/javacpp "
        + "-DDJL_CACHE_DIR=<writable folder>/djl -DENGINE_CACHE_DIR=<writable folder>/djl";

    private static volatile boolean s_checked;

    private NativeLibraries() {
    }

    /**
     * Checks the platform, the natives on the class path of the library bundle and the two cache folders, once per
     * JVM; throws {@link IllegalStateException} with the message a user sees when one of them is not right.
     */
    public static void check() {
        if (s_checked) {
            return;
        }
        synchronized (NativeLibraries.class) {
            if (s_checked) {
                return;
            }
            final String os = System.getProperty("os.name");
            final String arch = System.getProperty("os.arch");
            checkPlatform(os, arch, org.bytedeco.javacpp.Loader.class.getClassLoader());
            checkWritable("JavaCPP (FFmpeg, OpenCV)", javaCppCacheDir(), "org.bytedeco.javacpp.cachedir");
            checkWritable("DJL (PyTorch)", ai.djl.util.Utils.getEngineCacheDir(), "DJL_CACHE_DIR and ENGINE_CACHE_DIR");
            s_checked = true;
        }
    }

    /** The JavaCPP platform of os.name / os.arch when the extension has natives for it, else null. */
    static String javaCppPlatform(final String osName, final String osArch) {
        final String os = osName.toLowerCase(Locale.ROOT);
        final String arch = osArch.toLowerCase(Locale.ROOT);
        final boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        final boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux") && x64) {
            return "linux-x86_64";
        }
        if (os.startsWith("windows") && x64) {
            return "windows-x86_64";
        }
        if ((os.startsWith("mac") || os.startsWith("darwin")) && arm64) {
            return "macosx-arm64";
        }
        return null;
    }

    /** The platform in words: "macOS x86_64", "Linux aarch64", "Windows x86_64", or os.name and os.arch. */
    static String platformName(final String osName, final String osArch) {
        final String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        arch = arch.equals("amd64") ? "x86_64" : arch.equals("arm64") ? "aarch64" : arch;
        if (os.startsWith("linux")) {
            return "Linux " + arch;
        }
        if (os.startsWith("windows")) {
            return "Windows " + arch;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "macOS " + arch;
        }
        return osName + " " + osArch;
    }

    /** The native fragment that holds the natives of a JavaCPP platform. */
    static String fragmentOf(final String javaCppPlatform) {
        switch (javaCppPlatform) {
            case "windows-x86_64":
                return "org.vavl.libs.win32.x86_64";
            case "macosx-arm64":
                return "org.vavl.libs.macosx.aarch64";
            default:
                return "org.vavl.libs.linux.x86_64";
        }
    }

    /**
     * Throws when the platform has no natives, or when they are not on the library bundle's class path (the
     * platform's fragment is not installed).
     */
    static void checkPlatform(final String osName, final String osArch, final ClassLoader libraries) {
        final String platform = javaCppPlatform(osName, osArch);
        if (platform == null) {
            throw new IllegalStateException("VAVL for KNIME has no native libraries (PyTorch, FFmpeg, OpenCV) for "
                + platformName(osName, osArch) + ". Supported: " + SUPPORTED + ".");
        }
        final String jni = "org/bytedeco/javacpp/" + platform + "/" + mapLibraryName(platform, "jnijavacpp");
        if (libraries.getResource(jni) == null || libraries.getResource("native/lib/pytorch.properties") == null) {
            throw new IllegalStateException("The native libraries of VAVL for KNIME for " + platformName(osName, osArch)
                + " are not installed: the fragment " + fragmentOf(platform) + " is missing. Reinstall VAVL for KNIME "
                + "from its update site (the release site has the natives of " + SUPPORTED + ").");
        }
    }

    static String mapLibraryName(final String javaCppPlatform, final String name) {
        if (javaCppPlatform.startsWith("windows")) {
            return name + ".dll";
        }
        return "lib" + name + (javaCppPlatform.startsWith("macosx") ? ".dylib" : ".so");
    }

    /** The folder JavaCPP will unpack into: the first of its candidates that exists or can be made and is writable. */
    static Path javaCppCacheDir() {
        final String[] candidates = {System.getProperty("org.bytedeco.javacpp.cachedir"),
            System.getProperty("org.bytedeco.javacpp.cacheDir"),
            System.getProperty("user.home") + "/.javacpp/cache/",
            System.getProperty("java.io.tmpdir") + "/.javacpp-" + System.getProperty("user.name") + "/cache/"};
        Path first = null;
        for (final String c : candidates) {
            if (c == null) {
                continue;
            }
            final Path p = Paths.get(c);
            first = first == null ? p : first;
            if (writable(p)) {
                return p;
            }
            if (candidates[0] != null && c.equals(candidates[0])) {
                return p; // set explicitly: report that folder, not a fallback
            }
        }
        return first;
    }

    /** Throws when the folder cannot be created or written, naming the knime.ini setting that moves it. */
    static void checkWritable(final String what, final Path dir, final String setting) {
        if (!writable(dir)) {
            throw new IllegalStateException("The native libraries of " + what + " cannot be unpacked: the folder " + dir
                + " cannot be written (a read-only home folder?). Set " + setting + " to a writable folder, e.g. with "
                + "these lines after -vmargs in knime.ini: " + KNIME_INI_LINES);
        }
    }

    private static boolean writable(final Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isDirectory(dir) && Files.isWritable(dir);
        } catch (final IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }
}
