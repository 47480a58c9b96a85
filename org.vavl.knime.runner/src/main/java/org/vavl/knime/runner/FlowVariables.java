package org.vavl.knime.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Applies the flow-variable bindings KNIME stores in a node's {@code variables} config to its {@code model}
 * settings. Format (knime-core ConfigEditTreeModel): {@code version} = {@code V_2019_09_13} and a {@code tree}
 * mirroring the model config; a leaf config holds {@code used_variable} (the variable that sets the value) and
 * {@code exposed_variable} (a variable the value is published as). Without {@code version} (KNIME 4.0 and older)
 * the leaves sit directly in the {@code variables} config.
 */
public final class FlowVariables {

    private FlowVariables() {
    }

    /** A binding of a settings entry to a variable. */
    public record Binding(List<String> path, String usedVariable, String exposedVariable) {
        /** @return the path as "a/b/key" */
        public String pathString() {
            return String.join("/", path);
        }
    }

    /** @return the bindings in the variables config (may be null = none) */
    public static List<Binding> bindings(final NodeSettingsRO variables) throws InvalidSettingsException {
        List<Binding> out = new ArrayList<>();
        if (variables == null) {
            return out;
        }
        ConfigBase tree = variables.containsKey("tree") ? variables.getConfigBase("tree") : (ConfigBase)variables;
        collect(tree, new ArrayList<>(), out);
        return out;
    }

    private static void collect(final ConfigBase c, final List<String> path, final List<Binding> out)
        throws InvalidSettingsException {
        for (String key : c.keySet()) {
            AbstractConfigEntry e = c.getEntry(key);
            if (!(e instanceof ConfigBase)) {
                continue; // e.g. "version"
            }
            ConfigBase sub = (ConfigBase)e;
            List<String> p = new ArrayList<>(path);
            p.add(key);
            if (sub.containsKey("used_variable") || sub.containsKey("exposed_variable")) {
                out.add(new Binding(p, sub.getString("used_variable", null), sub.getString("exposed_variable", null)));
            } else {
                collect(sub, p, out);
            }
        }
    }

    /**
     * Overwrites the bound entries of the model settings with the variables' values.
     *
     * @param model the model settings (changed in place)
     * @param bindings the bindings
     * @param variables available variables (String, Integer, Double)
     * @param skipUnknown true to leave entries whose variable is not available unchanged
     * @throws InvalidSettingsException naming the setting and the variable when the variable is missing or does
     *             not fit the setting's type
     */
    public static void apply(final NodeSettings model, final List<Binding> bindings,
        final Map<String, Object> variables, final boolean skipUnknown) throws InvalidSettingsException {
        for (Binding b : bindings) {
            if (b.usedVariable() == null) {
                continue;
            }
            if (!variables.containsKey(b.usedVariable())) {
                if (skipUnknown) {
                    continue;
                }
                throw new InvalidSettingsException("Flow variable \"" + b.usedVariable() + "\" for setting \""
                    + b.pathString() + "\" is not available");
            }
            ConfigBase parent = model;
            for (int i = 0; i < b.path().size() - 1; i++) {
                parent = parent.getConfigBase(b.path().get(i));
            }
            String key = b.path().get(b.path().size() - 1);
            overwrite(parent, key, variables.get(b.usedVariable()), b);
        }
    }

    private static void overwrite(final ConfigBase parent, final String key, final Object value, final Binding b)
        throws InvalidSettingsException {
        String type = entryType(parent, key);
        String what = "flow variable \"" + b.usedVariable() + "\" (" + value + ") for setting \"" + b.pathString()
            + "\"";
        switch (type) {
            case "xstring":
                parent.addString(key, String.valueOf(value));
                break;
            case "xint":
                if (!(value instanceof Integer)) {
                    throw new InvalidSettingsException("Cannot use " + what + ": the setting is an int");
                }
                parent.addInt(key, (Integer)value);
                break;
            case "xlong":
                if (!(value instanceof Integer)) {
                    throw new InvalidSettingsException("Cannot use " + what + ": the setting is a long");
                }
                parent.addLong(key, (Integer)value);
                break;
            case "xdouble":
                if (!(value instanceof Number)) {
                    throw new InvalidSettingsException("Cannot use " + what + ": the setting is a double");
                }
                parent.addDouble(key, ((Number)value).doubleValue());
                break;
            case "xboolean":
                if (value instanceof String && ("true".equalsIgnoreCase((String)value)
                    || "false".equalsIgnoreCase((String)value))) {
                    parent.addBoolean(key, Boolean.parseBoolean((String)value));
                } else if (value instanceof Integer && ((Integer)value == 0 || (Integer)value == 1)) {
                    parent.addBoolean(key, (Integer)value == 1);
                } else {
                    throw new InvalidSettingsException("Cannot use " + what + ": the setting is a boolean");
                }
                break;
            default:
                throw new InvalidSettingsException("Cannot use " + what + ": the setting is " + type);
        }
    }

    private static String entryType(final ConfigBase parent, final String key) throws InvalidSettingsException {
        AbstractConfigEntry e = parent.getEntry(key);
        if (e == null) {
            throw new InvalidSettingsException("Setting \"" + key + "\" bound to a flow variable does not exist");
        }
        if (e instanceof ConfigBase) {
            return "a config";
        }
        // the XML type of a leaf entry is what a copy writes; probe with the typed getters
        for (String t : new String[]{"xstring", "xint", "xlong", "xdouble", "xboolean"}) {
            if (hasType(parent, key, t)) {
                return t;
            }
        }
        return "of another type";
    }

    private static boolean hasType(final ConfigBase c, final String key, final String t) {
        try {
            switch (t) {
                case "xstring":
                    c.getString(key);
                    return true;
                case "xint":
                    c.getInt(key);
                    return true;
                case "xlong":
                    c.getLong(key);
                    return true;
                case "xdouble":
                    c.getDouble(key);
                    return true;
                default:
                    c.getBoolean(key);
                    return true;
            }
        } catch (InvalidSettingsException e) {
            return false;
        }
    }

    /** @return the value of the entry at the path as a variable value (String, Integer, Double), for exposing */
    public static Object exposedValue(final NodeSettingsRO model, final Binding b) throws InvalidSettingsException {
        ConfigBase parent = (ConfigBase)model;
        for (int i = 0; i < b.path().size() - 1; i++) {
            parent = parent.getConfigBase(b.path().get(i));
        }
        String key = b.path().get(b.path().size() - 1);
        switch (entryType(parent, key)) {
            case "xint":
                return parent.getInt(key);
            case "xdouble":
                return parent.getDouble(key);
            case "xlong":
                return (int)parent.getLong(key);
            case "xboolean":
                return String.valueOf(parent.getBoolean(key));
            default:
                return parent.getString(key);
        }
    }
}
