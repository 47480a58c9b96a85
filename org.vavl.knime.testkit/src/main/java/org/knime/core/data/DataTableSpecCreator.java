package org.knime.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link DataTableSpec}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataTableSpecCreator.java (test-kit subset).
 */
public final class DataTableSpecCreator {

    private String m_name = "default";

    private final List<DataColumnSpec> m_columns = new ArrayList<>();

    /** An empty creator. */
    public DataTableSpecCreator() {
    }

    /** @param spec to start from */
    public DataTableSpecCreator(final DataTableSpec spec) {
        m_name = spec.getName();
        spec.forEach(m_columns::add);
    }

    /** @return this */
    public DataTableSpecCreator setName(final String name) {
        m_name = name;
        return this;
    }

    /** @return this */
    public DataTableSpecCreator addColumns(final DataColumnSpec... specs) {
        m_columns.addAll(List.of(specs));
        return this;
    }

    /** @return this */
    public DataTableSpecCreator addColumns(final DataTableSpec spec) {
        spec.forEach(m_columns::add);
        return this;
    }

    /** @return this */
    public DataTableSpecCreator replaceColumn(final int index, final DataColumnSpec spec) {
        m_columns.set(index, spec);
        return this;
    }

    /** @return this */
    public DataTableSpecCreator dropAllColumns() {
        m_columns.clear();
        return this;
    }

    /** @return the spec @throws IllegalArgumentException for duplicate names */
    public DataTableSpec createSpec() {
        return new DataTableSpec(m_name, m_columns.toArray(new DataColumnSpec[0]));
    }
}
