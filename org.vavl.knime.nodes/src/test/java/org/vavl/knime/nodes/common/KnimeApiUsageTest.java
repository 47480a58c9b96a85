package org.vavl.knime.nodes.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every {@code org/knime} class, method and field that the <b>compiled</b> node classes ({@code target/classes})
 * reference must exist in KNIME 5.3.0 (and the head): each reference in the class files' constant pools is looked
 * up in the kit's pinned member list {@code knime-api-5x.txt} (the intersection of the members of knime-core /
 * knime-shared at {@code analytics-platform/5.3.0} and at the heads, see the kit's {@code KnimeApiConformanceTest}).
 * A member may be declared in a super type of the referenced class (walked with the kit's classes, whose super
 * types are KNIME's); members of JDK super classes ({@code Exception.getMessage}) count as present. References
 * whose owner is a node class are followed to the KNIME super class they are inherited from.
 */
class KnimeApiUsageTest {

    private static final Path CLASSES = Paths.get("target/classes");

    private static final Path MEMBER_LIST =
        Paths.get("../org.vavl.knime.testkit/src/test/resources/knime-api-5x.txt");

    /** A constant-pool reference: owner (binary name with '/'), name, descriptor; kind 'C', 'F' or 'M'. */
    record Ref(char kind, String owner, String name, String descriptor) {
        @Override
        public String toString() {
            return kind == 'C' ? owner.replace('/', '.')
                : owner.replace('/', '.') + "#" + name + (kind == 'F' ? " : " : "") + descriptor;
        }
    }

    /** One class file: its name, super types and declared members, and what its constant pool references. */
    record ClassInfo(String name, String superName, List<String> interfaces, Set<String> members, List<Ref> refs) {
    }

    /** Reads a class file's constant pool and its header and member names (JVMS 4.1-4.6). */
    static ClassInfo read(final InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        d.readUnsignedShort();
        d.readUnsignedShort();
        int n = d.readUnsignedShort();
        Object[] pool = new Object[n];
        int[][] refs = new int[n][];
        char[] kinds = new char[n];
        for (int i = 1; i < n; i++) {
            int tag = d.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = d.readUTF();
                case 3, 4 -> d.readInt();
                case 5, 6 -> {
                    d.readLong();
                    i++;
                }
                case 7 -> {
                    kinds[i] = 'c';
                    refs[i] = new int[] {d.readUnsignedShort()};
                }
                case 8, 16, 19, 20 -> d.readUnsignedShort();
                case 9, 10, 11 -> {
                    kinds[i] = tag == 9 ? 'F' : 'M';
                    refs[i] = new int[] {d.readUnsignedShort(), d.readUnsignedShort()};
                }
                case 12 -> {
                    kinds[i] = 'n';
                    refs[i] = new int[] {d.readUnsignedShort(), d.readUnsignedShort()};
                }
                case 15 -> {
                    d.readUnsignedByte();
                    d.readUnsignedShort();
                }
                case 17, 18 -> d.readInt();
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<Ref> out = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (kinds[i] == 'c') {
                String c = (String)pool[refs[i][0]];
                out.add(new Ref('C', c.replaceAll("^\\[+L|;$", ""), null, null));
            } else if (kinds[i] == 'F' || kinds[i] == 'M') {
                String owner = (String)pool[refs[refs[i][0]][0]];
                int[] nt = refs[refs[i][1]];
                out.add(new Ref(kinds[i], owner, (String)pool[nt[0]], (String)pool[nt[1]]));
            }
        }
        d.readUnsignedShort();
        String name = (String)pool[refs[d.readUnsignedShort()][0]];
        int sup = d.readUnsignedShort();
        String superName = sup == 0 ? null : (String)pool[refs[sup][0]];
        List<String> interfaces = new ArrayList<>();
        for (int i = d.readUnsignedShort(); i > 0; i--) {
            interfaces.add((String)pool[refs[d.readUnsignedShort()][0]]);
        }
        Set<String> members = new HashSet<>();
        for (int kind = 0; kind < 2; kind++) {
            for (int m = d.readUnsignedShort(); m > 0; m--) {
                d.readUnsignedShort();
                String mName = (String)pool[d.readUnsignedShort()];
                String desc = (String)pool[d.readUnsignedShort()];
                members.add(mName + (kind == 0 ? ":" : "") + desc);
                for (int a = d.readUnsignedShort(); a > 0; a--) {
                    d.readUnsignedShort();
                    d.skipNBytes(d.readInt());
                }
            }
        }
        return new ClassInfo(name, superName, interfaces, members, out);
    }

    /** The simple names of a method descriptor's parameters and return type, as in the member list. */
    static List<String> simpleNames(final String descriptor) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < descriptor.length()) {
            char c = descriptor.charAt(i);
            if (c == '(' || c == ')') {
                names.add(String.valueOf(c));
                i++;
                continue;
            }
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String t;
            c = descriptor.charAt(i);
            if (c == 'L') {
                int end = descriptor.indexOf(';', i);
                t = descriptor.substring(i + 1, end);
                t = t.substring(Math.max(t.lastIndexOf('/'), t.lastIndexOf('$')) + 1);
                i = end + 1;
            } else {
                t = switch (c) {
                    case 'B' -> "byte";
                    case 'C' -> "char";
                    case 'D' -> "double";
                    case 'F' -> "float";
                    case 'I' -> "int";
                    case 'J' -> "long";
                    case 'S' -> "short";
                    case 'Z' -> "boolean";
                    default -> "void";
                };
                i++;
            }
            names.add(t + "[]".repeat(dims));
        }
        return names;
    }

    /** The member list as type (binary name with '.') -> "name(Param, ...)Return" / "name:Type" entries. */
    static Map<String, Set<String>> memberList() throws IOException {
        Map<String, Set<String>> types = new HashMap<>();
        for (String line : Files.readAllLines(MEMBER_LIST, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String l = line.replaceFirst("\\s+@ .*$", "").replaceFirst("\\s+\\[deprecated[^]]*]", "");
            String type = l.substring(0, l.indexOf('#'));
            String sig = l.substring(l.indexOf('#') + 1).replaceFirst(" throws .*$", "");
            Set<String> members = types.computeIfAbsent(type, k -> new HashSet<>());
            int paren = sig.indexOf('(');
            if (paren >= 0) {
                String[] head = sig.substring(0, paren).split(" ");
                String name = head[head.length - 1];
                String ret = name.equals("<init>") ? "void" : head[head.length - 2];
                String params = sig.substring(paren + 1, sig.indexOf(')'));
                members.add(name + "(" + params + ")" + ret);
            } else if (!sig.matches(".*\\b(class|interface|enum)\\b.*")) {
                String[] t = sig.split(" ");
                members.add(t[t.length - 1] + ":" + t[t.length - 2]);
            }
        }
        return types;
    }

    private static String key(final Ref r) {
        if (r.kind() == 'F') {
            List<String> t = simpleNames(r.descriptor());
            return r.name() + ":" + t.get(0);
        }
        List<String> t = simpleNames(r.descriptor());
        int close = t.indexOf(")");
        return r.name() + "(" + String.join(", ", t.subList(1, close)) + ")" + t.get(close + 1);
    }

    /** Whether the member is in the list for the KNIME type or one of its super types (walked with the kit). */
    private static boolean inList(final Map<String, Set<String>> list, final String owner, final Ref r,
        final String key) throws ClassNotFoundException {
        Class<?> c = Class.forName(owner.replace('/', '.'), false, KnimeApiUsageTest.class.getClassLoader());
        List<Class<?>> todo = new ArrayList<>(List.of(c));
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> t = todo.remove(0);
            if (!seen.add(t)) {
                continue;
            }
            if (t.getName().startsWith("org.knime.")) {
                if (list.getOrDefault(t.getName(), Set.of()).contains(key)) {
                    return true;
                }
            } else if (declaredInJdk(t, r)) {
                return true;
            }
            if (r.name().equals("<init>")) {
                return false; // constructors are not inherited
            }
            if (t.getSuperclass() != null) {
                todo.add(t.getSuperclass());
            } else if (t.isInterface()) {
                todo.add(Object.class);
            }
            todo.addAll(List.of(t.getInterfaces()));
        }
        return false;
    }

    private static boolean declaredInJdk(final Class<?> t, final Ref r) {
        if (r.kind() == 'F') {
            return Stream.of(t.getDeclaredFields()).map(Field::getName).anyMatch(r.name()::equals);
        }
        return Stream.of(t.getDeclaredMethods()).filter(m -> m.getName().equals(r.name()))
            .anyMatch(m -> descriptor(m).equals(r.descriptor()));
    }

    private static String descriptor(final Method m) {
        StringBuilder b = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            b.append(p.descriptorString());
        }
        return b.append(')').append(m.getReturnType().descriptorString()).toString();
    }

    @Test
    void theDescriptorReaderGivesTheListsSimpleNames() {
        assertEquals(List.of("(", "String", "int[]", "BooleanCellFactory", ")", "void"),
            simpleNames("(Ljava/lang/String;[ILorg/knime/core/data/def/BooleanCell$BooleanCellFactory;)V"));
    }

    @Test
    void theLookUpFindsInheritedMembersAndRejectsMembersNewerThan530() throws Exception {
        Map<String, Set<String>> list = memberList();
        Ref warnObject = new Ref('M', "org/knime/core/node/NodeLogger", "warn", "(Ljava/lang/Object;)V");
        assertTrue(inList(list, warnObject.owner(), warnObject, key(warnObject)));
        // NodeLogger.warn(Throwable) is KNIME 5.4's, ExecutionMonitor.createNonCancelableSubProgress() 5.5's
        Ref warnThrowable = new Ref('M', "org/knime/core/node/NodeLogger", "warn", "(Ljava/lang/Throwable;)V");
        assertEquals(false, inList(list, warnThrowable.owner(), warnThrowable, key(warnThrowable)));
        Ref sub = new Ref('M', "org/knime/core/node/ExecutionContext", "createNonCancelableSubProgress",
            "()Lorg/knime/core/node/ExecutionMonitor;");
        assertEquals(false, inList(list, sub.owner(), sub, key(sub)));
        // declared in ConfigBaseRO, called through NodeSettingsRO
        Ref getInt = new Ref('M', "org/knime/core/node/NodeSettingsRO", "getInt", "(Ljava/lang/String;)I");
        assertTrue(inList(list, getInt.owner(), getInt, key(getInt)));
        // a JDK super class's member
        Ref msg = new Ref('M', "org/knime/core/node/InvalidSettingsException", "getMessage", "()Ljava/lang/String;");
        assertTrue(inList(list, msg.owner(), msg, key(msg)));
        Ref type = new Ref('F', "org/knime/core/data/def/StringCell", "TYPE", "Lorg/knime/core/data/DataType;");
        assertTrue(inList(list, type.owner(), type, key(type)));
    }

    @Test
    void everyKnimeMemberTheCompiledNodesReferenceExistsInKnime530() throws Exception {
        Map<String, ClassInfo> nodes = new HashMap<>();
        try (Stream<Path> s = Files.walk(CLASSES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                try (InputStream in = Files.newInputStream(p)) {
                    ClassInfo c = read(in);
                    nodes.put(c.name(), c);
                }
            }
        }
        Map<String, Set<String>> list = memberList();
        Set<String> classes = new TreeSet<>();
        Set<String> members = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (ClassInfo c : nodes.values()) {
            for (Ref r : c.refs()) {
                if (r.kind() == 'C') {
                    if (r.owner().startsWith("org/knime/")) {
                        classes.add(r.owner());
                        if (!list.containsKey(r.owner().replace('/', '.'))) {
                            missing.add("class " + r);
                        }
                    }
                    continue;
                }
                // a member referenced through a node class: find the class it is inherited from
                String owner = r.owner();
                String memberKey = r.name() + (r.kind() == 'F' ? ":" : "") + r.descriptor();
                while (nodes.containsKey(owner) && !nodes.get(owner).members().contains(memberKey)
                    && !r.name().equals("<init>")) {
                    owner = nodes.get(owner).superName();
                }
                if (!owner.startsWith("org/knime/")) {
                    continue;
                }
                members.add(owner.replace('/', '.') + "#" + key(r));
                if (!inList(list, owner, r, key(r))) {
                    missing.add(owner.replace('/', '.') + "#" + key(r));
                }
            }
        }
        System.out.println("Node classes: " + nodes.size() + "; KNIME classes referenced: " + classes.size()
            + "; KNIME members referenced: " + members.size() + "; member list: "
            + list.values().stream().mapToInt(Set::size).sum() + " members of " + list.size() + " types");
        assertTrue(nodes.size() > 50, "only " + nodes.size() + " node classes in " + CLASSES.toAbsolutePath());
        assertTrue(members.size() > 100, "only " + members.size() + " KNIME members referenced");
        assertTrue(missing.isEmpty(), missing.size() + " KNIME classes/members referenced by the compiled node "
            + "classes are not in KNIME 5.3.0 and the head (knime-api-5x.txt):\n" + String.join("\n", missing));
    }
}
