package org.vavl.knime.nodes.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;

/** Finds the columns a node reads, with errors that name the column and list the available ones. */
public final class Columns {

    private Columns() {
    }

    /**
     * @param settingName the setting that names the column, for messages
     * @return the index of the column
     * @throws InvalidSettingsException naming the column, the setting and the available columns of that kind
     */
    public static int require(final DataTableSpec spec, final String column, final Class<? extends DataValue> kind,
        final String settingName) throws InvalidSettingsException {
        if (column == null || column.isBlank()) {
            throw new InvalidSettingsException("Setting '" + settingName + "' names no column. Available: "
                + available(spec, kind) + ".");
        }
        final int index = spec.findColumnIndex(column);
        if (index < 0) {
            throw new InvalidSettingsException("Column '" + column + "' (setting '" + settingName
                + "') is not in the input table. Available: " + available(spec, kind) + ".");
        }
        final DataColumnSpec c = spec.getColumnSpec(index);
        if (!c.getType().isCompatible(kind)) {
            throw new InvalidSettingsException("Column '" + column + "' (setting '" + settingName + "') has type "
                + c.getType() + "; it must hold " + kind.getSimpleName() + ". Available: " + available(spec, kind)
                + ".");
        }
        return index;
    }

    /** @return the names of the columns compatible with {@code kind} */
    public static List<String> available(final DataTableSpec spec, final Class<? extends DataValue> kind) {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < spec.getNumColumns(); i++) {
            if (spec.getColumnSpec(i).getType().isCompatible(kind)) {
                names.add(spec.getColumnSpec(i).getName());
            }
        }
        return names;
    }

    /**
     * @return a column name not yet in the spec: {@code name}, or {@code name (#2)}, {@code name (#3)}, ...
     */
    public static String unique(final DataTableSpec spec, final String name) {
        String n = name;
        int i = 2;
        while (spec.containsName(n)) {
            n = name + " (#" + i++ + ")";
        }
        return n;
    }
}
