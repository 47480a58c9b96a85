package org.knime.core.data.collection;

import org.knime.core.data.DataCell;

/**
 * An ordered collection of cells.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/collection/ListDataValue.java
 */
public interface ListDataValue extends CollectionDataValue {

    /** @return the element at the index */
    DataCell get(int index);
}
