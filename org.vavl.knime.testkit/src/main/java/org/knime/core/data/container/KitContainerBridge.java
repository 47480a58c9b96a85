package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.vavl.knime.testkit.internal.KitAccess;

/** Test-kit bridge (package-private; not part of KNIME's API). */
final class KitContainerBridge implements KitAccess.ContainerBridge {

    static {
        KitAccess.register(new KitContainerBridge());
    }

    @Override
    public List<DataRow> rows(final DataContainer c) {
        return c.rows();
    }

    @Override
    public DataTableSpec rearrangedSpec(final ColumnRearranger r) {
        return r.createSpec();
    }

    @Override
    public List<DataRow> rearrange(final ColumnRearranger r, final Iterable<DataRow> rows, final long rowCount,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        List<DataRow> out = new ArrayList<>();
        List<CellFactory> factories = r.factories();
        long i = 0;
        for (DataRow row : rows) {
            exec.checkCanceled();
            out.add(r.apply(row, i));
            i++;
            for (CellFactory f : factories) {
                f.setProgress(i, rowCount, row.getKey(), exec);
            }
        }
        for (CellFactory f : factories) {
            if (f instanceof AbstractCellFactory) {
                ((AbstractCellFactory)f).afterProcessing();
            }
        }
        return out;
    }
}
