package org.vavl.knime.osgitest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The platforms the extension has natives for: one native fragment of org.vavl.libs each, named by the OSGi
 * platform (osgi.os / osgi.arch, as in Eclipse-PlatformFilter and p2 filters), with the classifiers that DJL and
 * JavaCPP give the same platform and the library file names their loaders ask for.
 */
enum SitePlatform {

    LINUX_X86_64("linux", "x86_64", "linux-x86_64", "linux-x86_64", "linux-x64", "lib", ".so"),
    WIN32_X86_64("win32", "x86_64", "win-x86_64", "windows-x86_64", "win-x64", "", ".dll"),
    MACOSX_AARCH64("macosx", "aarch64", "osx-aarch64", "macosx-arm64", "osx-aarch64", "lib", ".dylib");

    /** osgi.os and osgi.arch */
    final String os;
    final String arch;
    /** DJL's classifier (pytorch-native-cpu jars, jnilib/ folders of pytorch-jni) */
    final String djl;
    /** JavaCPP's platform (classifier of the org.bytedeco jars, folder org/bytedeco/<preset>/<platform>/) */
    final String javacpp;
    /** ONNX Runtime's folder ai/onnxruntime/native/<folder>/ */
    final String onnxruntime;
    /** System.mapLibraryName on that platform: prefix + name + suffix */
    final String libPrefix;
    final String libSuffix;

    SitePlatform(final String os, final String arch, final String djl, final String javacpp, final String onnxruntime,
        final String libPrefix, final String libSuffix) {
        this.os = os;
        this.arch = arch;
        this.djl = djl;
        this.javacpp = javacpp;
        this.onnxruntime = onnxruntime;
        this.libPrefix = libPrefix;
        this.libSuffix = libSuffix;
    }

    /** The symbolic name of the native fragment, org.vavl.libs.<os>.<arch>. */
    String fragment() {
        return BuiltSite.LIBS + "." + os + "." + arch;
    }

    /** The Eclipse-PlatformFilter of the fragment. */
    String filter() {
        return "(&(osgi.os=" + os + ")(osgi.arch=" + arch + "))";
    }

    /** What System.mapLibraryName gives for the name on this platform. */
    String mapLibraryName(final String name) {
        return libPrefix + name + libSuffix;
    }

    static SitePlatform ofFragment(final String fragment) {
        for (final SitePlatform p : values()) {
            if (p.fragment().equals(fragment)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no platform for " + fragment);
    }

    /** The platforms whose fragments this build put into the site (-Dvavl.site.fragments, set by the poms). */
    static List<SitePlatform> inSite() {
        final String p = System.getProperty("vavl.site.fragments", LINUX_X86_64.fragment());
        final List<SitePlatform> out = new ArrayList<>();
        for (final String f : p.split(",")) {
            out.add(ofFragment(f.trim()));
        }
        return out;
    }

    /** The fragments of the site, in the order of feature.xml. */
    static List<String> fragmentsInSite() {
        final List<String> out = new ArrayList<>();
        for (final SitePlatform p : values()) {
            if (inSite().contains(p)) {
                out.add(p.fragment());
            }
        }
        return out;
    }

    /** All three fragments, in the order of feature.xml. */
    static List<String> allFragments() {
        final List<String> out = new ArrayList<>();
        for (final SitePlatform p : values()) {
            out.add(p.fragment());
        }
        return out;
    }

    /** The platform of this JVM, or null where the extension has no natives. */
    static SitePlatform running() {
        final String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        final String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        final boolean x64 = Arrays.asList("amd64", "x86_64").contains(arch);
        final boolean arm64 = Arrays.asList("aarch64", "arm64").contains(arch);
        if (name.startsWith("linux") && x64) {
            return LINUX_X86_64;
        }
        if (name.startsWith("windows") && x64) {
            return WIN32_X86_64;
        }
        if ((name.startsWith("mac") || name.startsWith("darwin")) && arm64) {
            return MACOSX_AARCH64;
        }
        return null;
    }
}
