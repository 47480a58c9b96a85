package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory.FromComplexString;
import org.knime.core.data.DataCellFactory.FromSimpleString;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;

/**
 * A double cell.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/DoubleCell.java (test-kit subset: no fuzzy /
 * complex number interfaces).
 */
public final class DoubleCell extends DataCell implements DoubleValue {

    private static final long serialVersionUID = 1L;

    /** The type of double cells. */
    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double m_value;

    /** @param value the value */
    public DoubleCell(final double value) {
        m_value = value;
    }

    @Override
    public double getDoubleValue() {
        return m_value;
    }

    @Override
    public String toString() {
        return Double.toString(m_value);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Double.compare(((DoubleCell)dc).m_value, m_value) == 0 || ((DoubleCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(m_value);
    }

    /**
     * Creates double cells.
     * <p>
     * Mirrors the nested factory of knime-core org.knime.core/src/eclipse/org/knime/core/data/def/DoubleCell.java
     */
    public static final class DoubleCellFactory implements FromSimpleString, FromComplexString {
        /** The type of the cells created. */
        public static final DataType TYPE = DoubleCell.TYPE;

        /** @return a cell */
        public static DataCell create(final double value) {
            return new DoubleCell(value);
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        /** @return a missing cell for a blank string, else the trimmed string parsed as a {@code double} (as KNIME) */
        @Override
        public DataCell createCell(final String s) {
            String t = s.trim();
            return t.isEmpty() ? DataType.getMissingCell() : new DoubleCell(Double.parseDouble(t));
        }
    }
}
