package org.knime.core.data.collection;

import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;

/**
 * A value that is a collection of cells.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/collection/CollectionDataValue.java
 */
public interface CollectionDataValue extends DataValue, CellCollection {

    /** @return the common type of the elements */
    DataType getElementType();

    /** @return the number of elements */
    int size();
}
