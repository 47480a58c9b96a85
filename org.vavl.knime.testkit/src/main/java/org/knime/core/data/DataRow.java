package org.knime.core.data;

/**
 * A row of a table: a key and cells.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataRow.java
 */
public interface DataRow extends Iterable<DataCell> {

    /** @return the number of cells */
    int getNumCells();

    /** @return the row ID */
    RowKey getKey();

    /** @return the cell at the index */
    DataCell getCell(int index);
}
