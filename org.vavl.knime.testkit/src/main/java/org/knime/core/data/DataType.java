package org.knime.core.data;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.knime.core.data.collection.CollectionDataValue;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.vector.doublevector.DenseDoubleVectorCell;

/**
 * The type of a column: the cell class, and for collection cells the element type.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataType.java (own implementation; names as
 * KNIME 5.x shows them).
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> NATIVE = new ConcurrentHashMap<>();

    private final Class<? extends DataCell> m_cellClass;

    private final DataType m_elementType;

    private DataType(final Class<? extends DataCell> cellClass, final DataType elementType) {
        m_cellClass = cellClass;
        m_elementType = elementType;
    }

    /** @return the type of cells of the given class */
    public static DataType getType(final Class<? extends DataCell> cell) {
        Objects.requireNonNull(cell, "Cell class must not be null.");
        if (CollectionDataValue.class.isAssignableFrom(cell) && cell != DataCell.class) {
            throw new IllegalArgumentException(
                "Collection cell class " + cell.getSimpleName() + " needs an element type");
        }
        return NATIVE.computeIfAbsent(cell, c -> new DataType(c, null));
    }

    /** @return the type of collection cells of the given class with the given element type */
    public static DataType getType(final Class<? extends DataCell> cellImplementsCollectionDataValue,
        final DataType collectionElementType) {
        if (collectionElementType == null) {
            return getType(cellImplementsCollectionDataValue);
        }
        if (!CollectionDataValue.class.isAssignableFrom(cellImplementsCollectionDataValue)) {
            throw new IllegalArgumentException(
                "Cell class " + cellImplementsCollectionDataValue.getSimpleName() + " is no collection");
        }
        return new DataType(cellImplementsCollectionDataValue, collectionElementType);
    }

    /** @return the missing cell (without error message) */
    public static DataCell getMissingCell() {
        return MissingCell.INSTANCE;
    }

    /** @return the cell class */
    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    /** @return whether cells of this type implement the value interface */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(m_cellClass);
    }

    /** @return whether cells of the other type are also of this type (same class and element type, or subclass) */
    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            return false;
        }
        if (equals(type) || m_cellClass == DataCell.class) {
            return true;
        }
        if (type.m_cellClass == MissingCell.class) {
            return true;
        }
        return m_cellClass.isAssignableFrom(type.m_cellClass)
            && (m_elementType == null || m_elementType.isASuperTypeOf(type.m_elementType));
    }

    /** @return the element type of a collection type, or null */
    public DataType getCollectionElementType() {
        return m_elementType;
    }

    /** @return whether this is a collection type */
    public boolean isCollectionType() {
        return m_elementType != null;
    }

    /** @return the name KNIME shows for this type */
    public String getName() {
        if (m_elementType != null) {
            if (m_cellClass == DenseDoubleVectorCell.class) {
                return "Double vector";
            }
            if (m_cellClass == ListCell.class) {
                return "List of " + m_elementType.getName();
            }
            return m_cellClass.getSimpleName() + " of " + m_elementType.getName();
        }
        if (m_cellClass == StringCell.class) {
            return "String";
        } else if (m_cellClass == DoubleCell.class) {
            return "Number (Float)";
        } else if (m_cellClass == IntCell.class) {
            return "Number (Integer)";
        } else if (m_cellClass == LongCell.class) {
            return "Number (Long Integer)";
        } else if (m_cellClass == BooleanCell.class) {
            return "Boolean";
        }
        return m_cellClass.getSimpleName();
    }

    @Override
    public String toString() {
        return getName();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataType && ((DataType)obj).m_cellClass == m_cellClass
            && Objects.equals(((DataType)obj).m_elementType, m_elementType);
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode() * 31 + Objects.hashCode(m_elementType);
    }
}
