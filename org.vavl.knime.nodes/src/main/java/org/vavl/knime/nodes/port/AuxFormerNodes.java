package org.vavl.knime.nodes.port;

import java.nio.file.Path;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.StringValue;
import org.vavl.knime.nodes.common.WorkflowPaths;

/** Reading the cells of the AuxFormer Learner's and Predictor's input tables. */
public final class AuxFormerNodes {

    private AuxFormerNodes() {
    }

    /**
     * Flow variables that the AuxFormer Predictor pushes with what its model is and was trained on
     * ({@link org.vavl.core.train.TrainedAuxFormer#provenance()}), read by the Evaluator for its report: the name of
     * each is this prefix and the provenance entry's name in lower case ({@code vavl model}, {@code vavl features}).
     */
    public static final String PROVENANCE_VARIABLE_PREFIX = "vavl ";

    /** The provenance entries the Predictor pushes and the Evaluator reads, in display order. */
    public static final java.util.List<String> PROVENANCE_ENTRIES = java.util.List.of("Features", "Model");

    /** @return the flow variable's name of a provenance entry */
    public static String provenanceVariable(final String entry) {
        return PROVENANCE_VARIABLE_PREFIX + entry.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @return the path in a string cell (see {@link WorkflowPaths#resolveCell}: a path, a {@code file:} or
     *         {@code knime://} URL; a relative path is taken relative to the workflow folder when known), or
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
            return WorkflowPaths.resolveCell(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Row '" + row.getKey() + "': the " + what + " '" + s
                + "' cannot be used as a file: " + e.getMessage() + (e.getMessage().endsWith(".") ? "" : "."), e);
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
