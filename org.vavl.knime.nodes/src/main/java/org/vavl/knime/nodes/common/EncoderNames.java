package org.vavl.knime.nodes.common;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.vavl.core.features.EncodedClip;
import org.vavl.knime.nodes.common.PerClipNodeModel.Column;

/**
 * Names of one encoder node ({@link ClipEncoderNodeModel}): its modality ("audio", "visual") for messages, its columns
 * (e.g. {@code Visual features}, {@code ... frames}, {@code ... dim}, {@code ... error}), the input column's key and
 * the built-in encoders (the default first).
 */
public record EncoderNames(String modality, String pathColumn, String framesColumn, String dimColumn,
    String errorColumn, String inputSetting, List<String> builtIns) {

    /** @return the feature columns: the feature file's path, its frames and its dim */
    List<Column<EncodedClip>> columns() {
        return List.of(new Column<>(pathColumn, StringCell.TYPE, r -> new StringCell(r.features().toString())),
            new Column<>(framesColumn, IntCell.TYPE, r -> new IntCell(r.frames())),
            new Column<>(dimColumn, IntCell.TYPE, r -> new IntCell(r.dim())));
    }

    /**
     * @param out the columns the node appends
     * @throws InvalidSettingsException when the input table already has one of them (encoded before)
     */
    void checkAbsent(final DataTableSpec in, final DataTableSpec out) throws InvalidSettingsException {
        for (String name : out.getColumnNames()) {
            if (in.containsName(name)) {
                throw new InvalidSettingsException("The input table already has a column '" + name + "'. Remove it"
                    + " (Column Filter) before encoding the " + modality + " features again.");
            }
        }
    }
}
