package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Computes new cells for a row (used with {@link ColumnRearranger}).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/container/CellFactory.java
 */
public interface CellFactory {

    /** @return the new cells for the row; implement this or {@link #getCells(DataRow, long)} */
    default DataCell[] getCells(final DataRow row) {
        throw new UnsupportedOperationException("Implement getCells(DataRow) or getCells(DataRow, long)");
    }

    /** @return the new cells for the row with the given index */
    default DataCell[] getCells(final DataRow row, final long rowIndex) {
        return getCells(row);
    }

    /** @return the specs of the new columns */
    DataColumnSpec[] getColumnSpecs();

    /**
     * Reports progress.
     *
     * @deprecated as in KNIME: implement {@link #setProgress(long, long, RowKey, ExecutionMonitor)}
     */
    @Deprecated
    void setProgress(int curRowNr, int rowCount, RowKey lastKey, ExecutionMonitor exec);

    /** Reports progress. */
    @SuppressWarnings("deprecation") // as KNIME's default, it calls the int variant
    default void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((int)curRowNr, (int)rowCount, lastKey, exec);
    }
}
