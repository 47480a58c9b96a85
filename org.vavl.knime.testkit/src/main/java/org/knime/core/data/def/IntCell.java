package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory.FromComplexString;
import org.knime.core.data.DataCellFactory.FromSimpleString;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/**
 * A int cell.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/IntCell.java (test-kit subset: no fuzzy /
 * complex number interfaces).
 */
public class IntCell extends DataCell implements IntValue, LongValue, DoubleValue {

    private static final long serialVersionUID = 1L;

    /** The type of int cells. */
    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int m_value;

    /** @param value the value */
    public IntCell(final int value) {
        m_value = value;
    }

    @Override
    public int getIntValue() {
        return m_value;
    }

    @Override
    public long getLongValue() {
        return m_value;
    }

    @Override
    public double getDoubleValue() {
        return m_value;
    }

    @Override
    public String toString() {
        return Integer.toString(m_value);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((IntCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return m_value;
    }

    /**
     * Creates int cells.
     * <p>
     * Mirrors the nested factory of knime-core org.knime.core/src/eclipse/org/knime/core/data/def/IntCell.java
     */
    public static final class IntCellFactory implements FromSimpleString, FromComplexString {
        /** The type of the cells created. */
        public static final DataType TYPE = IntCell.TYPE;

        /** @return a cell */
        public static DataCell create(final int value) {
            return new IntCell(value);
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        /** @return a missing cell for a blank string, else the trimmed string parsed as a {@code int} (as KNIME) */
        @Override
        public DataCell createCell(final String s) {
            String t = s.trim();
            return t.isEmpty() ? DataType.getMissingCell() : new IntCell(Integer.parseInt(t));
        }
    }
}
