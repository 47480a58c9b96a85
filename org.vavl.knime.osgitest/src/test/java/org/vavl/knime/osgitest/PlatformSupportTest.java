package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Element;

/**
 * The three native fragments as sources (checked on every build, also where the default build makes only one of
 * them) and what p2 does with the site on each platform: the fragment of the platform is installed, the others
 * are not, and on a platform without natives the installation is refused with a requirement that names it. The
 * p2 filters are evaluated with OSGi's own LDAP filter implementation against the osgi.os / osgi.arch of a p2
 * profile, as p2 does.
 */
class PlatformSupportTest {

    /** Platforms KNIME runs on for which there is no fragment, and the words the refusal must contain. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
        "macosx/x86_64", "macOS x86_64 (Intel Macs)",
        "linux/aarch64", "Linux aarch64",
        "win32/aarch64", "Windows aarch64",
        "linux/ppc64le", "this platform",
        "solaris/sparc", "this platform");

    private static final String SUPPORTED_TEXT = "Supported: Linux x86_64, Windows x86_64, macOS aarch64 (Apple silicon)";

    @Test
    void eachFragmentSourceHasItsHostFilterShapeAndExactlyItsPlatformsJars() throws Exception {
        final Properties versions = rootPomProperties();
        for (final SitePlatform p : SitePlatform.values()) {
            final Path dir = BuiltSite.repoDir().resolve(p.fragment());
            final Manifest mf;
            try (InputStream in = Files.newInputStream(dir.resolve("META-INF/MANIFEST.MF"))) {
                mf = new Manifest(in);
            }
            final var a = mf.getMainAttributes();
            assertEquals(p.fragment(), a.getValue("Bundle-SymbolicName"));
            assertEquals("org.vavl.libs;bundle-version=\"[1.0.0,2.0.0)\"", a.getValue("Fragment-Host"), p.fragment());
            assertEquals(p.filter(), a.getValue("Eclipse-PlatformFilter"), p.fragment());
            assertEquals("dir", a.getValue("Eclipse-BundleShape"), p.fragment());
            assertEquals(null, a.getValue("Bundle-NativeCode"), "the loaders unpack the natives themselves");
            // exactly the five classifier jars of the platform, at the versions of the root pom
            final List<String> expected = List.of(
                "lib/ai.djl.pytorch.pytorch-native-cpu-" + versions.getProperty("pytorch.version") + "-" + p.djl + ".jar",
                "lib/org.bytedeco.ffmpeg-" + versions.getProperty("ffmpeg.version") + "-" + p.javacpp + ".jar",
                "lib/org.bytedeco.javacpp-" + versions.getProperty("javacpp.version") + "-" + p.javacpp + ".jar",
                "lib/org.bytedeco.openblas-" + versions.getProperty("openblas.version") + "-" + p.javacpp + ".jar",
                "lib/org.bytedeco.opencv-" + versions.getProperty("opencv.version") + "-" + p.javacpp + ".jar");
            assertEquals(expected, BuiltSite.clauses(a.getValue("Bundle-ClassPath")), p.fragment() + " Bundle-ClassPath");
            // the pom that fills lib/ takes the same classifiers
            final String pom = Files.readString(dir.resolve("pom.xml"));
            assertTrue(pom.contains("<fragment.djl.classifier>" + p.djl + "</fragment.djl.classifier>"), p.fragment());
            assertTrue(pom.contains("<fragment.javacpp.classifier>" + p.javacpp + "</fragment.javacpp.classifier>"),
                p.fragment());
        }
    }

    @Test
    void featureXmlSourceListsEveryFragmentWithItsPlatform() throws Exception {
        final Element feature = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(BuiltSite.repoDir().resolve("org.vavl.knime.feature/feature.xml").toFile()).getDocumentElement();
        final List<String> fragments = new ArrayList<>();
        for (final Element plugin : BuiltSite.elements(feature, "plugin")) {
            if ("true".equals(plugin.getAttribute("fragment"))) {
                final SitePlatform p = SitePlatform.ofFragment(plugin.getAttribute("id"));
                fragments.add(p.fragment());
                assertEquals(p.os, plugin.getAttribute("os"));
                assertEquals(p.arch, plugin.getAttribute("arch"));
            }
        }
        assertEquals(SitePlatform.allFragments(), fragments);
    }

    /**
     * The built site's content metadata on each platform: which fragment requirements of the feature apply and
     * which refusal applies. On the three platforms exactly their fragment and no refusal; elsewhere no fragment
     * and one refusal naming the platform and the supported list.
     */
    @Test
    void p2InstallsTheMatchingFragmentAndRefusesOtherPlatformsByName() throws Exception {
        final Element group = BuiltSite.unitsOfZip().get(BuiltSite.FEATURE + ".feature.group");
        for (final SitePlatform p : SitePlatform.values()) {
            final Applying a = applying(group, p.os, p.arch);
            assertEquals(List.of(p.fragment()), a.fragments, "fragments p2 installs on " + p.os + "/" + p.arch);
            assertEquals(List.of(), a.refusals, "refusals on " + p.os + "/" + p.arch);
        }
        for (final Map.Entry<String, String> e : UNSUPPORTED.entrySet()) {
            final String[] osArch = e.getKey().split("/");
            final Applying a = applying(group, osArch[0], osArch[1]);
            assertEquals(List.of(), a.fragments, "fragments on " + e.getKey());
            assertEquals(1, a.refusals.size(), "refusals on " + e.getKey() + ": " + a.refusals);
            assertEquals("VAVL for KNIME has no native libraries for " + e.getValue() + ". " + SUPPORTED_TEXT,
                a.refusals.get(0));
        }
    }

    /** What of the feature group's requirements applies on a platform. */
    private static final class Applying {
        final List<String> fragments = new ArrayList<>();
        final List<String> refusals = new ArrayList<>();
    }

    private static Applying applying(final Element group, final String os, final String arch) throws Exception {
        final Hashtable<String, String> env = new Hashtable<>();
        env.put("osgi.os", os);
        env.put("osgi.arch", arch);
        env.put("osgi.ws", os.equals("win32") ? "win32" : os.equals("macosx") ? "cocoa" : "gtk");
        env.put("org.eclipse.update.install.features", "true");
        final Applying out = new Applying();
        for (final Element r : BuiltSite.elements(group, "required")) {
            final List<Element> f = BuiltSite.elements(r, "filter");
            final Filter filter = f.isEmpty() ? null : FrameworkUtil.createFilter(f.get(0).getTextContent().trim());
            if (filter != null && !filter.matchCase(env)) {
                continue;
            }
            final String name = r.getAttribute("name");
            if ("org.vavl.knime.platform".equals(r.getAttribute("namespace"))) {
                out.refusals.add(name);
            } else if (name.startsWith(BuiltSite.LIBS + ".")) {
                out.fragments.add(name);
            }
        }
        return out;
    }

    private static Properties rootPomProperties() throws Exception {
        final Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(BuiltSite.repoDir().resolve("pom.xml").toFile()).getDocumentElement();
        final Properties out = new Properties();
        for (final Element props : BuiltSite.elements(pom, "properties")) {
            if (props.getParentNode() == pom) {
                for (final Element e : BuiltSite.elements(props, "*")) {
                    out.setProperty(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        return out;
    }
}
