package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory;
import org.knime.core.data.DataType;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;

/**
 * A string cell.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/StringCell.java
 */
public final class StringCell extends DataCell implements StringValue, NominalValue {

    private static final long serialVersionUID = 1L;

    /** The type of string cells. */
    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    /** @param str the value, not null */
    public StringCell(final String str) {
        if (str == null) {
            throw new NullPointerException("String value can't be null.");
        }
        m_string = str;
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    public String toString() {
        return m_string;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((StringCell)dc).m_string.equals(m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }

    /**
     * Creates string cells.
     * <p>
     * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/StringCell.java (nested class).
     */
    public static final class StringCellFactory implements DataCellFactory {
        /** The type of the cells created. */
        public static final DataType TYPE = StringCell.TYPE;

        /** @return a string cell */
        public static DataCell create(final String s) {
            return new StringCell(s);
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }
    }
}
