package org.vavl.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    @Test
    void supportedPlatformsAreTheThreeWithFragments() {
        assertEquals("linux-x86_64", NativeLibraries.javaCppPlatform("Linux", "amd64"));
        assertEquals("windows-x86_64", NativeLibraries.javaCppPlatform("Windows 11", "amd64"));
        assertEquals("macosx-arm64", NativeLibraries.javaCppPlatform("Mac OS X", "aarch64"));
        assertNull(NativeLibraries.javaCppPlatform("Mac OS X", "x86_64"));
        assertNull(NativeLibraries.javaCppPlatform("Linux", "aarch64"));
        assertNull(NativeLibraries.javaCppPlatform("Windows 11", "aarch64"));
        assertEquals("org.vavl.libs.win32.x86_64", NativeLibraries.fragmentOf("windows-x86_64"));
        assertEquals("org.vavl.libs.macosx.aarch64", NativeLibraries.fragmentOf("macosx-arm64"));
    }

    @Test
    void anIntelMacGetsOneMessageNamingItAndTheSupportedPlatforms() {
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> NativeLibraries.checkPlatform("Mac OS X", "x86_64", getClass().getClassLoader()));
        assertEquals("VAVL for KNIME has no native libraries (PyTorch, FFmpeg, OpenCV) for macOS x86_64. Supported: "
            + "Linux x86_64, Windows x86_64, macOS aarch64 (Apple silicon).", e.getMessage());
        final IllegalStateException arm = assertThrows(IllegalStateException.class,
            () -> NativeLibraries.checkPlatform("Linux", "aarch64", getClass().getClassLoader()));
        assertEquals("VAVL for KNIME has no native libraries (PyTorch, FFmpeg, OpenCV) for Linux aarch64. Supported: "
            + "Linux x86_64, Windows x86_64, macOS aarch64 (Apple silicon).", arm.getMessage());
    }

    @Test
    void aSupportedPlatformWithoutItsFragmentNamesTheFragment() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.checkPlatform("Windows 10", "amd64", empty));
            assertEquals("The native libraries of VAVL for KNIME for Windows x86_64 are not installed: the fragment "
                + "org.vavl.libs.win32.x86_64 is missing. Reinstall VAVL for KNIME from its update site (the release "
                + "site has the natives of Linux x86_64, Windows x86_64, macOS aarch64 (Apple silicon)).", e.getMessage());
        }
    }

    /** The test class path has the linux-x86_64 natives (this machine's): the check passes. */
    @Test
    void thisMachinePasses() {
        NativeLibraries.checkPlatform("Linux", "amd64", getClass().getClassLoader());
        NativeLibraries.check();
    }

    @Test
    void anUnwritableCacheNamesTheKnimeIniSetting(@TempDir final Path tmp) throws Exception {
        // a folder below a plain file can never be created, whoever runs the test (also root)
        final Path file = Files.writeString(tmp.resolve("home-is-read-only"), "x");
        final Path dir = file.resolve(".javacpp/cache");
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> NativeLibraries.checkWritable("JavaCPP (FFmpeg, OpenCV)", dir, "org.bytedeco.javacpp.cachedir"));
        assertEquals("The native libraries of JavaCPP (FFmpeg, OpenCV) cannot be unpacked: the folder " + dir
            + " cannot be written (a read-only home folder?). Set org.bytedeco.javacpp.cachedir to a writable folder, "
            + "e.g. with these lines after -vmargs in knime.ini: -Dorg.bytedeco.javacpp.cachedir=<writable folder>/javacpp "
            + "-DDJL_CACHE_DIR=<writable folder>/djl -DENGINE_CACHE_DIR=<writable folder>/djl", e.getMessage());
        NativeLibraries.checkWritable("DJL (PyTorch)", tmp.resolve("djl"), "DJL_CACHE_DIR and ENGINE_CACHE_DIR");
        assertEquals(true, Files.isDirectory(tmp.resolve("djl")));
    }

    @Test
    void javaCppCacheIsTheConfiguredFolderWhenSet(@TempDir final Path tmp) {
        final String before = System.getProperty("org.bytedeco.javacpp.cachedir");
        try {
            System.setProperty("org.bytedeco.javacpp.cachedir", tmp.resolve("jcpp").toString());
            assertEquals(tmp.resolve("jcpp"), NativeLibraries.javaCppCacheDir());
        } finally {
            if (before == null) {
                System.clearProperty("org.bytedeco.javacpp.cachedir");
            } else {
                System.setProperty("org.bytedeco.javacpp.cachedir", before);
            }
        }
    }
}
