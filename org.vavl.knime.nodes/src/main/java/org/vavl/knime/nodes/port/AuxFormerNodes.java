package org.vavl.knime.nodes.port;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.StringValue;
import org.vavl.knime.nodes.common.WorkflowPaths;

/** Reading the cells of the AuxFormer Learner's and Predictor's input tables. */
public final class AuxFormerNodes {

    private AuxFormerNodes() {
    }

    /**
     * @return the path in a string cell (a relative path is taken relative to the workflow folder when known), or
     *         null for a missing or empty cell
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
            final Path path = Paths.get(s);
            final Path workflow = path.isAbsolute() ? null : WorkflowPaths.workflowFolder();
            return workflow == null ? path : workflow.resolve(path).normalize();
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
