package org.knime.core.data;

/**
 * A row ID.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/RowKey.java
 */
public final class RowKey implements RowKeyValue {

    private final String m_id;

    /** @param id the row ID, not null */
    public RowKey(final String id) {
        if (id == null) {
            throw new NullPointerException("Row key must not be null.");
        }
        m_id = id;
    }

    /** @return the row ID "Row" + index, as KNIME numbers rows */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }

    @Override
    public String getString() {
        return m_id;
    }

    @Override
    public String toString() {
        return m_id;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey && ((RowKey)obj).m_id.equals(m_id);
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }
}
