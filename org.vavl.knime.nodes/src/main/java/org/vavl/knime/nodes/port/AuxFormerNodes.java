package org.vavl.knime.nodes.port;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.StringValue;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.vavl.core.util.Progress;

/** Small pieces shared by the AuxFormer Learner and Predictor nodes. */
public final class AuxFormerNodes {

    private AuxFormerNodes() {
    }

    /** @return the engine's view of a KNIME execution monitor: progress, and cancellation as the user asks */
    public static Progress progress(final ExecutionMonitor exec) {
        return new Progress() {
            @Override
            public void update(final double fraction, final String message) {
                exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean isCancelled() {
                try {
                    exec.checkCanceled();
                    return false;
                } catch (CanceledExecutionException e) {
                    return true;
                }
            }
        };
    }

    /**
     * @return the path in a string cell, or null for a missing or empty cell
     * @throws IllegalArgumentException naming the row when the text is no path
     */
    public static Path path(final DataRow row, final int column, final String what) {
        if (column < 0) {
            return null;
        }
        final DataCell c = row.getCell(column);
        if (c.isMissing()) {
            return null;
        }
        final String s = ((StringValue)c).getStringValue().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Paths.get(s);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                "Row '" + row.getKey() + "': the " + what + " '" + s + "' is not a valid path.", e);
        }
    }

    /** @return the string in a cell, or null when missing */
    public static String string(final DataRow row, final int column) {
        if (column < 0) {
            return null;
        }
        final DataCell c = row.getCell(column);
        return c.isMissing() ? null : ((StringValue)c).getStringValue();
    }
}
