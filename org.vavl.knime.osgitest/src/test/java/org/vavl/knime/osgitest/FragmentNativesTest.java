package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The natives in each native fragment of the site against the library names that DJL's and JavaCPP's loaders ask
 * for on that platform, without running them (Windows and macOS natives cannot run here):
 * <ul>
 * <li>PyTorch: DJL reads native/lib/pytorch.properties (classifier, flavor, the list of files) and copies those
 * files from pytorch/&lt;flavor&gt;/&lt;classifier&gt;/, then loads torch_cpu and torch (and fbgemm first on
 * Windows) by System.mapLibraryName, and the JNI glue jnilib/&lt;classifier&gt;/&lt;flavor&gt;/djl_torch from
 * pytorch-jni in the host.</li>
 * <li>JavaCPP: for every preset class of FFmpeg, OpenCV, OpenBLAS and JavaCPP itself, JavaCPP's own
 * Loader.loadProperties computes, for the fragment's platform, the JNI library and the link and preload lists
 * of its {@code @Platform} annotations, and Loader.findLibrary looks them up in the jars the way Loader.load does
 * at run time (org/bytedeco/&lt;preset&gt;/&lt;platform&gt;/, the platform's file-name styles). Every JNI library
 * must be found; a link library counts as found when it, a preload of the same base name, or a library loaded by
 * an inherited preset (OpenCV inherits OpenBLAS) is found; a link library may be missing only where it is missing on Linux x86_64 too, where the OSGi
 * proof runs these natives (FFmpeg's postproc, absent from the LGPL build, and OpenBLAS's openblas_nolapack,
 * which the jars ship as libopenblas).</li>
 * <li>ONNX Runtime: one jar in the host for all platforms; its loader asks for ai/onnxruntime/native/&lt;os-arch&gt;/
 * onnxruntime and onnxruntime4j_jni.</li>
 * </ul>
 * The fragments checked are those of this build's site: the machine's own with mvn -B verify, all three with
 * -Prelease (README, "Platforms").
 */
class FragmentNativesTest {

    private static Path s_tmp;
    private static Path s_hostJars;

    @BeforeAll
    static void extractHostJars() throws IOException {
        s_tmp = Files.createTempDirectory("vavl-natives");
        s_hostJars = extractLib(BuiltSite.plugin(BuiltSite.LIBS), s_tmp.resolve("host"));
    }

    @AfterAll
    static void deleteTmp() throws IOException {
        if (s_tmp != null) {
            try (var s = Files.walk(s_tmp)) {
                for (final Path p : (Iterable<Path>)s.sorted(Collections.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void pyTorchNativesAreTheFilesDjlCopiesAndLoads() throws Exception {
        for (final SitePlatform p : SitePlatform.inSite()) {
            final Path libs = extractLib(BuiltSite.plugin(p.fragment()), s_tmp.resolve(p.fragment()));
            final Path jar = only(libs, "ai.djl.pytorch.pytorch-native-cpu-");
            try (ZipFile z = new ZipFile(jar.toFile())) {
                final Properties props = new Properties();
                try (InputStream in = z.getInputStream(z.getEntry("native/lib/pytorch.properties"))) {
                    props.load(in);
                }
                assertEquals(p.djl, props.getProperty("classifier"), jar.getFileName().toString());
                assertEquals("cpu", props.getProperty("flavor"));
                assertTrue(props.getProperty("version").startsWith("2.5.1-"), props.getProperty("version"));
                final Set<String> listed = new TreeSet<>(Arrays.asList(props.getProperty("libraries").split(",")));
                final String folder = "pytorch/cpu/" + p.djl + "/";
                final Set<String> present = new TreeSet<>();
                for (final ZipEntry e : Collections.list(z.entries())) {
                    if (e.getName().startsWith(folder) && !e.isDirectory()) {
                        present.add(e.getName().substring(folder.length()));
                    }
                }
                assertEquals(listed, present, "files DJL copies from " + folder + " in " + jar.getFileName());
                final List<String> loaded = new ArrayList<>(List.of(p.mapLibraryName("torch_cpu"), p.mapLibraryName("torch"),
                    p.mapLibraryName("c10")));
                if (p == SitePlatform.WIN32_X86_64) {
                    loaded.add("fbgemm.dll"); // loadWinDependencies loads it by name before torch_cpu
                }
                assertTrue(listed.containsAll(loaded), "DJL loads " + loaded + " on " + p.djl + "; the jar lists " + listed);
                System.out.println(p.fragment() + ": PyTorch natives " + listed);
            }
            // the JNI glue, from pytorch-jni in the host (one jar for every platform)
            try (ZipFile jni = new ZipFile(only(s_hostJars, "ai.djl.pytorch.pytorch-jni-").toFile())) {
                final String glue = "jnilib/" + p.djl + "/cpu/" + p.mapLibraryName("djl_torch");
                assertTrue(jni.getEntry(glue) != null, "pytorch-jni has no " + glue);
            }
        }
    }

    @Test
    void javaCppFindsEveryJniLibraryOfEveryPresetOnThePlatform() throws Exception {
        final Map<SitePlatform, Map<String, Set<String>>> missingLinks = new LinkedHashMap<>();
        for (final SitePlatform p : SitePlatform.inSite()) {
            final Path libs = extractLib(BuiltSite.plugin(p.fragment()), s_tmp.resolve(p.fragment()));
            final Map<String, Set<String>> missing = new TreeMap<>();
            final List<String> jniMissing = new ArrayList<>();
            int classes = 0;
            final List<URL> urls = new ArrayList<>();
            for (final String preset : List.of("javacpp", "ffmpeg", "opencv", "openblas")) {
                urls.add(only(s_hostJars, "org.bytedeco." + preset + "-").toUri().toURL());
                urls.add(only(libs, "org.bytedeco." + preset + "-").toUri().toURL());
            }
            try (URLClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
                final JavaCpp jcpp = new JavaCpp(cl, p.javacpp);
                for (final String preset : List.of("javacpp", "ffmpeg", "opencv", "openblas")) {
                    for (final String cls : presetClasses(only(s_hostJars, "org.bytedeco." + preset + "-"))) {
                        if (cls.contains(".opencv_cuda") || cls.endsWith(".postproc")) {
                            continue; // CUDA builds of OpenCV only; postproc is GPL, not in the LGPL FFmpeg build
                        }
                        classes++;
                        final JavaCpp.Libraries l = jcpp.libraries(cls);
                        if (!l.jniFound) {
                            jniMissing.add(cls + " (" + l.jni + ")");
                        }
                        missing.put(cls, l.missingLinks);
                    }
                }
            }
            assertEquals(List.of(), jniMissing, "JNI libraries JavaCPP would not find on " + p.javacpp);
            assertTrue(classes > 50, "preset classes checked: " + classes);
            missingLinks.put(p, missing);
            System.out.println(p.fragment() + ": JavaCPP finds the JNI library of " + classes + " preset classes");
        }
        // links: none may be missing that Linux x86_64, where the OSGi proof loads these natives, has
        final Map<String, Set<String>> linux = missingLinks.get(SitePlatform.LINUX_X86_64);
        if (linux == null) {
            System.out.println("[link comparison skipped] FragmentNativesTest compares link libraries with the Linux "
                + "x86_64 fragment, which this build's site lacks (mvn -B verify -Prelease has it)");
            return;
        }
        assertEquals(Set.of("openblas_nolapack", "postproc"),
            linux.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new)),
            "link libraries JavaCPP does not find on Linux x86_64 (where they load)");
        for (final Map.Entry<SitePlatform, Map<String, Set<String>>> e : missingLinks.entrySet()) {
            for (final Map.Entry<String, Set<String>> c : e.getValue().entrySet()) {
                final Set<String> extra = new TreeSet<>(c.getValue());
                extra.removeAll(linux.get(c.getKey()));
                if (e.getKey() == SitePlatform.WIN32_X86_64 && c.getKey().startsWith("org.bytedeco.opencv.")
                    && !e.getValue().get("org.bytedeco.openblas.global.openblas").contains("openblas")) {
                    // OpenCV's link "openblas@.0" is, on Windows, the MinGW-built libopenblas.dll that the OpenBLAS
                    // preset itself loads (checked just above: openblas.global.openblas finds it) before OpenCV
                    // (Loader.load loads the inherited OpenBLAS first); findLibrary from OpenCV's side does not see it
                    extra.remove("openblas");
                }
                assertEquals(Set.of(), extra, c.getKey() + " on " + e.getKey().javacpp + ": link libraries not found");
            }
        }
    }

    @Test
    void onnxRuntimeInTheHostHasTheNativesOfEveryPlatform() throws Exception {
        try (ZipFile ort = new ZipFile(only(s_hostJars, "com.microsoft.onnxruntime.onnxruntime-").toFile())) {
            for (final SitePlatform p : SitePlatform.values()) {
                for (final String lib : List.of("onnxruntime", "onnxruntime4j_jni")) {
                    final String entry = "ai/onnxruntime/native/" + p.onnxruntime + "/" + p.mapLibraryName(lib);
                    assertTrue(ort.getEntry(entry) != null, "ONNX Runtime jar has no " + entry);
                }
            }
        }
    }

    /** The classes of a JavaCPP preset jar whose loading loads natives: org.bytedeco.X.global.* and the presets. */
    private static List<String> presetClasses(final Path jar) throws IOException {
        final List<String> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (final ZipEntry e : Collections.list(z.entries())) {
                final String n = e.getName();
                if (n.matches("org/bytedeco/[a-z]+/global/[a-z_0-9]+\\.class")
                    || n.equals("org/bytedeco/javacpp/presets/javacpp.class")) {
                    out.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return out;
    }

    /** The nested lib/*.jar of a bundle jar, copied to a folder. */
    private static Path extractLib(final Path bundle, final Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            for (final Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                final ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    try (InputStream in = z.getInputStream(entry)) {
                        Files.copy(in, dir.resolve(entry.getName().substring("lib/".length())));
                    }
                }
            }
        }
        return dir;
    }

    private static Path only(final Path dir, final String prefix) throws IOException {
        try (var s = Files.list(dir)) {
            final List<Path> l = s.filter(p -> p.getFileName().toString().startsWith(prefix)
                && Character.isDigit(p.getFileName().toString().charAt(prefix.length()))).collect(Collectors.toList());
            assertEquals(1, l.size(), prefix + "* in " + dir + ": " + l);
            return l.get(0);
        }
    }

    /** JavaCPP's Loader, loaded from the jars under test, asked about another platform by reflection. */
    private static final class JavaCpp {
        private final ClassLoader m_cl;
        private final Class<?> m_loader;
        private final Class<?> m_classProperties;
        private final Properties m_platform;

        JavaCpp(final ClassLoader cl, final String platform) throws Exception {
            m_cl = cl;
            m_loader = cl.loadClass("org.bytedeco.javacpp.Loader");
            m_classProperties = cl.loadClass("org.bytedeco.javacpp.ClassProperties");
            m_platform = (Properties)m_loader.getMethod("loadProperties", String.class, String.class).invoke(null,
                platform, null);
            assertEquals(platform, m_platform.getProperty("platform"));
        }

        static final class Libraries {
            String jni;
            boolean jniFound;
            /** link libraries found neither by their own name nor through a preload of the same base name */
            final Set<String> missingLinks = new TreeSet<>();
        }

        @SuppressWarnings("unchecked")
        Libraries libraries(final String className) throws Exception {
            final Class<?> c = Class.forName(className, false, m_cl); // not initialised: nothing is loaded
            final Object props = m_loader.getMethod("loadProperties", Class.class, Properties.class, boolean.class)
                .invoke(null, c, m_platform, true);
            final List<Class<?>> effective = (List<Class<?>>)m_classProperties.getMethod("getEffectiveClasses").invoke(props);
            final Libraries out = new Libraries();
            out.jni = (String)m_classProperties.getMethod("getProperty", String.class).invoke(props, "platform.library");
            out.jniFound = found(effective, props, out.jni);
            final List<String> links = (List<String>)m_classProperties.getMethod("get", String.class).invoke(props,
                "platform.link");
            final List<String> preloads = (List<String>)m_classProperties.getMethod("get", String.class).invoke(props,
                "platform.preload");
            final Set<String> foundBases = new TreeSet<>();
            for (final String lib : preloads) {
                if (!lib.endsWith("#") && found(effective, props, lib)) {
                    foundBases.add(base(lib));
                }
            }
            // Loader.load loads the inherited presets first (OpenCV loads OpenBLAS): what they load counts too
            for (final Class<?> ec : effective) {
                if (ec != c && !ec.getName().equals(className)) {
                    foundBases.addAll(loadedBy(ec));
                }
            }
            for (final String lib : links) {
                if (lib.endsWith("#")) {
                    continue; // "psapi#": a system library, never in a jar
                }
                if (!foundBases.contains(base(lib)) && !found(effective, props, lib)) {
                    out.missingLinks.add(base(lib));
                }
            }
            return out;
        }

        private final Map<String, Set<String>> m_loadedBy = new TreeMap<>();

        /** The base names of the link and preload libraries an inherited preset class loads itself. */
        @SuppressWarnings("unchecked")
        private Set<String> loadedBy(final Class<?> c) throws Exception {
            final Set<String> cached = m_loadedBy.get(c.getName());
            if (cached != null) {
                return cached;
            }
            final Object props = m_loader.getMethod("loadProperties", Class.class, Properties.class, boolean.class)
                .invoke(null, c, m_platform, true);
            final List<Class<?>> effective = (List<Class<?>>)m_classProperties.getMethod("getEffectiveClasses").invoke(props);
            final Set<String> out = new TreeSet<>();
            for (final String key : List.of("platform.link", "platform.preload")) {
                for (final String lib : (List<String>)m_classProperties.getMethod("get", String.class).invoke(props, key)) {
                    if (!lib.endsWith("#") && found(effective, props, lib)) {
                        out.add(base(lib));
                    }
                }
            }
            m_loadedBy.put(c.getName(), out);
            return out;
        }

        private boolean found(final List<Class<?>> effective, final Object props, final String lib) throws Exception {
            for (final Class<?> ec : effective) {
                final URL[] u = (URL[])m_loader.getMethod("findLibrary", Class.class, m_classProperties, String.class)
                    .invoke(null, ec, props, lib);
                if (u.length > 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * avutil@.59, avutil-59, opencv_core4110, opencv_core@.411 -> avutil, opencv_core; libopenblas -> openblas
         * (on Windows the MinGW-built OpenBLAS is libopenblas.dll, which the preset preloads as "libopenblas").
         */
        static String base(final String lib) {
            String b = lib.split("#")[0].split("@")[0];
            b = b.replaceAll("-\\d+$", "").replaceAll("(?<=[a-z_])\\d+$", "");
            return b.startsWith("lib") ? b.substring(3) : b;
        }
    }
}
