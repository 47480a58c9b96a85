package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DefaultRow;
import org.vavl.knime.testkit.internal.KitAccess;
import org.vavl.knime.testkit.internal.KitAccess.ProgressSink;

/**
 * The execution monitor that also creates tables.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/ExecutionContext.java (own implementation;
 * the real public constructors take KNIME-internal types and are left out).
 */
public class ExecutionContext extends ExecutionMonitor {

    ExecutionContext(final ExecutionMonitor parent, final ProgressSink sink, final double share,
        final boolean silent) {
        super(parent, sink, share, silent, true);
    }

    /** @return a container for a new table */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    /** @return a container for a new table */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return new BufferedDataContainer(spec);
    }

    /**
     * @return a container for a new table
     * @deprecated as in KNIME (since 5.3, for removal)
     */
    @Deprecated(since = "5.3", forRemoval = true)
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain,
        final int maxCellsInMemory) {
        return new BufferedDataContainer(spec);
    }

    /** @return a copy of the table */
    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        BufferedDataContainer c = createDataContainer(table.getDataTableSpec());
        for (DataRow r : table) {
            subProgressMon.checkCanceled();
            c.addRowToTable(r);
        }
        c.close();
        return c.getTable();
    }

    /** @return the table rearranged (cell factories are applied row by row) */
    public BufferedDataTable createColumnRearrangeTable(final BufferedDataTable in, final ColumnRearranger rearranger,
        final ExecutionMonitor subProgressMon) throws CanceledExecutionException {
        KitAccess.ContainerBridge b = KitAccess.container();
        DataTableSpec spec = b.rearrangedSpec(rearranger);
        List<DataRow> rows = b.rearrange(rearranger, in.rows(), in.size(), subProgressMon);
        BufferedDataContainer c = createDataContainer(spec);
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    /** @return the same rows with a new spec (same number of columns, compatible types) */
    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        if (newSpec.getNumColumns() != in.getDataTableSpec().getNumColumns()) {
            throw new IllegalArgumentException("Table specs differ in number of columns: "
                + in.getDataTableSpec().getNumColumns() + " vs. " + newSpec.getNumColumns());
        }
        BufferedDataContainer c = createDataContainer(newSpec);
        in.rows().forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    /** @return the rows of all tables one after the other (same spec, unique row IDs) */
    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        if (tables.length == 0) {
            throw new IllegalArgumentException("No tables to concatenate");
        }
        DataTableSpec spec = tables[0].getDataTableSpec();
        BufferedDataContainer c = createDataContainer(spec);
        for (BufferedDataTable t : tables) {
            if (!t.getDataTableSpec().equalStructure(spec)) {
                throw new IllegalArgumentException("Table specs of the tables to concatenate differ: "
                    + spec + " vs. " + t.getDataTableSpec());
            }
            for (DataRow r : t.rows()) {
                exec.checkCanceled();
                c.addRowToTable(r);
            }
        }
        c.close();
        return c.getTable();
    }

    /** @return the columns of both tables side by side (same row IDs in the same order) */
    public BufferedDataTable createJoinedTable(final BufferedDataTable left, final BufferedDataTable right,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        DataTableSpec spec = new DataTableSpec(left.getDataTableSpec(), right.getDataTableSpec());
        List<DataRow> l = left.rows();
        List<DataRow> r = right.rows();
        if (l.size() != r.size()) {
            throw new IllegalArgumentException("Tables can't be joined, non matching row counts: " + l.size()
                + " vs. " + r.size());
        }
        BufferedDataContainer c = createDataContainer(spec);
        for (int i = 0; i < l.size(); i++) {
            exec.checkCanceled();
            RowKey k = l.get(i).getKey();
            if (!k.equals(r.get(i).getKey())) {
                throw new IllegalArgumentException(
                    "Tables contain non-matching rows or are sorted differently, keys in row " + i
                        + " do not match: \"" + k + "\" vs. \"" + r.get(i).getKey() + "\"");
            }
            List<DataCell> cells = new ArrayList<>();
            l.get(i).forEach(cells::add);
            r.get(i).forEach(cells::add);
            c.addRowToTable(new DefaultRow(k, cells));
        }
        c.close();
        return c.getTable();
    }

    /** @return a context for a part of the work */
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(this, sink(), maxProg, false);
    }

    /** @return a context for a part of the work whose messages are not shown */
    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(this, sink(), maxProg, true);
    }

}
