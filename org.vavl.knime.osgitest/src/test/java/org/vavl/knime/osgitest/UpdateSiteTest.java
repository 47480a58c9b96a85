package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vavl.knime.osgitest.BuiltSite.BUNDLES;
import static org.vavl.knime.osgitest.BuiltSite.CORE;
import static org.vavl.knime.osgitest.BuiltSite.FEATURE;
import static org.vavl.knime.osgitest.BuiltSite.LIBS;
import static org.vavl.knime.osgitest.BuiltSite.NODES;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The update site as a KNIME user gets it: the zip for "Install New Software > Add > Archive", its p2 content and
 * artifacts metadata, the feature and the category.
 */
class UpdateSiteTest {

    @Test
    void zipListsFeatureBundlesAndFragment() throws Exception {
        final String v = BuiltSite.version();
        final Set<String> files = new TreeSet<>();
        try (ZipFile z = new ZipFile(BuiltSite.zip().toFile())) {
            for (final Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                final ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    files.add(entry.getName());
                }
            }
        }
        final Set<String> expected = new TreeSet<>(List.of("content.jar", "artifacts.jar",
            "features/" + FEATURE + "_" + v + ".jar"));
        for (final String b : BuiltSite.siteBundles()) {
            expected.add("plugins/" + b + "_" + v + ".jar");
        }
        assertEquals(expected, files, "files at the root of " + BuiltSite.zip().getFileName());
        // the zip says what it holds: no suffix for the release site (all platforms), else the one platform
        final String name = BuiltSite.zip().getFileName().toString().replace("-cuda", "");
        if (SitePlatform.inSite().size() == SitePlatform.values().length) {
            assertEquals("vavl-knime-update-site-" + v + ".zip", name);
        } else {
            final SitePlatform only = SitePlatform.inSite().get(0);
            assertEquals("vavl-knime-update-site-" + v + "-" + only.os + "." + only.arch + ".zip", name);
        }
        // the natives are really in: ~290 MB of the 2.5 GB of jars DJL and JavaCV would otherwise download
        assertTrue(Files.size(BuiltSite.zip()) > 200_000_000L, "site zip is too small to hold the natives");
    }

    @Test
    void everyBundleCarriesTheBuildVersion() throws Exception {
        final String v = BuiltSite.version();
        for (final String b : BuiltSite.siteBundles()) {
            final Manifest m = BuiltSite.manifest(BuiltSite.plugin(b));
            final String bsn = m.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
            assertEquals(b, bsn);
            assertEquals(v, m.getMainAttributes().getValue("Bundle-Version"), "Bundle-Version of " + b);
        }
    }

    @Test
    void contentMetadataHasTheVavlCategory() throws Exception {
        final String v = BuiltSite.version();
        final Map<String, Element> units = BuiltSite.unitsOfZip();
        final List<Element> categories = new ArrayList<>();
        for (final Element u : units.values()) {
            if ("true".equals(BuiltSite.properties(u).get("org.eclipse.equinox.p2.type.category"))) {
                categories.add(u);
            }
        }
        assertEquals(1, categories.size(), "category units in content.xml");
        final Element cat = categories.get(0);
        assertEquals("VAVL", BuiltSite.properties(cat).get("org.eclipse.equinox.p2.name"));
        final List<Element> req = BuiltSite.elements(cat, "required");
        assertEquals(1, req.size());
        assertEquals(FEATURE + ".feature.group", req.get(0).getAttribute("name"));
        assertEquals("[" + v + "," + v + "]", req.get(0).getAttribute("range"));
    }

    @Test
    void featureGroupInstallsTheBundlesEverywhereAndEachFragmentOnItsPlatform() throws Exception {
        final String v = BuiltSite.version();
        final Element group = BuiltSite.unitsOfZip().get(FEATURE + ".feature.group");
        assertNotNull(group, "no feature group in content.xml");
        assertEquals(v, group.getAttribute("version"));
        assertEquals("VAVL for KNIME", BuiltSite.properties(group).get("org.eclipse.equinox.p2.name"));
        for (final String b : BUNDLES) {
            final Element r = required(group, b);
            assertEquals("[" + v + "," + v + "]", r.getAttribute("range"), "feature's requirement on " + b);
            assertTrue(BuiltSite.elements(r, "filter").isEmpty(), b + " must install everywhere");
        }
        // all three fragments are required, each only on its platform (a one-platform site lacks the other two:
        // p2 then names the missing fragment on those platforms; the release site has them all)
        for (final SitePlatform p : SitePlatform.values()) {
            final Element r = required(group, p.fragment());
            assertEquals("[" + v + "," + v + "]", r.getAttribute("range"), "feature's requirement on " + p.fragment());
            final List<Element> filter = BuiltSite.elements(r, "filter");
            assertEquals(1, filter.size());
            assertEquals("(&(osgi.arch=" + p.arch + ")(osgi.os=" + p.os + "))", filter.get(0).getTextContent().trim());
            assertEquals(SitePlatform.inSite().contains(p), BuiltSite.unitsOfZip().containsKey(p.fragment()),
                p.fragment() + " in the site");
        }
        assertTrue(BuiltSite.elements(group, "license").get(0).getTextContent().contains("MIT License"));
    }

    @Test
    void nodesBundleLeavesOrgKnimeCoreToKnime() throws Exception {
        final Element nodes = BuiltSite.unitsOfZip().get(NODES);
        assertNotNull(nodes);
        final Element knime = required(nodes, "org.knime.core");
        assertEquals("osgi.bundle", knime.getAttribute("namespace"));
        assertEquals("[5.3.0,6.0.0)", knime.getAttribute("range"));
        assertEquals("osgi.bundle", required(nodes, CORE).getAttribute("namespace"));
        assertEquals("osgi.bundle", required(BuiltSite.unitsOfZip().get(CORE), LIBS).getAttribute("namespace"));
        // org.knime.core is resolved by KNIME at install time: nothing in this site provides it
        for (final Element u : BuiltSite.unitsOfZip().values()) {
            for (final Element p : BuiltSite.elements(u, "provided")) {
                assertTrue(!p.getAttribute("name").startsWith("org.knime."), "the site provides " + p.getAttribute("name"));
            }
        }
    }

    @Test
    void libraryBundleAndFragmentAreUnpackedOnInstall() throws Exception {
        final Map<String, Element> units = BuiltSite.unitsOfZip();
        final List<String> dirShaped = new ArrayList<>(List.of(LIBS));
        dirShaped.addAll(SitePlatform.fragmentsInSite());
        for (final String b : dirShaped) {
            assertEquals("true", instruction(units.get(b), "zipped"), b + " is Eclipse-BundleShape: dir");
        }
        for (final String b : List.of(NODES, CORE)) {
            assertEquals(null, instruction(units.get(b), "zipped"), b + " stays a jar");
        }
        for (final SitePlatform p : SitePlatform.inSite()) {
            final Element fragment = units.get(p.fragment());
            assertEquals("(&(osgi.arch=" + p.arch + ")(osgi.os=" + p.os + "))",
                BuiltSite.elements(fragment, "filter").get(0).getTextContent().trim());
            boolean hostsLibs = false;
            for (final Element pr : BuiltSite.elements(fragment, "provided")) {
                hostsLibs |= "osgi.fragment".equals(pr.getAttribute("namespace")) && LIBS.equals(pr.getAttribute("name"));
            }
            assertTrue(hostsLibs, "the host of " + p.fragment() + " is " + LIBS);
        }
    }

    @Test
    void artifactsMetadataMatchesTheFiles() throws Exception {
        try (ZipFile z = new ZipFile(BuiltSite.zip().toFile())) {
            final Document d = BuiltSite.xml(BuiltSite.readInner(BuiltSite.read(z, "artifacts.jar"), "artifacts.xml"));
            final List<Element> artifacts = BuiltSite.elements(d.getDocumentElement(), "artifact");
            assertEquals(BuiltSite.siteBundles().size() + 1, artifacts.size());
            for (final Element a : artifacts) {
                final String dir = a.getAttribute("classifier").equals("osgi.bundle") ? "plugins/" : "features/";
                final String file = dir + a.getAttribute("id") + "_" + a.getAttribute("version") + ".jar";
                final ZipEntry e = z.getEntry(file);
                assertNotNull(e, "artifacts.xml names " + file + ", which is not in the zip");
                String size = null;
                for (final Element p : BuiltSite.elements(a, "property")) {
                    if (p.getAttribute("name").equals("artifact.size")) {
                        size = p.getAttribute("value");
                    }
                }
                assertEquals(Long.toString(e.getSize()), size, "size of " + file);
            }
        }
    }

    @Test
    void featureJarHoldsFeatureXmlWithExactVersions() throws Exception {
        final String v = BuiltSite.version();
        try (ZipFile z = new ZipFile(BuiltSite.zip().toFile())) {
            final byte[] featureJar = BuiltSite.read(z, "features/" + FEATURE + "_" + v + ".jar");
            final Element f = BuiltSite.xml(BuiltSite.readInner(featureJar, "feature.xml")).getDocumentElement();
            assertEquals(FEATURE, f.getAttribute("id"));
            assertEquals("VAVL for KNIME", f.getAttribute("label"));
            assertEquals(v, f.getAttribute("version"));
            final List<String> ids = new ArrayList<>();
            for (final Element p : BuiltSite.elements(f, "plugin")) {
                ids.add(p.getAttribute("id"));
                assertEquals(v, p.getAttribute("version"), "feature.xml version of " + p.getAttribute("id"));
                if (p.getAttribute("id").startsWith(LIBS + ".")) {
                    final SitePlatform platform = SitePlatform.ofFragment(p.getAttribute("id"));
                    assertEquals(platform.os, p.getAttribute("os"));
                    assertEquals(platform.arch, p.getAttribute("arch"));
                    assertEquals("true", p.getAttribute("fragment"));
                    assertEquals("true", p.getAttribute("unpack"));
                } else {
                    assertEquals("", p.getAttribute("os") + p.getAttribute("arch"), p.getAttribute("id") + " everywhere");
                }
            }
            final List<String> all = new ArrayList<>(BUNDLES);
            all.addAll(SitePlatform.allFragments());
            assertEquals(all, ids);
        }
    }

    private static Element required(final Element unit, final String name) {
        for (final Element r : BuiltSite.elements(unit, "required")) {
            if (name.equals(r.getAttribute("name"))) {
                return r;
            }
        }
        throw new AssertionError(unit.getAttribute("id") + " does not require " + name);
    }

    private static String instruction(final Element unit, final String key) {
        for (final Element i : BuiltSite.elements(unit, "instruction")) {
            if (key.equals(i.getAttribute("key"))) {
                return i.getTextContent().trim();
            }
        }
        return null;
    }
}
