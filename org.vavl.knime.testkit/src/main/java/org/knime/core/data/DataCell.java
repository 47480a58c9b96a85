package org.knime.core.data;

import java.io.Serializable;

import org.knime.core.data.collection.CollectionDataValue;

/**
 * A cell of a table.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataCell.java (own implementation).
 */
public abstract class DataCell implements DataValue, Serializable {

    private static final long serialVersionUID = 1L;

    /** @return the type of this cell (for collection cells including the element type) */
    public final DataType getType() {
        if (this instanceof CollectionDataValue) {
            return DataType.getType(getClass(), ((CollectionDataValue)this).getElementType());
        }
        return DataType.getType(getClass());
    }

    /** @return whether this is a missing cell */
    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    /** @return whether the other cell (of the same class) holds the same value */
    protected abstract boolean equalsDataCell(DataCell dc);

    @Override
    public final boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataCell)) {
            return false;
        }
        DataCell other = (DataCell)obj;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        return other.getClass() == getClass() && equalsDataCell(other);
    }

    @Override
    public abstract int hashCode();
}
