package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vavl.knime.osgitest.BuiltSite.CORE;
import static org.vavl.knime.osgitest.BuiltSite.LIBS;
import static org.vavl.knime.osgitest.BuiltSite.NODES;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The hand-written MANIFEST.MF files (kept as sources so that Tycho can build the same tree) against the jars the
 * build made: Bundle-ClassPath names exactly the jars in lib/, Export-Package names the packages that are there,
 * and every package the engine and the nodes use is visible to them in OSGi.
 */
class BundleManifestsTest {

    @Test
    void libraryBundleClassPathAndExportsMatchItsJars() throws Exception {
        final Path jar = BuiltSite.plugin(LIBS);
        final Attributes a = BuiltSite.manifest(jar).getMainAttributes();
        assertEquals("dir", a.getValue("Eclipse-BundleShape"));
        assertEquals(libEntries(jar), new TreeSet<>(BuiltSite.clauses(a.getValue("Bundle-ClassPath"))),
            "org.vavl.libs/META-INF/MANIFEST.MF Bundle-ClassPath vs the jars the build put in lib/ "
                + "(org.vavl.libs/pom.xml)");
        final Set<String> packages = packagesInNestedJars(jar);
        final Set<String> exported = new TreeSet<>(BuiltSite.clauses(a.getValue("Export-Package")));
        final Map<String, String> versions = packageVersionsInNestedJars(jar);
        final List<String> expected = new ArrayList<>();
        for (final String p : packages) {
            expected.add(p + ";version=\"" + versions.get(p) + "\"");
        }
        assertEquals(packages, exported,
            "org.vavl.libs/META-INF/MANIFEST.MF Export-Package must list the packages of its jars; it should be:\n"
                + header("Export-Package", new TreeSet<>(expected)));
        // each package with the version of the library that holds it
        final Map<String, String> declared = new TreeMap<>();
        for (final String clause : fullClauses(a.getValue("Export-Package"))) {
            final Matcher m = Pattern.compile(";\\s*version=\"([^\"]+)\"").matcher(clause);
            declared.put(clause.split(";")[0].trim(), m.find() ? m.group(1) : null);
        }
        assertEquals(versions, declared, "org.vavl.libs/META-INF/MANIFEST.MF Export-Package: every package with the "
            + "version of its library (its jar's Maven version in OSGi form); it should be:\n"
            + header("Export-Package", new TreeSet<>(expected)));
    }

    /**
     * The OSGi form of a Maven version, as bnd writes it: major.minor.micro, and the rest as the qualifier with
     * characters other than letters, digits, '_' and '-' replaced by '_' (2.5.1-0.32.0 -> 2.5.1.0_32_0).
     */
    static String osgiVersion(final String maven) {
        final int dash = maven.indexOf('-');
        final List<String> parts = new ArrayList<>(List.of((dash < 0 ? maven : maven.substring(0, dash)).split("\\.")));
        while (parts.size() < 3) {
            parts.add("0");
        }
        String v = String.join(".", parts.subList(0, 3));
        if (dash >= 0) {
            v += "." + maven.substring(dash + 1).replaceAll("[^A-Za-z0-9_-]", "_");
        }
        return v;
    }

    @Test
    void osgiVersionsOfMavenVersions() {
        assertEquals("2.0.16", osgiVersion("2.0.16"));
        assertEquals("2.5.1.0_32_0", osgiVersion("2.5.1-0.32.0"));
        assertEquals("7.1.0", osgiVersion("7.1"));
    }

    /** Package to the OSGi version of the nested jar holding it ({@code lib/<group>.<artifact>-<version>.jar}). */
    private static Map<String, String> packageVersionsInNestedJars(final Path jar) throws IOException {
        final Map<String, String> out = new TreeMap<>();
        final Pattern name = Pattern.compile("^lib/.*?-(\\d[^/]*)\\.jar$");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (final Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                final ZipEntry entry = e.nextElement();
                final Matcher m = name.matcher(entry.getName());
                if (m.matches()) {
                    final String version = osgiVersion(m.group(1));
                    BuiltSite.withNestedJar(z, entry, nested -> {
                        final Set<String> ps = new TreeSet<>();
                        for (final Enumeration<? extends ZipEntry> n = nested.entries(); n.hasMoreElements();) {
                            addPackage(ps, n.nextElement().getName());
                        }
                        for (final String p : ps) {
                            final String before = out.put(p, version);
                            assertTrue(before == null || before.equals(version),
                                p + " is in two libraries of versions " + before + " and " + version);
                        }
                    });
                }
            }
        }
        return out;
    }

    /** The clauses of a header with their attributes (split on commas outside quotes). */
    private static List<String> fullClauses(final String header) {
        final List<String> out = new ArrayList<>();
        final StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (final char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    @Test
    void fragmentClassPathMatchesItsJarsAndItsPlatform() throws Exception {
        for (final SitePlatform p : SitePlatform.inSite()) {
            final Path jar = BuiltSite.plugin(p.fragment());
            final Attributes a = BuiltSite.manifest(jar).getMainAttributes();
            assertEquals(libEntries(jar), new TreeSet<>(BuiltSite.clauses(a.getValue("Bundle-ClassPath"))),
                p.fragment() + "/META-INF/MANIFEST.MF Bundle-ClassPath vs the jars in lib/");
            assertEquals(LIBS, BuiltSite.clauses(a.getValue("Fragment-Host")).get(0));
            assertEquals(p.filter(), a.getValue("Eclipse-PlatformFilter"));
            assertEquals("dir", a.getValue("Eclipse-BundleShape"));
            for (final String lib : libEntries(jar)) {
                assertTrue(lib.endsWith("-" + p.javacpp + ".jar") || lib.endsWith("-" + p.djl + ".jar"),
                    "not a " + p.javacpp + " jar in " + p.fragment() + ": " + lib);
            }
        }
    }

    @Test
    void engineAndNodesExportEveryPackageTheyHoldAndNoOther() throws Exception {
        for (final String b : List.of(CORE, NODES)) {
            final Path jar = BuiltSite.plugin(b);
            final Set<String> exported = new TreeSet<>(
                BuiltSite.clauses(BuiltSite.manifest(jar).getMainAttributes().getValue("Export-Package")));
            final Set<String> missing = new TreeSet<>(packagesIn(jar));
            missing.removeAll(exported);
            assertEquals(Set.of(), missing, b + "/META-INF/MANIFEST.MF: add these packages to Export-Package");
            final Set<String> empty = new TreeSet<>(exported);
            empty.removeAll(packagesIn(jar));
            assertEquals(Set.of(), empty, b + "/META-INF/MANIFEST.MF exports packages with no classes: remove them");
        }
    }

    @Test
    void nodesJarHoldsPluginXmlAndNodeDescriptions() throws Exception {
        try (ZipFile z = new ZipFile(BuiltSite.plugin(NODES).toFile())) {
            final String pluginXml = new String(BuiltSite.read(z, "plugin.xml"), java.nio.charset.StandardCharsets.UTF_8);
            final Matcher m = Pattern.compile("factory-class=\"([^\"]+)\"").matcher(pluginXml);
            int factories = 0;
            while (m.find()) {
                final String path = m.group(1).replace('.', '/');
                if (z.getEntry(path + ".class") != null) {
                    factories++;
                    // KNIME reads the node description next to the factory: <Factory>.xml
                    assertTrue(z.getEntry(path + ".xml") != null, "no node description " + path + ".xml in the nodes jar");
                }
            }
            final Matcher icon = Pattern.compile("icon=\"([^\"]+)\"").matcher(pluginXml);
            while (icon.find()) {
                if (BuiltSite.repoDir().resolve("org.vavl.knime.nodes").resolve(icon.group(1)).toFile().isFile()) {
                    assertTrue(z.getEntry(icon.group(1)) != null, "category icon " + icon.group(1) + " not in the jar");
                }
            }
            System.out.println("nodes jar: plugin.xml and " + factories + " node factories with descriptions");
        }
    }

    /**
     * What the engine and the nodes reference (jdeps) must be visible to them inside OSGi: the JDK, their own
     * packages, the library bundle's exports (org.vavl.core re-exports org.vavl.libs), the engine's exports (for
     * the nodes), and org.knime.* (for the nodes: KNIME's org.knime.core at run time).
     */
    @Test
    void everyPackageTheEngineAndTheNodesUseIsVisibleInOsgi() throws Exception {
        final Set<String> libs = new TreeSet<>(
            BuiltSite.clauses(BuiltSite.manifest(BuiltSite.plugin(LIBS)).getMainAttributes().getValue("Export-Package")));
        final Set<String> core = new TreeSet<>(
            BuiltSite.clauses(BuiltSite.manifest(BuiltSite.plugin(CORE)).getMainAttributes().getValue("Export-Package")));
        final Set<String> missing = new TreeSet<>();
        for (final String pkg : referencedNonJdkPackages(BuiltSite.plugin(CORE))) {
            if (!libs.contains(pkg) && !core.contains(pkg)) {
                missing.add(CORE + " uses " + pkg);
            }
        }
        for (final String pkg : referencedNonJdkPackages(BuiltSite.plugin(NODES))) {
            if (!libs.contains(pkg) && !core.contains(pkg) && !pkg.startsWith("org.knime.")) {
                missing.add(NODES + " uses " + pkg);
            }
        }
        assertEquals(Set.of(), missing, "packages no bundle exports (add the library to org.vavl.libs)");
    }

    /** Packages that classes of the jar reference and that are neither in the JDK nor in the jar itself. */
    private static Set<String> referencedNonJdkPackages(final Path jar) {
        final ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        final StringWriter out = new StringWriter();
        final int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "--multi-release",
            "17", jar.toString());
        assertEquals(0, rc, out.toString());
        final Set<String> own = packagesIn(jar);
        final Set<String> result = new TreeSet<>();
        final Pattern line = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+not found\\s*$");
        for (final String l : out.toString().split("\\R")) {
            final Matcher m = line.matcher(l);
            if (m.matches() && !own.contains(m.group(2))) {
                result.add(m.group(2));
            }
        }
        return result;
    }

    private static Set<String> libEntries(final Path jar) throws IOException {
        final Set<String> out = new TreeSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (final Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                final String n = e.nextElement().getName();
                if (n.startsWith("lib/") && n.endsWith(".jar")) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static Set<String> packagesIn(final Path jar) {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            final Set<String> out = new TreeSet<>();
            for (final Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                addPackage(out, e.nextElement().getName());
            }
            return out;
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> packagesInNestedJars(final Path jar) throws IOException {
        final Set<String> out = new TreeSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (final Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                final ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    BuiltSite.withNestedJar(z, entry, nested -> {
                        for (final Enumeration<? extends ZipEntry> n = nested.entries(); n.hasMoreElements();) {
                            addPackage(out, n.nextElement().getName());
                        }
                    });
                }
            }
        }
        return out;
    }

    /** The package of a class entry; multi-release, module-info and package-info entries do not count. */
    private static void addPackage(final Set<String> out, final String entry) {
        if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && entry.indexOf('/') > 0
            && !entry.endsWith("module-info.class") && !entry.endsWith("package-info.class")) {
            out.add(entry.substring(0, entry.lastIndexOf('/')).replace('/', '.'));
        }
    }

    private static String header(final String name, final Set<String> values) {
        return name + ": " + String.join(",\n ", new ArrayList<>(new LinkedHashSet<>(values)));
    }
}
