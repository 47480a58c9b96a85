package org.knime.core.data.collection;

import org.knime.core.data.DataCell;

/**
 * A collection of cells.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/collection/CellCollection.java
 */
public interface CellCollection extends Iterable<DataCell> {

    /** @return whether blob cells are wrapped inside (never in the test kit) */
    boolean containsBlobWrapperCells();
}
