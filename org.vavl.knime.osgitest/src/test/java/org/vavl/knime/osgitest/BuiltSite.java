package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Where the built update site is, and small readers for what is inside it. */
final class BuiltSite {

    /** Bundle and feature versions of one build: 1.0.0.v + yyyyMMddHHmm. */
    static final Pattern VERSION = Pattern.compile("1\\.0\\.0\\.v\\d{12}");

    static final String FEATURE = "org.vavl.knime.feature";
    static final String NODES = "org.vavl.knime.nodes";
    static final String CORE = "org.vavl.core";
    static final String LIBS = "org.vavl.libs";
    /** The bundles of every site; the native fragments come on top (SitePlatform). */
    static final List<String> BUNDLES = List.of(NODES, CORE, LIBS);

    private BuiltSite() {
    }

    static Path repoDir() {
        return Paths.get(System.getProperty("vavl.repo.dir", "..")).toAbsolutePath().normalize();
    }

    static Path updateTarget() {
        final String p = System.getProperty("vavl.update.target");
        return (p != null ? Paths.get(p) : repoDir().resolve("org.vavl.knime.update/target")).toAbsolutePath()
            .normalize();
    }

    /** The p2 repository folder the build wrote. */
    static Path repository() {
        final Path r = updateTarget().resolve("repository");
        assertTrue(Files.isRegularFile(r.resolve("content.jar")),
            "No p2 repository at " + r + ": build the site first (mvn -B verify from the repository root)");
        return r;
    }

    /** The one site zip of this build. */
    static Path zip() throws IOException {
        try (Stream<Path> s = Files.list(updateTarget())) {
            final List<Path> zips = s.filter(p -> p.getFileName().toString().matches("vavl-knime-update-site-.*\\.zip"))
                .collect(Collectors.toList());
            assertEquals(1, zips.size(), "Expected exactly one site zip in " + updateTarget() + ", found " + zips);
            return zips.get(0);
        }
    }

    /** The bundles of this build's site: {@link #BUNDLES} and the native fragments it holds. */
    static List<String> siteBundles() {
        final List<String> out = new ArrayList<>(BUNDLES);
        out.addAll(SitePlatform.fragmentsInSite());
        return out;
    }

    /** The version of this build, read from the zip name (-linux.x86_64 etc. for a one-platform site, -cuda). */
    static String version() throws IOException {
        final Matcher m = Pattern.compile("vavl-knime-update-site-(.*?)(-[a-z0-9]+\\.[a-z0-9_]+)?(-cuda)?\\.zip")
            .matcher(zip().getFileName().toString());
        assertTrue(m.matches());
        assertTrue(VERSION.matcher(m.group(1)).matches(), "Site version is no OSGi build version: " + m.group(1));
        return m.group(1);
    }

    /** A bundle jar of the site, by symbolic name. */
    static Path plugin(final String symbolicName) throws IOException {
        final Path p = repository().resolve("plugins").resolve(symbolicName + "_" + version() + ".jar");
        assertTrue(Files.isRegularFile(p), "Missing in the site: " + p);
        return p;
    }

    static Manifest manifest(final Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest();
        }
    }

    static byte[] read(final ZipFile zip, final String entry) throws IOException {
        final ZipEntry e = zip.getEntry(entry);
        assertTrue(e != null, "No " + entry + " in " + zip.getName());
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    /** The one file inside a small jar (content.jar holds content.xml). */
    static byte[] readInner(final byte[] jar, final String entry) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals(entry)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("No " + entry + " inside the jar");
    }

    static Document xml(final byte[] bytes) throws Exception {
        final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static List<Element> elements(final Element parent, final String tag) {
        final NodeList l = parent.getElementsByTagName(tag);
        final List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element)l.item(i));
        }
        return out;
    }

    /** The content metadata (content.xml) of the site zip, by installable-unit id. */
    static Map<String, Element> unitsOfZip() throws Exception {
        try (ZipFile z = new ZipFile(zip().toFile())) {
            final Document d = xml(readInner(read(z, "content.jar"), "content.xml"));
            final Map<String, Element> units = new LinkedHashMap<>();
            for (final Element u : elements(d.getDocumentElement(), "unit")) {
                units.put(u.getAttribute("id"), u);
            }
            return units;
        }
    }

    /** The p2 properties of a unit. */
    static Map<String, String> properties(final Element unit) {
        final Map<String, String> out = new LinkedHashMap<>();
        for (final Element p : elements(unit, "property")) {
            if (p.getParentNode().getParentNode() == unit) {
                out.put(p.getAttribute("name"), p.getAttribute("value"));
            }
        }
        return out;
    }

    /** Something done with a jar that sits inside another zip or jar. */
    interface NestedJarVisitor {
        void visit(ZipFile nested) throws IOException;
    }

    /**
     * Opens a jar that is an entry of another zip: it is copied to a temporary file and read through its central
     * directory (reading it as a stream would inflate every native library inside just to skip it).
     */
    static void withNestedJar(final ZipFile outer, final ZipEntry entry, final NestedJarVisitor visitor)
        throws IOException {
        final Path tmp = Files.createTempFile("vavl-nested", ".jar");
        try {
            try (InputStream in = outer.getInputStream(entry)) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile nested = new ZipFile(tmp.toFile())) {
                visitor.visit(nested);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The comma-separated clauses of a manifest header, without their attributes and directives. */
    static List<String> clauses(final String header) {
        final List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        // split on commas outside quotes
        final StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (final char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().split(";")[0].trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.toString().trim().length() > 0) {
            out.add(cur.toString().split(";")[0].trim());
        }
        return out;
    }
}
