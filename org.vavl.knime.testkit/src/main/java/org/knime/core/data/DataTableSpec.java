package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/**
 * The spec of a table: an ordered list of uniquely named columns.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataTableSpec.java (own implementation).
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private final String m_name;

    private final DataColumnSpec[] m_columns;

    private final Map<String, Integer> m_index = new HashMap<>();

    /** An empty spec. */
    public DataTableSpec() {
        this("default", new DataColumnSpec[0]);
    }

    /** @param name table name */
    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    /** @param colSpecs the columns */
    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this("default", colSpecs);
    }

    /** @param name table name @param colSpecs the columns (names must be unique) */
    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name;
        m_columns = colSpecs.clone();
        for (int i = 0; i < m_columns.length; i++) {
            if (m_columns[i] == null) {
                throw new NullPointerException("Column spec at index " + i + " must not be null");
            }
            if (m_index.put(m_columns[i].getName(), i) != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + m_columns[i].getName()
                    + "\" at positions " + m_index.get(m_columns[i].getName()) + " and " + i + ".");
            }
        }
    }

    /** @param names column names @param types column types */
    public DataTableSpec(final String[] names, final DataType[] types) {
        this("default", names, types);
    }

    /** @param name table name @param names column names @param types column types */
    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    /** Concatenates the columns of both specs. */
    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this("default", spec1, spec2);
    }

    /** Concatenates the columns of both specs. */
    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, Stream.concat(spec1.stream(), spec2.stream()).toArray(DataColumnSpec[]::new));
    }

    /** @return column specs for the names and types */
    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("Names and types must have the same length.");
        }
        DataColumnSpec[] s = new DataColumnSpec[names.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return s;
    }

    /** @return a name not in the spec: the given one, or with " (#n)" appended */
    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        if (spec == null || !spec.containsName(columnName)) {
            return columnName;
        }
        int i = 1;
        String n;
        do {
            n = columnName + " (#" + i++ + ")";
        } while (spec.containsName(n));
        return n;
    }

    /** @return the table name */
    public String getName() {
        return m_name;
    }

    /** @return the number of columns */
    public int getNumColumns() {
        return m_columns.length;
    }

    /** @return the column at the index */
    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns[index];
    }

    /** @return the column with the name, or null */
    public DataColumnSpec getColumnSpec(final String column) {
        int i = findColumnIndex(column);
        return i < 0 ? null : m_columns[i];
    }

    /** @return the index of the column, or -1 */
    public int findColumnIndex(final String columnName) {
        Integer i = columnName == null ? null : m_index.get(columnName);
        return i == null ? -1 : i;
    }

    /** @return whether a column has that name */
    public boolean containsName(final String columnName) {
        return findColumnIndex(columnName) >= 0;
    }

    /** @return whether any column is compatible with the value class */
    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        return stream().anyMatch(c -> c.getType().isCompatible(valueClass));
    }

    /** @return the indices of the named columns @throws IllegalArgumentException for unknown names */
    public int[] columnsToIndices(final String... columns) {
        int[] r = new int[columns.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = findColumnIndex(columns[i]);
            if (r[i] < 0) {
                throw new IllegalArgumentException("Column \"" + columns[i] + "\" not found.");
            }
        }
        return r;
    }

    /** @return the column names in order */
    public final String[] getColumnNames() {
        return stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    /** @return the columns as a stream */
    public Stream<DataColumnSpec> stream() {
        return Arrays.stream(m_columns);
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Arrays.asList(m_columns).iterator();
    }

    /** @return whether both specs have the same column names and types in the same order */
    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == null || spec.m_columns.length != m_columns.length) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].equalStructure(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && Arrays.equals(((DataTableSpec)obj).m_columns, m_columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_columns);
    }

    @Override
    public String toString() {
        List<String> cols = new ArrayList<>();
        for (DataColumnSpec c : m_columns) {
            cols.add(c.getName() + " (" + c.getType() + ")");
        }
        return "name=" + m_name + ",columns=" + cols;
    }
}
