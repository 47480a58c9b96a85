package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory.FromComplexString;
import org.knime.core.data.DataCellFactory.FromSimpleString;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;

/**
 * A long cell.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/LongCell.java (test-kit subset: no fuzzy /
 * complex number interfaces).
 */
public class LongCell extends DataCell implements LongValue, DoubleValue {

    private static final long serialVersionUID = 1L;

    /** The type of long cells. */
    public static final DataType TYPE = DataType.getType(LongCell.class);

    private final long m_value;

    /** @param value the value */
    public LongCell(final long value) {
        m_value = value;
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
        return Long.toString(m_value);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((LongCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(m_value);
    }

    /**
     * Creates long cells.
     * <p>
     * Mirrors the nested factory of knime-core org.knime.core/src/eclipse/org/knime/core/data/def/LongCell.java
     */
    public static final class LongCellFactory implements FromSimpleString, FromComplexString {
        /** The type of the cells created. */
        public static final DataType TYPE = LongCell.TYPE;

        /** @return a cell */
        public static DataCell create(final long value) {
            return new LongCell(value);
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        /** @return a missing cell for a blank string, else the trimmed string parsed as a {@code long} (as KNIME) */
        @Override
        public DataCell createCell(final String s) {
            String t = s.trim();
            return t.isEmpty() ? DataType.getMissingCell() : new LongCell(Long.parseLong(t));
        }
    }
}
