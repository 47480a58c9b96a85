package org.vavl.knime.testkit.apicheck;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;

/**
 * Writes the list of public and protected members of the KNIME types that the test kit mirrors, read from
 * KNIME's real sources at two releases (knime/knime-core and knime/knime-shared checkouts) with the JDK's Java
 * parser, and keeps only the <b>intersection</b>: a type or member is listed when it exists with the same
 * signature (modifiers, erased parameter/return types, throws clause; for a type: kind, super class and
 * interfaces) in <em>every</em> release given. The manifest admits {@code org.knime.core [5.3.0,6.0.0)}, so
 * the kit's list is generated from the {@code analytics-platform/5.3.0} tags and the current heads; node code
 * compiled against the kit then links against both ends of that range. The {@code @Deprecated} annotations
 * ({@code since}, {@code forRemoval}) are taken from the <em>last</em> release given (the newest). Members of
 * the kit's types that exist in one release only are written as comment lines ({@code #only in ...}) at the end.
 * Not a test: run it by hand when a type is added to the kit, for example (from the module folder)
 *
 * <pre>
 * java -cp target/test-classes org.vavl.knime.testkit.apicheck.RealApiListGenerator \
 *   src/main/java src/test/resources/knime-api-5x.txt \
 *   --release 5.3.0 knime-core@d89cdfa2ca /tmp/fid-src/core-analytics-platform_5.3.0 \
 *                   knime-shared@353bee65cc /tmp/fid-src/shared-analytics-platform_5.3.0 \
 *   --release head  knime-core@1b5880a377 /tmp/fid-src/core-HEAD \
 *                   knime-shared@63efb3f4 /tmp/fid-src/shared-HEAD
 * </pre>
 *
 * (the checkouts: {@code git -C knime-core archive analytics-platform/5.3.0 org.knime.core} etc.). Only the types
 * whose source file exists in the kit (same package and name) are listed, with all their real public/protected
 * members, so the kit may grow within the list without running this again. Signatures are normalised by
 * {@link Signatures}.
 */
public final class RealApiListGenerator {

    /** Deprecation marker in a list line, e.g. {@code  [deprecated since=5.6 forRemoval]}. */
    static final java.util.regex.Pattern DEPRECATION = java.util.regex.Pattern.compile("\\s+\\[(deprecated[^\\]]*)\\]");

    /** A type line: 1 = modifiers and kind, 2 = kind, 3 = an interface's super interfaces, 4 = a class's super
     * class, 5 = a class's interfaces. */
    static final java.util.regex.Pattern TYPE_LINE = java.util.regex.Pattern.compile(
        "[^#]+#((?:public|protected)(?: static)?(?: abstract)?(?: final)? (class|interface|enum|@interface))"
            + "(?:(?<= interface) extends (.+)|(?: extends (\\S+))?(?: implements (.+))?)?");

    static List<String> interfaces(final java.util.regex.Matcher typeLine) {
        String i = typeLine.group(2).endsWith("interface") ? typeLine.group(3) : typeLine.group(5);
        return i == null ? List.of() : List.of(i.split(", "));
    }

    private RealApiListGenerator() {
    }

    /** One release's members: key (type#signature) to [deprecation marker or "", source file]. */
    private static Map<String, String[]> read(final Set<String> kitFiles, final Map<String, Path> realRoots)
        throws IOException {
        Map<String, List<String>> linesByType = new TreeMap<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (String rel : kitFiles) {
            Path found = null;
            String label = null;
            for (Map.Entry<String, Path> root : realRoots.entrySet()) {
                try (Stream<Path> s = Files.walk(root.getValue())) {
                    List<Path> hits = s.filter(p -> p.toString().replace('\\', '/').endsWith("/" + rel))
                        .filter(p -> !p.toString().contains("/test")).collect(Collectors.toList());
                    if (!hits.isEmpty()) {
                        found = hits.get(0);
                        label = root.getKey().replaceFirst("@.*", "") + ":"
                            + root.getValue().relativize(found).toString().replace('\\', '/');
                        break;
                    }
                }
            }
            if (found == null) {
                System.err.println("NOT FOUND in " + realRoots.keySet() + ": " + rel);
                continue;
            }
            try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                Iterable<? extends JavaFileObject> units = fm.getJavaFileObjects(found.toFile());
                JavacTask task = (JavacTask)javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, units);
                for (CompilationUnitTree cu : task.parse()) {
                    String pkg = cu.getPackageName().toString();
                    for (Tree t : cu.getTypeDecls()) {
                        if (t instanceof ClassTree) {
                            visit(pkg, (ClassTree)t, null, false, label, linesByType, new HashMap<>());
                        }
                    }
                }
            }
        }
        Map<String, String[]> out = new TreeMap<>();
        for (List<String> lines : linesByType.values()) {
            for (String l : lines) {
                int at = l.indexOf("  @ ");
                String head = l.substring(0, at);
                java.util.regex.Matcher m = DEPRECATION.matcher(head);
                String dep = m.find() ? m.group(1) : "";
                out.put(DEPRECATION.matcher(head).replaceAll(""), new String[] {dep, l.substring(at + 4)});
            }
        }
        return out;
    }

    public static void main(final String[] args) throws IOException {
        Path kitSources = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        Map<String, Map<String, Path>> releases = new java.util.LinkedHashMap<>();
        Map<String, Path> current = null;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--release")) {
                current = new java.util.LinkedHashMap<>();
                releases.put(args[++i], current);
            } else {
                current.put(args[i], Paths.get(args[++i]));
            }
        }
        Set<String> kitFiles;
        try (Stream<Path> s = Files.walk(kitSources)) {
            kitFiles = s.filter(p -> p.toString().endsWith(".java"))
                .map(p -> kitSources.relativize(p).toString().replace('\\', '/'))
                .filter(p -> p.startsWith("org/knime/")).collect(Collectors.toCollection(TreeSet::new));
        }
        Map<String, Map<String, String[]>> byRelease = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Path>> r : releases.entrySet()) {
            byRelease.put(r.getKey(), read(kitFiles, r.getValue()));
        }
        List<String> names = new ArrayList<>(byRelease.keySet());
        Map<String, String[]> newest = byRelease.get(names.get(names.size() - 1));
        Set<String> common = new TreeSet<>(newest.keySet());
        for (Map<String, String[]> m : byRelease.values()) {
            common.retainAll(m.keySet());
        }
        // a type whose interfaces differ between releases (e.g. 5.4 added one) is listed with the interfaces
        // common to all, as long as kind, modifiers and super class are the same
        Map<String, String[]> commonTypeLines = new TreeMap<>();
        for (String k : new ArrayList<>(newest.keySet())) {
            java.util.regex.Matcher m = TYPE_LINE.matcher(k);
            if (!m.matches() || common.contains(k)) {
                continue;
            }
            String type = k.substring(0, k.indexOf('#'));
            Set<String> interfaces = new TreeSet<>(interfaces(m));
            boolean same = true;
            for (Map<String, String[]> rel : byRelease.values()) {
                String other = rel.keySet().stream().filter(o -> o.startsWith(type + "#")).map(TYPE_LINE::matcher)
                    .filter(java.util.regex.Matcher::matches)
                    .filter(o -> o.group(1).equals(m.group(1)) && java.util.Objects.equals(o.group(4), m.group(4)))
                    .map(java.util.regex.Matcher::group).findFirst().orElse(null);
                if (other == null) {
                    same = false;
                    break;
                }
                java.util.regex.Matcher om = TYPE_LINE.matcher(other);
                om.matches();
                interfaces.retainAll(interfaces(om));
            }
            if (same) {
                boolean isInterface = m.group(2).endsWith("interface");
                commonTypeLines.put(type + "#" + Signatures.typeLine(m.group(1), isInterface, m.group(4),
                    new ArrayList<>(interfaces)), newest.get(k));
                for (Map<String, String[]> rel : byRelease.values()) {
                    rel.keySet().removeIf(o -> o.startsWith(type + "#") && TYPE_LINE.matcher(o).matches());
                }
            }
        }
        common.addAll(commonTypeLines.keySet());
        newest.putAll(commonTypeLines);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("# Public and protected members of the KNIME types mirrored by org.vavl.knime.testkit that exist with");
            w.println("# the same signature in EVERY one of these releases (intersection), read from KNIME's sources by");
            w.println("# RealApiListGenerator:");
            for (Map.Entry<String, Map<String, Path>> r : releases.entrySet()) {
                w.println("#   " + r.getKey() + ": " + String.join(", ", r.getValue().keySet()));
            }
            w.println("# Format: <type>#<signature>[  [deprecated since=S forRemoval]]  @ <source file>; generics erased;");
            w.println("# type lines give kind, super class and interfaces; deprecations are " + names.get(names.size() - 1)
                + "'s.");
            w.println("# " + common.size() + " members in all releases; at the end, as comments, those in one release only.");
            for (String k : common) {
                String[] v = newest.get(k);
                w.println(k + (v[0].isEmpty() ? "" : "  [" + v[0] + "]") + "  @ " + v[1]);
            }
            for (String name : names) {
                Set<String> only = new TreeSet<>(byRelease.get(name).keySet());
                only.removeAll(common);
                for (String k : only) {
                    w.println("#only in " + name + ": " + k);
                }
            }
        }
    }

    private static void visit(final String pkg, final ClassTree c, final String outer, final boolean outerIsInterface,
        final String label, final Map<String, List<String>> out, final Map<String, String> outerTypeVars) {
        Set<Modifier> mods = c.getModifiers().getFlags();
        Tree.Kind kind = c.getKind();
        boolean isInterface = kind == Tree.Kind.INTERFACE || kind == Tree.Kind.ANNOTATION_TYPE;
        boolean visible = mods.contains(Modifier.PUBLIC) || mods.contains(Modifier.PROTECTED) || outerIsInterface;
        if (!visible) {
            return;
        }
        String name = (outer == null ? pkg + "." : outer + "$") + c.getSimpleName();
        Map<String, String> typeVars = new HashMap<>(outerTypeVars);
        for (TypeParameterTree tp : c.getTypeParameters()) {
            typeVars.put(tp.getName().toString(), tp.getBounds().isEmpty() ? "Object" : tp.getBounds().get(0).toString());
        }
        List<String> lines = out.computeIfAbsent(name, k -> new ArrayList<>());
        boolean nestedStatic = outer != null && (mods.contains(Modifier.STATIC) || outerIsInterface || isInterface
            || kind == Tree.Kind.ENUM);
        String typeMods = (mods.contains(Modifier.PROTECTED) ? "protected" : "public") + (nestedStatic ? " static" : "")
            + (mods.contains(Modifier.ABSTRACT) || isInterface ? " abstract" : "")
            + (mods.contains(Modifier.FINAL) ? " final" : "");
        String kindWord = kind == Tree.Kind.INTERFACE ? "interface" : kind == Tree.Kind.ENUM ? "enum"
            : kind == Tree.Kind.ANNOTATION_TYPE ? "@interface" : "class";
        List<String> interfaces = new ArrayList<>();
        for (Tree i : c.getImplementsClause()) {
            interfaces.add(Signatures.erase(i.toString(), typeVars));
        }
        String sup = c.getExtendsClause() == null ? null : Signatures.erase(c.getExtendsClause().toString(), typeVars);
        lines.add(name + "#" + Signatures.typeLine(typeMods + " " + kindWord, isInterface, sup, interfaces)
            + deprecation(c.getModifiers()) + "  @ " + label);
        boolean hasCtor = c.getMembers().stream()
            .anyMatch(m -> m instanceof MethodTree && ((MethodTree)m).getName().contentEquals("<init>"));
        if (!hasCtor && kind == Tree.Kind.CLASS) {
            // the implicit default constructor has the access of its class
            lines.add(name + "#" + (mods.contains(Modifier.PROTECTED) ? "protected" : "public") + " <init>()  @ " + label);
        }
        for (Tree m : c.getMembers()) {
            if (m instanceof MethodTree) {
                MethodTree mt = (MethodTree)m;
                Set<Modifier> mm = mt.getModifiers().getFlags();
                boolean isCtor = mt.getName().contentEquals("<init>");
                String vis;
                if (mm.contains(Modifier.PUBLIC) || (isInterface && !mm.contains(Modifier.PRIVATE))) {
                    vis = "public";
                } else if (mm.contains(Modifier.PROTECTED)) {
                    vis = "protected";
                } else {
                    continue;
                }
                if (kind == Tree.Kind.ENUM && isCtor) {
                    continue;
                }
                Map<String, String> mVars = new HashMap<>(typeVars);
                if (mm.contains(Modifier.STATIC)) {
                    mVars = new HashMap<>(outerTypeVars);
                }
                for (TypeParameterTree tp : mt.getTypeParameters()) {
                    mVars.put(tp.getName().toString(),
                        tp.getBounds().isEmpty() ? "Object" : tp.getBounds().get(0).toString());
                }
                boolean isAbstract = mm.contains(Modifier.ABSTRACT)
                    || (isInterface && mt.getBody() == null && !mm.contains(Modifier.STATIC));
                List<String> params = new ArrayList<>();
                for (VariableTree p : mt.getParameters()) {
                    params.add(Signatures.erase(p.getType().toString(), mVars));
                }
                List<String> thr = new ArrayList<>();
                for (Tree tt : mt.getThrows()) {
                    thr.add(Signatures.erase(tt.toString(), mVars));
                }
                String sig = Signatures.member(vis, mm.contains(Modifier.STATIC), isAbstract, mm.contains(Modifier.FINAL),
                    isCtor ? null : Signatures.erase(mt.getReturnType().toString(), mVars),
                    isCtor ? "<init>" : mt.getName().toString(), params, thr);
                lines.add(name + "#" + sig + deprecation(mt.getModifiers()) + "  @ " + label);
            } else if (m instanceof VariableTree) {
                VariableTree vt = (VariableTree)m;
                Set<Modifier> vm = vt.getModifiers().getFlags();
                boolean enumConst = kind == Tree.Kind.ENUM && vt.getType() == null
                    || (kind == Tree.Kind.ENUM && vt.getType() != null
                        && vt.getType().toString().equals(c.getSimpleName().toString()) && vm.isEmpty());
                String vis;
                if (vm.contains(Modifier.PUBLIC) || isInterface || enumConst) {
                    vis = "public";
                } else if (vm.contains(Modifier.PROTECTED)) {
                    vis = "protected";
                } else {
                    continue;
                }
                boolean st = vm.contains(Modifier.STATIC) || isInterface || enumConst;
                boolean fin = vm.contains(Modifier.FINAL) || isInterface || enumConst;
                String type = enumConst ? c.getSimpleName().toString() : Signatures.erase(vt.getType().toString(), typeVars);
                lines.add(name + "#" + Signatures.field(vis, st, fin, type, vt.getName().toString())
                    + deprecation(vt.getModifiers()) + "  @ " + label);
            } else if (m instanceof ClassTree) {
                visit(pkg, (ClassTree)m, name, isInterface, label, out, mods.contains(Modifier.STATIC) ? Map.of() : typeVars);
            }
        }
        lines.sort(Comparator.naturalOrder());
    }

    /** {@code  [deprecated since=5.6 forRemoval]} for {@code @Deprecated(since = "5.6", forRemoval = true)}, else "". */
    private static String deprecation(final ModifiersTree mods) {
        for (AnnotationTree a : mods.getAnnotations()) {
            String t = a.getAnnotationType().toString();
            if (!t.equals("Deprecated") && !t.equals("java.lang.Deprecated")) {
                continue;
            }
            String since = "";
            boolean forRemoval = false;
            for (ExpressionTree arg : a.getArguments()) {
                if (arg instanceof AssignmentTree) {
                    AssignmentTree as = (AssignmentTree)arg;
                    String key = as.getVariable().toString();
                    String val = as.getExpression().toString();
                    if (key.equals("since")) {
                        since = val.replace("\"", "");
                    } else if (key.equals("forRemoval")) {
                        forRemoval = val.equals("true");
                    }
                }
            }
            return "  [" + Signatures.deprecation(since, forRemoval) + "]";
        }
        return "";
    }
}
