package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The whole site resolved by Equinox as KNIME on each platform would resolve it: the framework's osgi.os /
 * osgi.arch / osgi.ws set to the platform, every bundle of the site installed (all fragments, as a p2 that ignored
 * filters would install them), plus a stand-in for KNIME's org.knime.core (an empty bundle of that name and
 * version 5.3.0, since KNIME is not available here). Only resolution: nothing is started, no native is loaded, so
 * the natives of the other platforms are never run. The platform's fragment must resolve and attach to
 * org.vavl.libs, the other platforms' fragments must not (their Eclipse-PlatformFilter), and every other bundle
 * must resolve.
 */
class PlatformResolutionTest {

    @Test
    void eachPlatformResolvesTheSiteWithItsOwnFragmentAttached() throws Exception {
        for (final SitePlatform p : SitePlatform.values()) {
            final Map<String, String> b = resolve(p.os, p.arch);
            for (final String id : List.of(BuiltSite.LIBS, BuiltSite.CORE, BuiltSite.NODES, "org.knime.core")) {
                assertEquals(RESOLVED, b.get(id), id + " on " + p.os + "/" + p.arch);
            }
            for (final SitePlatform other : SitePlatform.inSite()) {
                assertEquals(other == p ? RESOLVED + " host " + BuiltSite.LIBS : INSTALLED, b.get(other.fragment()),
                    other.fragment() + " on " + p.os + "/" + p.arch);
            }
            if (!SitePlatform.inSite().contains(p)) {
                System.out.println("[platform resolution] " + p.fragment() + " is not in this build's site (mvn -B verify "
                    + "-Prelease builds it): on " + p.os + "/" + p.arch + " only the bundles without natives were resolved");
            }
        }
    }

    /** On a platform without natives no fragment attaches; the library bundle still resolves (p2 refuses first). */
    @Test
    void noFragmentAttachesOnIntelMacs() throws Exception {
        final Map<String, String> b = resolve("macosx", "x86_64");
        assertEquals(RESOLVED, b.get(BuiltSite.LIBS));
        assertEquals(RESOLVED, b.get(BuiltSite.CORE));
        for (final SitePlatform p : SitePlatform.inSite()) {
            assertEquals(INSTALLED, b.get(p.fragment()), p.fragment() + " on macosx/x86_64");
        }
    }

    private static final String RESOLVED = "RESOLVED";
    private static final String INSTALLED = "INSTALLED";

    /**
     * Resolves the site on a platform; per bundle "RESOLVED" (a fragment: "RESOLVED host &lt;its host&gt;") or
     * "INSTALLED" with the framework's reason.
     */
    private static Map<String, String> resolve(final String os, final String arch) throws Exception {
        final Path work = Paths.get(System.getProperty("vavl.osgi.dir", "target/osgi")).toAbsolutePath()
            .resolve("resolution-" + os + "-" + arch);
        deleteTree(work);
        Files.createDirectories(work);
        final Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("osgi.compatibility.bootdelegation", "true");
        config.put("osgi.os", os);
        config.put("osgi.arch", arch);
        config.put("osgi.ws", os.equals("win32") ? "win32" : os.equals("macosx") ? "cocoa" : "gtk");
        final Framework fw = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        fw.start();
        try {
            assertEquals(os, fw.getBundleContext().getProperty("osgi.os"));
            assertEquals(arch, fw.getBundleContext().getProperty("osgi.arch"));
            final BundleContext ctx = fw.getBundleContext();
            final Map<String, Bundle> out = new LinkedHashMap<>();
            out.put("org.knime.core", ctx.installBundle("reference:" + knimeCoreStandIn(work).toUri()));
            for (final String id : BuiltSite.siteBundles()) {
                out.put(id, ctx.installBundle("reference:" + BuiltSite.plugin(id).toUri()));
            }
            fw.adapt(FrameworkWiring.class).resolveBundles(new ArrayList<>(out.values()));
            final Map<String, String> states = new LinkedHashMap<>();
            for (final Map.Entry<String, Bundle> e : out.entrySet()) {
                states.put(e.getKey(), state(e.getValue()));
            }
            System.out.println("[platform resolution] " + os + "/" + arch + ": " + states);
            return Collections.unmodifiableMap(states);
        } finally {
            fw.stop();
            fw.waitForStop(30_000);
        }
    }

    private static String state(final Bundle b) {
        if (b.getState() == Bundle.INSTALLED) {
            if (b.getHeaders().get("Fragment-Host") != null) {
                return INSTALLED;
            }
            try {
                b.start(); // only to get the resolver's reason; fails because the bundle does not resolve
                return "STARTED?";
            } catch (final org.osgi.framework.BundleException e) {
                return INSTALLED + ": " + e.getMessage();
            }
        }
        final BundleWiring w = b.adapt(BundleWiring.class);
        final List<BundleWire> host = w.getRequiredWires("osgi.wiring.host");
        return host.isEmpty() ? RESOLVED : RESOLVED + " host " + host.get(0).getProvider().getSymbolicName();
    }

    /** An empty bundle org.knime.core 5.3.0: satisfies the nodes' Require-Bundle, exports nothing. */
    private static Path knimeCoreStandIn(final Path dir) throws IOException {
        final Manifest mf = new Manifest();
        final Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.knime.core");
        a.putValue("Bundle-Version", "5.3.0");
        final Path jar = dir.resolve("org.knime.core-standin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.flush();
        }
        return jar;
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>)s.sorted(Collections.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
