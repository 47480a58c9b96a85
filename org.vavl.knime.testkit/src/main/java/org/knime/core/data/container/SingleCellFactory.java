package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;

/**
 * A cell factory that appends or replaces exactly one column.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/container/SingleCellFactory.java
 */
public abstract class SingleCellFactory extends AbstractCellFactory {

    /** @param newColSpec the new column */
    public SingleCellFactory(final DataColumnSpec newColSpec) {
        super(newColSpec);
    }

    /** @param processConcurrently ignored by the test kit @param newColSpec the new column */
    public SingleCellFactory(final boolean processConcurrently, final DataColumnSpec newColSpec) {
        super(processConcurrently, newColSpec);
    }

    /** @return the new cell; implement this or {@link #getCell(DataRow, long)} */
    public DataCell getCell(final DataRow row) {
        throw new UnsupportedOperationException("Implement getCell(DataRow) or getCell(DataRow, long)");
    }

    /** @return the new cell for the row with the given index */
    public DataCell getCell(final DataRow row, final long rowIndex) {
        return getCell(row);
    }

    @Override
    public DataCell[] getCells(final DataRow row, final long rowIndex) {
        return new DataCell[]{getCell(row, rowIndex)};
    }
}
