package org.vavl.knime.testkit.apicheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The one normal form of a member signature, shared by the list generator (sources) and the check (reflection). */
final class Signatures {

    private Signatures() {
    }

    /** Erases a type as written in source: generics dropped, qualified names shortened, type variables bound. */
    static String erase(final String written, final Map<String, String> typeVars) {
        return erase(written, typeVars, 0);
    }

    private static String erase(final String written, final Map<String, String> typeVars, final int depth) {
        String t = written.trim().replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "");
        StringBuilder b = new StringBuilder();
        int level = 0;
        for (char ch : t.toCharArray()) {
            if (ch == '<') {
                level++;
            } else if (ch == '>') {
                level--;
            } else if (level == 0) {
                b.append(ch);
            }
        }
        t = b.toString().replace("...", "[]").replace(" ", "");
        int dims = 0;
        while (t.endsWith("[]")) {
            dims++;
            t = t.substring(0, t.length() - 2);
        }
        int dot = t.lastIndexOf('.');
        if (dot >= 0) {
            t = t.substring(dot + 1);
        }
        if (typeVars.containsKey(t) && depth < 5) {
            t = erase(typeVars.get(t), typeVars, depth + 1);
        }
        return t + "[]".repeat(dims);
    }

    static String member(final String vis, final boolean isStatic, final boolean isAbstract, final boolean isFinal,
        final String returnType, final String name, final List<String> params, final List<String> throwsList) {
        StringBuilder b = new StringBuilder(vis);
        if (isStatic) {
            b.append(" static");
        }
        if (isAbstract) {
            b.append(" abstract");
        }
        if (isFinal) {
            b.append(" final");
        }
        if (returnType != null) {
            b.append(' ').append(returnType);
        }
        b.append(' ').append(name).append('(').append(String.join(", ", params)).append(')');
        if (!throwsList.isEmpty()) {
            List<String> t = new ArrayList<>(throwsList);
            Collections.sort(t);
            b.append(" throws ").append(String.join(", ", t));
        }
        return b.toString();
    }

    static String field(final String vis, final boolean isStatic, final boolean isFinal, final String type,
        final String name) {
        return vis + (isStatic ? " static" : "") + (isFinal ? " final" : "") + " " + type + " " + name;
    }

    static String normaliseType(final String s) {
        return s.trim().replaceAll("\\s+", " ");
    }

    /** A type's line: modifiers and kind, then its super class and its interfaces (sorted; an interface's
     * super interfaces are written as {@code extends}). */
    static String typeLine(final String modsAndKind, final boolean isInterface, final String superClass,
        final List<String> interfaces) {
        StringBuilder b = new StringBuilder(normaliseType(modsAndKind));
        List<String> i = new ArrayList<>(interfaces);
        Collections.sort(i);
        if (isInterface) {
            if (!i.isEmpty()) {
                b.append(" extends ").append(String.join(", ", i));
            }
            return b.toString();
        }
        if (superClass != null) {
            b.append(" extends ").append(superClass);
        }
        if (!i.isEmpty()) {
            b.append(" implements ").append(String.join(", ", i));
        }
        return b.toString();
    }

    /** The deprecation marker: {@code deprecated}, {@code deprecated since=5.6}, {@code deprecated since=5.6 forRemoval}. */
    static String deprecation(final String since, final boolean forRemoval) {
        return "deprecated" + (since.isEmpty() ? "" : " since=" + since) + (forRemoval ? " forRemoval" : "");
    }
}
