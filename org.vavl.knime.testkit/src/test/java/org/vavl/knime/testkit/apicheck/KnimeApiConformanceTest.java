package org.vavl.knime.testkit.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeModel;

/**
 * Every public or protected type and member of the test kit in KNIME's packages must exist with the same signature
 * (modifiers, erased parameter and return types, throws clause; for a type: kind, super class and interfaces) in
 * <b>both</b> KNIME 5.3.0 (the oldest version the node bundle's manifest admits, {@code org.knime.core
 * [5.3.0,6.0.0)}) <b>and</b> KNIME's current head: {@code knime-api-5x.txt} is the intersection of the members read
 * from the knime-core / knime-shared sources at the {@code analytics-platform/5.3.0} tags and at the heads by
 * {@link RealApiListGenerator}. So node code compiled against the kit links against every KNIME in that range.
 * A kit type may omit real members, but not the abstract ones (a node class implementing the kit's type would not
 * implement them), and it carries the head's {@code @Deprecated(since, forRemoval)} on every member that has one.
 */
class KnimeApiConformanceTest {

    /**
     * Deprecations of KNIME's head that the kit does not carry yet, each with the reason; none now (the test fails
     * while an entry is no longer needed).
     */
    private static final Set<String> DEPRECATION_PENDING = Set.of();

    /** The real members of both releases, each with the head's deprecation marker ("" when not deprecated). */
    static Map<String, String> realApi() throws IOException {
        Map<String, String> s = new TreeMap<>();
        try (InputStream in = KnimeApiConformanceTest.class.getResourceAsStream("/knime-api-5x.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String l = line.replaceFirst("\\s+@ .*$", "");
                    Matcher m = RealApiListGenerator.DEPRECATION.matcher(l);
                    s.put(m.replaceAll(""), m.find(0) ? m.group(1) : "");
                }
            }
        }
        return s;
    }

    /** The list's header: the releases it is the intersection of. */
    private static String releases() throws IOException {
        try (InputStream in = KnimeApiConformanceTest.class.getResourceAsStream("/knime-api-5x.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("#   "))
                .map(l -> l.substring(4)).collect(Collectors.joining("; "));
        }
    }

    private static List<Class<?>> kitTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Paths.get(NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("org/knime"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
                String name = root.relativize(p).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, KnimeApiConformanceTest.class.getClassLoader());
                if (!c.isAnonymousClass() && !c.isSynthetic() && visible(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean visible(final Class<?> c) {
        for (Class<?> x = c; x != null; x = x.getEnclosingClass()) {
            int m = x.getModifiers();
            if (!Modifier.isPublic(m) && !(Modifier.isProtected(m) && x.getEnclosingClass() != null)) {
                return false;
            }
        }
        return true;
    }

    private static String vis(final int m) {
        return Modifier.isPublic(m) ? "public" : Modifier.isProtected(m) ? "protected" : null;
    }

    private static String typeName(final Class<?> c) {
        return c.getName();
    }

    private static String typeLine(final Class<?> c) {
        int m = c.getModifiers();
        StringBuilder b = new StringBuilder(vis(m));
        if (c.getEnclosingClass() != null && Modifier.isStatic(m)) {
            b.append(" static");
        }
        if (Modifier.isAbstract(m) && !c.isEnum()) {
            b.append(" abstract");
        }
        if (Modifier.isFinal(m) && !c.isEnum()) {
            b.append(" final");
        }
        b.append(c.isInterface() ? " interface" : c.isEnum() ? " enum" : " class");
        Class<?> sup = c.getSuperclass();
        String superName = !c.isInterface() && !c.isEnum() && sup != null && sup != Object.class ? sup.getSimpleName()
            : null;
        List<String> interfaces = names(c.getInterfaces());
        return typeName(c) + "#" + Signatures.typeLine(b.toString(), c.isInterface(), superName, interfaces);
    }

    private static String deprecation(final AnnotatedElement e) {
        Deprecated d = e.getAnnotation(Deprecated.class);
        return d == null ? "" : Signatures.deprecation(d.since(), d.forRemoval());
    }

    private static Map<String, String> memberLines(final Class<?> c) {
        Map<String, String> l = new TreeMap<>();
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            String v = vis(k.getModifiers());
            if (v != null && !k.isSynthetic() && !c.isEnum()) {
                l.put(typeName(c) + "#" + Signatures.member(v, false, false, false, null, "<init>",
                    names(k.getParameterTypes()), names(k.getExceptionTypes())), deprecation(k));
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            String v = vis(m.getModifiers());
            if (v == null || m.isSynthetic() || m.isBridge()) {
                continue;
            }
            if (c.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"))) {
                continue;
            }
            int mod = m.getModifiers();
            l.put(typeName(c) + "#" + Signatures.member(v, Modifier.isStatic(mod), Modifier.isAbstract(mod),
                Modifier.isFinal(mod), m.getReturnType().getSimpleName(), m.getName(), names(m.getParameterTypes()),
                names(m.getExceptionTypes())), deprecation(m));
        }
        for (Field f : c.getDeclaredFields()) {
            String v = vis(f.getModifiers());
            if (v == null || f.isSynthetic()) {
                continue;
            }
            l.put(typeName(c) + "#" + Signatures.field(v, Modifier.isStatic(f.getModifiers()),
                Modifier.isFinal(f.getModifiers()), f.getType().getSimpleName(), f.getName()), deprecation(f));
        }
        return l;
    }

    private static List<String> names(final Class<?>[] types) {
        return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.toList());
    }

    /**
     * A kit type agrees with KNIME's when kind, modifiers and super class are the same and each of its interfaces is
     * one of KNIME's (it may leave out an interface: code compiled against the kit cannot rely on it, so it links;
     * an interface KNIME's type does not have would fail a cast or call in KNIME).
     */
    static boolean sameKindAndSuperTypes(final String kitLine, final String realLine) {
        Matcher k = RealApiListGenerator.TYPE_LINE.matcher(kitLine);
        Matcher r = RealApiListGenerator.TYPE_LINE.matcher(realLine);
        if (!k.matches() || !r.matches() || !k.group(1).equals(r.group(1))
            || !java.util.Objects.equals(k.group(4), r.group(4))) {
            return false;
        }
        return RealApiListGenerator.interfaces(r).containsAll(RealApiListGenerator.interfaces(k));
    }

    /** Node code can implement or extend it: an interface, or a class with a public or protected constructor. */
    private static boolean extendable(final Map<String, String> real, final String type) {
        return real.keySet().stream().filter(r -> r.startsWith(type + "#")).anyMatch(r -> {
            Matcher m = RealApiListGenerator.TYPE_LINE.matcher(r);
            return m.matches() ? m.group(2).endsWith("interface")
                : r.startsWith(type + "#public <init>(") || r.startsWith(type + "#protected <init>(");
        });
    }

    @Test
    void aKitTypeMayLeaveOutAnInterfaceButNotAddOneOrChangeItsSuperClass() {
        String real = "a.B#public final class extends C implements D, E";
        assertTrue(sameKindAndSuperTypes("a.B#public final class extends C implements D, E", real));
        assertTrue(sameKindAndSuperTypes("a.B#public final class extends C implements E", real));
        assertTrue(sameKindAndSuperTypes("a.B#public final class extends C", real));
        assertFalse(sameKindAndSuperTypes("a.B#public final class extends C implements F", real));
        assertFalse(sameKindAndSuperTypes("a.B#public final class implements D, E", real));
        assertFalse(sameKindAndSuperTypes("a.B#public class extends C implements D, E", real));
        assertTrue(sameKindAndSuperTypes("a.I#public abstract interface extends J", "a.I#public abstract interface extends J, K"));
        assertFalse(sameKindAndSuperTypes("a.I#public abstract interface extends L", "a.I#public abstract interface extends J, K"));
    }

    @Test
    void theMemberListIsTheIntersectionOfKnime530AndTheHead() throws IOException {
        String releases = releases();
        assertTrue(releases.startsWith("5.3.0: knime-core@") && releases.contains("knime-shared@")
            && releases.contains("; head: knime-core@"), releases);
        Map<String, String> real = realApi();
        // members added after 5.3.0 are not in the list
        assertFalse(real.containsKey("org.knime.core.node.NodeLogger#public void warn(Throwable)"));
        assertFalse(real.containsKey("org.knime.core.node.ExecutionMonitor#public ExecutionMonitor "
            + "createNonCancelableSubProgress()"));
        assertTrue(real.containsKey("org.knime.core.node.NodeLogger#public void warn(Object)"));
        // interfaces added after 5.3.0 are not in the type line
        assertTrue(real.containsKey("org.knime.core.node.CanceledExecutionException#public class extends Exception"));
        // deprecations are the head's
        assertEquals("deprecated since=5.6 forRemoval",
            real.get("org.knime.core.node.NodeFactory#protected abstract boolean hasDialog()"));
    }

    @Test
    void everyPublicOrProtectedMemberOfTheKitExistsInKnime530AndTheHead() throws Exception {
        Map<String, String> real = realApi();
        List<Class<?>> types = kitTypes();
        Set<String> missing = new TreeSet<>();
        Set<String> wrongDeprecation = new TreeSet<>();
        Set<String> kitLines = new HashSet<>();
        int checked = 0;
        for (Class<?> c : types) {
            String t = typeLine(c);
            checked++;
            kitLines.add(t);
            String realLine = real.keySet().stream().filter(r -> r.startsWith(typeName(c) + "#"))
                .filter(r -> RealApiListGenerator.TYPE_LINE.matcher(r).matches()).findFirst().orElse(null);
            if (realLine == null || !sameKindAndSuperTypes(t, realLine)) {
                missing.add(t + "   (real: " + realLine + ")");
            } else if (!real.get(realLine).equals(deprecation(c))) {
                wrongDeprecation.add(t + ": kit [" + deprecation(c) + "], KNIME [" + real.get(realLine) + "]");
            }
            for (Map.Entry<String, String> m : memberLines(c).entrySet()) {
                checked++;
                kitLines.add(m.getKey());
                if (!real.containsKey(m.getKey())) {
                    missing.add(m.getKey());
                } else if (DEPRECATION_PENDING.contains(m.getKey())) {
                    if (real.get(m.getKey()).equals(m.getValue())) {
                        wrongDeprecation.add(m.getKey() + ": carries KNIME's deprecation now, remove it from "
                            + "DEPRECATION_PENDING");
                    }
                } else if (!real.get(m.getKey()).equals(m.getValue())) {
                    wrongDeprecation.add(m.getKey() + ": kit [" + m.getValue() + "], KNIME [" + real.get(m.getKey())
                        + "]");
                }
            }
        }
        assertTrue(types.size() > 70, "found only " + types.size() + " kit types");
        // abstract members the kit's types leave out: a node implementing the kit's type would not implement them
        Set<String> kitTypeNames = types.stream().map(Class::getName).collect(Collectors.toSet());
        Set<String> abstractMissing = real.keySet().stream()
            .filter(r -> kitTypeNames.contains(r.substring(0, r.indexOf('#'))))
            .filter(r -> extendable(real, r.substring(0, r.indexOf('#'))))
            .filter(r -> !RealApiListGenerator.TYPE_LINE.matcher(r).matches() && r.contains(" abstract "))
            .filter(r -> !kitLines.contains(r)).collect(Collectors.toCollection(TreeSet::new));
        StringBuilder report = new StringBuilder();
        if (!missing.isEmpty()) {
            report.append(missing.size()).append(" of ").append(checked).append(" kit types/members are not in both ")
                .append("KNIME 5.3.0 and the head (knime-api-5x.txt):\n").append(String.join("\n", missing));
        }
        if (!wrongDeprecation.isEmpty()) {
            report.append("\n").append(wrongDeprecation.size()).append(" kit types/members lack the head's ")
                .append("@Deprecated(since, forRemoval) or have another one:\n").append(String.join("\n", wrongDeprecation));
        }
        if (!abstractMissing.isEmpty()) {
            report.append("\n").append(abstractMissing.size()).append(" abstract members of KNIME's types are missing ")
                .append("in the kit:\n").append(String.join("\n", abstractMissing));
        }
        assertTrue(report.length() == 0, report.toString());
    }
}
