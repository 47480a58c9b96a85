package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory.FromComplexString;
import org.knime.core.data.DataCellFactory.FromSimpleString;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;

/**
 * A boolean cell; create it with {@link BooleanCellFactory#create(boolean)} (KNIME deprecates {@link #get(boolean)}).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/BooleanCell.java
 */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue,
    NominalValue {

    private static final long serialVersionUID = 1L;

    /** The type of boolean cells. */
    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    /** true. */
    public static final BooleanCell TRUE = new BooleanCell(true);

    /** false. */
    public static final BooleanCell FALSE = new BooleanCell(false);

    private final boolean m_value;

    private BooleanCell(final boolean value) {
        m_value = value;
    }

    /**
     * @return {@link #TRUE} or {@link #FALSE}
     * @deprecated use {@link BooleanCellFactory#create(boolean)} instead (deprecated in KNIME, as here)
     */
    @Deprecated
    public static final BooleanCell get(final boolean b) {
        return b ? TRUE : FALSE;
    }

    @Override
    public boolean getBooleanValue() {
        return m_value;
    }

    @Override
    public int getIntValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public double getDoubleValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public String toString() {
        return Boolean.toString(m_value);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(m_value);
    }

    /**
     * Creates boolean cells.
     * <p>
     * Mirrors the nested factory of knime-core org.knime.core/src/eclipse/org/knime/core/data/def/BooleanCell.java
     */
    public static final class BooleanCellFactory implements FromSimpleString, FromComplexString {
        /** The type of the cells created. */
        public static final DataType TYPE = BooleanCell.TYPE;

        /** @return {@link BooleanCell#TRUE} or {@link BooleanCell#FALSE} */
        public static DataCell create(final boolean b) {
            return b ? TRUE : FALSE;
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        /** @return {@link BooleanCell#TRUE} if the string is "true" (ignoring case), else FALSE (as KNIME) */
        @Override
        public DataCell createCell(final String s) {
            return create(s);
        }

        /** @return {@link BooleanCell#TRUE} if the string is "true" (ignoring case), else FALSE (as KNIME) */
        public static DataCell create(final String s) {
            return create(Boolean.parseBoolean(s));
        }
    }
}
