package org.vavl.knime.testkit.apicheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeModel;

/**
 * Every public or protected type and member of the test kit in KNIME's packages must exist in KNIME 5.x with the
 * same signature (modifiers, erased parameter and return types, throws clause): compared with
 * {@code knime-api-5x.txt}, the list of real members read from knime-core / knime-shared sources by
 * {@link RealApiListGenerator}. A kit type may omit real members and real marker super types, never add any.
 */
class KnimeApiConformanceTest {

    private static Set<String> realApi() throws IOException {
        Set<String> s = new HashSet<>();
        try (InputStream in = KnimeApiConformanceTest.class.getResourceAsStream("/knime-api-5x.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    s.add(line.replaceFirst("\\s+@ .*$", ""));
                }
            }
        }
        return s;
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
        if (!c.isInterface() && !c.isEnum() && sup != null && sup != Object.class) {
            b.append(" extends ").append(sup.getSimpleName());
        }
        return typeName(c) + "#" + b;
    }

    private static List<String> memberLines(final Class<?> c) {
        List<String> l = new ArrayList<>();
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            String v = vis(k.getModifiers());
            if (v != null && !k.isSynthetic() && !c.isEnum()) {
                l.add(typeName(c) + "#" + Signatures.member(v, false, false, false, null, "<init>",
                    names(k.getParameterTypes()), names(k.getExceptionTypes())));
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
            l.add(typeName(c) + "#" + Signatures.member(v, Modifier.isStatic(mod), Modifier.isAbstract(mod),
                Modifier.isFinal(mod), m.getReturnType().getSimpleName(), m.getName(), names(m.getParameterTypes()),
                names(m.getExceptionTypes())));
        }
        for (Field f : c.getDeclaredFields()) {
            String v = vis(f.getModifiers());
            if (v == null || f.isSynthetic()) {
                continue;
            }
            l.add(typeName(c) + "#" + Signatures.field(v, Modifier.isStatic(f.getModifiers()),
                Modifier.isFinal(f.getModifiers()), f.getType().getSimpleName(), f.getName()));
        }
        return l;
    }

    private static List<String> names(final Class<?>[] types) {
        return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.toList());
    }

    @Test
    void everyPublicOrProtectedMemberOfTheKitExistsInKnime5() throws Exception {
        Set<String> real = realApi();
        List<Class<?>> types = kitTypes();
        Set<String> kitTypeNames = types.stream().map(Class::getName).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        for (Class<?> c : types) {
            String t = typeLine(c);
            checked++;
            boolean typeOk = real.contains(t);
            if (!typeOk && !t.contains(" extends ")) {
                // the kit may leave out a real super class it does not mirror (e.g. AbstractConfigEntry's parent)
                typeOk = real.stream().filter(r -> r.startsWith(t + " extends ")).anyMatch(r -> {
                    String sup = r.substring((t + " extends ").length());
                    return kitTypeNames.stream().noneMatch(n -> n.endsWith("." + sup) || n.endsWith("$" + sup));
                });
            }
            if (!typeOk) {
                missing.add(t);
            }
            for (String m : memberLines(c)) {
                checked++;
                if (!real.contains(m)) {
                    missing.add(m);
                }
            }
        }
        assertTrue(types.size() > 70, "found only " + types.size() + " kit types");
        assertTrue(missing.isEmpty(), missing.size() + " of " + checked
            + " kit types/members are not in KNIME 5.x (knime-api-5x.txt):\n" + String.join("\n", missing));
    }
}
