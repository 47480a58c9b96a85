package org.knime.core.data;

/**
 * Builds a {@link DataColumnSpec}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataColumnSpecCreator.java
 */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    private String[] m_elementNames;

    /** @param name column name, not null @param type column type, not null */
    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    /** @param cspec spec to start from */
    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        this(cspec.getName(), cspec.getType());
        m_elementNames = cspec.getElementNames().isEmpty() ? null : cspec.getElementNames().toArray(new String[0]);
    }

    /** @param name new name, not null */
    public void setName(final String name) {
        if (name == null) {
            throw new NullPointerException("Name of DataColumnSpec must not be null!");
        }
        m_name = name;
    }

    /** @param type new type, not null */
    public void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Type of DataColumnSpec must not be null!");
        }
        m_type = type;
    }

    /** @return the type */
    public DataType getType() {
        return m_type;
    }

    /** @param elementNames names of the elements of a vector / collection column */
    public void setElementNames(final String[] elementNames) {
        m_elementNames = elementNames == null ? null : elementNames.clone();
    }

    /** @return the spec */
    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type, m_elementNames);
    }
}
