package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The Tycho build (tycho/pom.xml, docs/build.md) cannot run on the project's machines (it needs KNIME's update
 * site), so its inputs are checked here against what the plain Maven build uses: a pom-tycho.xml per folder with
 * the bundle's symbolic name and version, and build.properties that include the same sources and files.
 */
class TychoLayoutTest {

    private static final List<String> FOLDERS = List.of(BuiltSite.LIBS, "org.vavl.libs.linux.x86_64",
        "org.vavl.libs.win32.x86_64", "org.vavl.libs.macosx.aarch64", BuiltSite.CORE, BuiltSite.NODES, BuiltSite.FEATURE,
        "org.vavl.knime.update");

    @Test
    void aggregatorListsEveryFolderOnce() throws Exception {
        final Element pom = BuiltSite.xml(Files.readAllBytes(BuiltSite.repoDir().resolve("tycho/pom.xml")))
            .getDocumentElement();
        final Set<String> modules = new TreeSet<>();
        for (final Element m : BuiltSite.elements(pom, "module")) {
            modules.add(m.getTextContent().trim());
        }
        assertEquals(FOLDERS.stream().map(f -> "../" + f + "/pom-tycho.xml").collect(Collectors.toCollection(TreeSet::new)),
            modules);
    }

    @Test
    void bundleFoldersHaveMatchingTychoPomsAndBuildProperties() throws Exception {
        final List<String> bundles = new java.util.ArrayList<>(List.of(BuiltSite.LIBS, BuiltSite.CORE, BuiltSite.NODES));
        bundles.addAll(SitePlatform.allFragments());
        for (final String folder : bundles) {
            final Path dir = BuiltSite.repoDir().resolve(folder);
            final Manifest mf;
            try (InputStream in = Files.newInputStream(dir.resolve("META-INF/MANIFEST.MF"))) {
                mf = new Manifest(in);
            }
            final String bsn = mf.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
            assertEquals(folder, bsn, "folder name = Bundle-SymbolicName");
            assertEquals("1.0.0.qualifier", mf.getMainAttributes().getValue("Bundle-Version"), folder);
            final Element pom = tychoPom(folder);
            assertEquals(bsn, text(pom, "artifactId"));
            assertEquals("eclipse-plugin", text(pom, "packaging"));

            final Properties build = buildProperties(dir);
            final List<String> bin = list(build.getProperty("bin.includes"));
            assertTrue(bin.contains("META-INF/"), folder + " bin.includes");
            if (mf.getMainAttributes().getValue("Bundle-ClassPath").contains("lib/")) {
                assertTrue(bin.contains("lib/"), folder + ": bin.includes must list lib/");
            }
            for (final String file : List.of("plugin.xml", "icons")) {
                if (Files.exists(dir.resolve(file))) {
                    assertTrue(bin.contains(file) || bin.contains(file + "/"), folder + ": bin.includes must list " + file);
                }
            }
            if (Files.isDirectory(dir.resolve("src/main/java"))) {
                final List<String> src = list(build.getProperty("source.."));
                for (final String s : List.of("src/main/java/", "src/main/resources/")) {
                    if (Files.isDirectory(dir.resolve(s))) {
                        assertTrue(src.contains(s), folder + ": source.. must list " + s + " (Tycho copies resources "
                            + "only from source folders)");
                    }
                }
            }
        }
    }

    @Test
    void featureAndSiteFolders() throws Exception {
        assertEquals("eclipse-feature", text(tychoPom(BuiltSite.FEATURE), "packaging"));
        assertEquals(List.of("feature.xml"),
            list(buildProperties(BuiltSite.repoDir().resolve(BuiltSite.FEATURE)).getProperty("bin.includes")));
        // Tycho reads p2.inf next to feature.xml: it holds the platform refusal only; the plain build's category
        // advice (p2-category/p2.inf) must stay out of its way, or Tycho would show the category twice
        final String p2inf = Files.readString(BuiltSite.repoDir().resolve(BuiltSite.FEATURE).resolve("p2.inf"));
        assertTrue(p2inf.contains("requires.0.filter="), "the platform refusal is in " + BuiltSite.FEATURE + "/p2.inf");
        assertTrue(!p2inf.contains("units."), BuiltSite.FEATURE + "/p2.inf must not declare the category");
        assertEquals("eclipse-repository", text(tychoPom("org.vavl.knime.update"), "packaging"));
        assertTrue(Files.isRegularFile(BuiltSite.repoDir().resolve("org.vavl.knime.update/category.xml")));
    }

    private static Element tychoPom(final String folder) throws Exception {
        return BuiltSite.xml(Files.readAllBytes(BuiltSite.repoDir().resolve(folder).resolve("pom-tycho.xml")))
            .getDocumentElement();
    }

    private static String text(final Element pom, final String child) {
        for (final Element e : BuiltSite.elements(pom, child)) {
            if (e.getParentNode() == pom) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Properties buildProperties(final Path dir) throws Exception {
        final Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("build.properties"), StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        return p;
    }

    private static List<String> list(final String value) {
        return value == null ? List.of()
            : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
