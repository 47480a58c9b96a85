package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * KNIME's classes come from KNIME at run time (Require-Bundle: org.knime.core); the test kit that stands in for
 * them at build time must never ship. Every entry of the site zip is checked, jars inside jars included.
 */
class NoKnimeClassInSiteTest {

    @Test
    void noKnimeOrTestKitClassInAnyArtifactOfTheSite() throws Exception {
        final Set<String> testKitClasses = testKitClasses();
        final List<String> offending = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final int[] classes = {0};
        try (ZipFile site = new ZipFile(BuiltSite.zip().toFile())) {
            scan(site, BuiltSite.zip().getFileName().toString(), entry -> {
                final String name = entry[1];
                if (name.endsWith(".class")) {
                    classes[0]++;
                    seen.add(name);
                    if (name.startsWith("org/knime/") || name.contains("/org/knime/")
                        || testKitClasses.contains(name)) {
                        offending.add(entry[0] + "!/" + name);
                    }
                }
            });
        }
        assertEquals(List.of(), offending, "KNIME or test-kit classes inside the update site");
        // the scan really went into the nested library jars and into the engine bundle
        assertTrue(seen.contains("ai/djl/ndarray/NDArray.class"), "DJL not seen inside org.vavl.libs");
        assertTrue(seen.contains("org/bytedeco/javacv/FFmpegFrameGrabber.class"), "JavaCV not seen");
        assertTrue(seen.contains("org/vavl/core/util/DjlRuntime.class"), "engine classes not seen");
        assertTrue(classes[0] > 4_000, "only " + classes[0] + " classes scanned");
    }

    /** The classes the test kit module compiles (its own packages included), when it has been built. */
    private static Set<String> testKitClasses() throws IOException {
        final Path classes = BuiltSite.repoDir().resolve("org.vavl.knime.testkit/target/classes");
        final Set<String> out = new HashSet<>();
        if (Files.isDirectory(classes)) {
            try (Stream<Path> s = Files.walk(classes)) {
                out.addAll(s.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/')).collect(Collectors.toSet()));
            }
        }
        return out;
    }

    private interface EntryVisitor {
        void visit(String[] containerAndName) throws IOException;
    }

    /** Visits every entry of a zip, descending into entries that are jars or zips themselves. */
    private static void scan(final ZipFile zip, final String container, final EntryVisitor visitor)
        throws IOException {
        for (final Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
            final ZipEntry e = en.nextElement();
            visitor.visit(new String[]{container, e.getName()});
            if (e.getName().endsWith(".jar") || e.getName().endsWith(".zip")) {
                BuiltSite.withNestedJar(zip, e, nested -> scan(nested, container + "!/" + e.getName(), visitor));
            }
        }
    }
}
