package org.knime.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Name and type of a column (test-kit subset: no domain, properties or handlers).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataColumnSpec.java
 */
public final class DataColumnSpec {

    private final String m_name;

    private final DataType m_type;

    private final List<String> m_elementNames;

    DataColumnSpec(final String name, final DataType type, final String[] elementNames) {
        m_name = name;
        m_type = type;
        m_elementNames = elementNames == null ? Collections.emptyList()
            : Collections.unmodifiableList(Arrays.asList(elementNames.clone()));
    }

    /** @return the column name */
    public String getName() {
        return m_name;
    }

    /** @return the column type */
    public DataType getType() {
        return m_type;
    }

    /** @return the names of the elements of a collection / vector column (may be empty) */
    public List<String> getElementNames() {
        return m_elementNames;
    }

    /** @return whether name and type are equal */
    public boolean equalStructure(final DataColumnSpec cspec) {
        return cspec != null && cspec.m_name.equals(m_name) && cspec.m_type.equals(m_type);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataColumnSpec && equalStructure((DataColumnSpec)obj)
            && ((DataColumnSpec)obj).m_elementNames.equals(m_elementNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_name, m_type);
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",type=" + m_type;
    }
}
