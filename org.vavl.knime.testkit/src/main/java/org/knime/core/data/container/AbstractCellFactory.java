package org.knime.core.data.container;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Base of cell factories: holds the new column specs and reports progress per row.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/container/AbstractCellFactory.java (test-kit
 * subset: sequential processing only).
 */
public abstract class AbstractCellFactory implements CellFactory {

    private final DataColumnSpec[] m_colSpecs;

    /** @param colSpecs the new columns */
    public AbstractCellFactory(final DataColumnSpec... colSpecs) {
        this(false, colSpecs);
    }

    /** @param processConcurrently ignored by the test kit (rows are processed in order) @param colSpecs columns */
    public AbstractCellFactory(final boolean processConcurrently, final DataColumnSpec... colSpecs) {
        if (colSpecs == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_colSpecs = colSpecs.clone();
    }

    @Override
    public DataColumnSpec[] getColumnSpecs() {
        return m_colSpecs.clone();
    }

    /** @deprecated as in KNIME: the {@code long} variant is called */
    @Deprecated
    @Override
    public void setProgress(final int curRowNr, final int rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((long)curRowNr, (long)rowCount, lastKey, exec);
    }

    @Override
    public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        exec.setProgress(rowCount <= 0 ? 0 : curRowNr / (double)rowCount,
            () -> "Processed row " + curRowNr + "/" + rowCount + " (\"" + lastKey + "\")");
    }

    /** Called once after the last row. */
    public void afterProcessing() {
    }
}
