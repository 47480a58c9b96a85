package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vavl.knime.osgitest.BuiltSite.CORE;
import static org.vavl.knime.osgitest.BuiltSite.LIBS;
import static org.vavl.knime.osgitest.BuiltSite.NODES;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The OSGi proof: Equinox (as KNIME runs it) with the engine, the library bundle and the native fragment of this
 * machine's platform (Linux x86_64 on the project's machines) installed from the built update site, the way p2
 * lays them out (bundles with Eclipse-BundleShape: dir
 * unpacked into folders). Inside the framework a probe bundle runs a DJL PyTorch operation through
 * DjlRuntime.call (which sets the context class loader the way the nodes do), writes and probes a video with
 * FFmpeg, runs OpenCV and loads ONNX Runtime; DJL offline mode is on and the natives unpack into a configurable
 * folder ({@code -Dvavl.native.cache}). The nodes bundle cannot resolve here: it needs KNIME's org.knime.core.
 *
 * <p>Natives load once per JVM, so the framework is started once, nothing is re-installed or refreshed, and this
 * class runs in a JVM of its own (surefire: reuseForks=false).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OsgiProofTest {

    /** The native fragment of this machine: what p2 installs here (the site may hold the other platforms' too). */
    private static final String FRAGMENT = thisMachinesFragment();

    private static Framework s_framework;
    private static final Map<String, Bundle> BUNDLES = new LinkedHashMap<>();
    private static Path s_work;
    private static Path s_cache;

    @BeforeAll
    static void startFramework() throws Exception {
        s_work = Paths.get(System.getProperty("vavl.osgi.dir", "target/osgi")).toAbsolutePath();
        s_cache = Paths.get(System.getProperty("vavl.native.cache", "target/native-cache")).toAbsolutePath();
        deleteTree(s_work);
        Files.createDirectories(s_work);
        Files.createDirectories(s_cache);
        // JVM-wide settings of the natives, as a KNIME user would set them in knime.ini
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("org.bytedeco.javacpp.cachedir", s_cache.resolve("javacpp").toString());

        final Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, s_work.resolve("storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // what EclipseStarter (and so KNIME) sets: JDK packages outside java.* are found by boot delegation
        config.put("osgi.compatibility.bootdelegation", "true");
        final FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        s_framework = factory.newFramework(config);
        s_framework.start();
        final BundleContext ctx = s_framework.getBundleContext();

        // what p2 does on install: dir-shaped bundles unpacked to folders, the others kept as jars
        for (final String b : List.of(LIBS, FRAGMENT, CORE)) {
            final Path jar = BuiltSite.plugin(b);
            final Path location = "dir".equals(BuiltSite.manifest(jar).getMainAttributes().getValue("Eclipse-BundleShape"))
                ? unpack(jar, s_work.resolve("plugins").resolve(jar.getFileName().toString().replaceAll("\\.jar$", "")))
                : jar;
            BUNDLES.put(b, ctx.installBundle("reference:" + location.toUri()));
        }
        BUNDLES.put("probe", ctx.installBundle("reference:" + probeBundle().toUri()));
        for (final Bundle b : BUNDLES.values()) {
            if ((b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                b.start();
            }
        }
    }

    private static String thisMachinesFragment() {
        final SitePlatform p = SitePlatform.running();
        if (p == null || !SitePlatform.inSite().contains(p)) {
            throw new IllegalStateException("The OSGi proof runs the natives of this machine (" + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + "), and the site of this build has none for it: "
                + SitePlatform.fragmentsInSite());
        }
        return p.fragment();
    }

    @AfterAll
    static void stopFramework() throws Exception {
        if (s_framework != null) {
            s_framework.stop();
            s_framework.waitForStop(30_000);
        }
        // the unpacked bundles (about 300 MB); the native cache stays for the next run
        deleteTree(s_work.resolve("plugins"));
    }

    @Test
    @Order(1)
    void bundlesResolveAndTheFragmentAttachesToTheLibraryBundle() {
        for (final String b : List.of(LIBS, CORE, "probe")) {
            assertEquals(Bundle.ACTIVE, BUNDLES.get(b).getState(), b + " is not active");
        }
        assertEquals(Bundle.RESOLVED, BUNDLES.get(FRAGMENT).getState(), "fragment state");
        final List<BundleWire> hosts = BUNDLES.get(FRAGMENT).adapt(BundleWiring.class)
            .getRequiredWires("osgi.wiring.host");
        assertEquals(1, hosts.size());
        assertEquals(LIBS, hosts.get(0).getProvider().getSymbolicName());
    }

    @Test
    @Order(2)
    void djlPyTorchRunsInsideTheFramework() throws Exception {
        final long t0 = System.nanoTime();
        final Map<String, Object> r = probe("djlMatMul", s_cache.resolve("djl").toString());
        System.out.printf("OSGi proof, DJL: %s (%.1f s incl. unpacking the natives)%n", r,
            (System.nanoTime() - t0) / 1e9);
        // [1 2 3; 4 5 6] x [7 8; 9 10; 11 12] = [58 64; 139 154]
        assertArrayEquals(new float[]{58, 64, 139, 154}, (float[])r.get("product"));
        assertEquals("(2, 2)", r.get("shape"));
        assertEquals("PyTorch", r.get("engine"));
        assertEquals("2.5.1", r.get("engineVersion"));
        assertEquals(LIBS, r.get("djlBundle"), "DJL must come from the library bundle");
        assertEquals(LIBS, r.get("contextLoaderBundle"), "DjlRuntime.call sets the context loader to DJL's bundle");
        assertEquals(Boolean.TRUE, r.get("contextLoaderRestored"));
        assertEquals("true", r.get("offline"));
        assertTrue(Paths.get((String)r.get("libtorchDir")).startsWith(s_cache),
            "libtorch unpacked to " + r.get("libtorchDir") + ", not into " + s_cache);
    }

    @Test
    @Order(3)
    void ffmpegWritesAndProbesAVideoInsideTheFramework() throws Exception {
        final Path video = s_work.resolve("probe-clip.mp4");
        final Map<String, Object> r = probe("ffmpegWriteAndProbe", video.toString());
        System.out.println("OSGi proof, FFmpeg: " + r);
        assertTrue(Files.size(video) > 1000, "video not written");
        assertEquals(64, r.get("width"));
        assertEquals(48, r.get("height"));
        assertEquals(25.0, (Double)r.get("frameRate"), 0.01);
        assertEquals("mpeg4", r.get("videoCodec"));
        assertEquals(1, r.get("audioChannels"));
        assertEquals(16000, r.get("sampleRate"));
        assertEquals(25, r.get("decodedFrames"));
        final long micros = (Long)r.get("durationMicros");
        assertTrue(micros > 900_000 && micros < 1_200_000, "duration " + micros + " us");
        assertEquals(LIBS, r.get("javacvBundle"));
        assertTrue(((String)r.get("avutilVersion")).startsWith("7.1"), "FFmpeg " + r.get("avutilVersion"));
        // the JavaCPP natives unpacked into the configured cache folder
        try (Stream<Path> s = Files.walk(s_cache.resolve("javacpp"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("libavformat")),
                "libavformat not unpacked into " + s_cache.resolve("javacpp"));
        }
    }

    @Test
    @Order(4)
    void openCvRunsInsideTheFramework() throws Exception {
        final Map<String, Object> r = probe("opencvGrey");
        System.out.println("OSGi proof, OpenCV: " + r);
        assertEquals(1, r.get("channels"));
        assertEquals(150, r.get("nonZero")); // 10 x 15 red pixels, 10 x 5 black ones
        assertEquals(76, r.get("grey")); // pure red in grey: 0.299 * 255
        assertEquals(LIBS, r.get("opencvBundle"));
    }

    @Test
    @Order(5)
    void onnxRuntimeLoadsInsideTheFramework() throws Exception {
        final Map<String, Object> r = probe("onnxRuntime");
        System.out.println("OSGi proof, ONNX Runtime: " + r);
        assertEquals("OnnxRuntime", r.get("engine"));
        assertEquals("1.20.0", r.get("ortApiVersion"));
    }

    /** Without KNIME's org.knime.core the nodes bundle does not resolve, and the framework says why. */
    @Test
    @Order(6)
    void nodesBundleNeedsKnimeCore() throws Exception {
        final Bundle nodes = s_framework.getBundleContext()
            .installBundle("reference:" + BuiltSite.plugin(NODES).toUri());
        final BundleException e = assertThrows(BundleException.class, nodes::start);
        assertTrue(e.getMessage().contains("org.knime.core"), e.getMessage());
        assertEquals(Bundle.INSTALLED, nodes.getState());
        nodes.uninstall(); // holds no natives: safe to remove
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> probe(final String method, final Object... args) throws Exception {
        final Class<?> probe = BUNDLES.get("probe").loadClass("org.vavl.knime.osgitest.probe.OsgiProbe");
        final Class<?>[] types = new Class<?>[args.length];
        java.util.Arrays.fill(types, String.class);
        try {
            return (Map<String, Object>)probe.getMethod(method, types).invoke(null, args);
        } catch (final InvocationTargetException e) {
            throw new AssertionError("inside the framework: " + e.getCause(), e.getCause());
        }
    }

    /** A bundle with the probe classes, requiring org.vavl.core (which re-exports org.vavl.libs). */
    private static Path probeBundle() throws IOException {
        final Manifest mf = new Manifest();
        final Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.vavl.knime.osgitest.probe");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Require-Bundle", "org.vavl.core");
        a.putValue("Import-Package", "org.osgi.framework");
        a.putValue("Export-Package", "org.vavl.knime.osgitest.probe");
        final Path classes = Paths.get(OsgiProofTest.class.getProtectionDomain().getCodeSource().getLocation()
            .getPath());
        final Path dir = classes.resolve("org/vavl/knime/osgitest/probe");
        final Path jar = s_work.resolve("probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
            Stream<Path> files = Files.list(dir)) {
            for (final Path f : (Iterable<Path>)files::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path unpack(final Path jar, final Path dir) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            for (final Enumeration<JarEntry> e = j.entries(); e.hasMoreElements();) {
                final JarEntry entry = e.nextElement();
                final Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("bad entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = j.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                        in.transferTo(out);
                    }
                }
            }
        }
        return dir;
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>)s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
