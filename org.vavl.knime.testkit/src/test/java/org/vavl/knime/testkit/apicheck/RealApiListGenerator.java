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

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;

/**
 * Writes the list of public and protected members of the KNIME types that the test kit mirrors, read from
 * KNIME's real sources (knime/knime-core and knime/knime-shared checkouts) with the JDK's Java parser. Not a
 * test: run it by hand when a type is added to the kit, for example
 *
 * <pre>
 * java -cp target/test-classes org.vavl.knime.testkit.apicheck.RealApiListGenerator \
 *   src/main/java src/test/resources/knime-api-5x.txt "knime-core@1b5880a377" /path/knime-core \
 *   "knime-shared@63efb3f4" /path/knime-shared
 * </pre>
 *
 * Only the types whose source file exists in the kit (same package and name) are listed, with all their
 * real public/protected members, so the kit may grow within the list without running this again.
 * Signatures are normalised by {@link Signatures}.
 */
public final class RealApiListGenerator {

    private RealApiListGenerator() {
    }

    public static void main(final String[] args) throws IOException {
        Path kitSources = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        Map<String, Path> realRoots = new java.util.LinkedHashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            realRoots.put(args[i], Paths.get(args[i + 1]));
        }
        Set<String> kitFiles;
        try (Stream<Path> s = Files.walk(kitSources)) {
            kitFiles = s.filter(p -> p.toString().endsWith(".java"))
                .map(p -> kitSources.relativize(p).toString().replace('\\', '/'))
                .filter(p -> p.startsWith("org/knime/")).collect(Collectors.toCollection(TreeSet::new));
        }
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
                        label = root.getKey() + ":" + root.getValue().relativize(found).toString().replace('\\', '/');
                        break;
                    }
                }
            }
            if (found == null) {
                System.err.println("NOT FOUND in real sources: " + rel);
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
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("# Public and protected members of the KNIME types mirrored by org.vavl.knime.testkit,");
            w.println("# read from KNIME's sources (" + String.join(", ", realRoots.keySet()) + ")");
            w.println("# by RealApiListGenerator. Format: <type>#<signature>  @ <source file>; generics erased.");
            for (List<String> lines : linesByType.values()) {
                for (String l : lines) {
                    w.println(l);
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
        String ext = c.getExtendsClause() == null ? "" : " extends " + Signatures.erase(c.getExtendsClause().toString(), typeVars);
        lines.add(name + "#" + Signatures.normaliseType(typeMods + " " + kindWord + ext) + "  @ " + label);
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
                lines.add(name + "#" + sig + "  @ " + label);
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
                lines.add(name + "#" + Signatures.field(vis, st, fin, type, vt.getName().toString()) + "  @ " + label);
            } else if (m instanceof ClassTree) {
                visit(pkg, (ClassTree)m, name, isInterface, label, out, mods.contains(Modifier.STATIC) ? Map.of() : typeVars);
            }
        }
        lines.sort(Comparator.naturalOrder());
    }
}
