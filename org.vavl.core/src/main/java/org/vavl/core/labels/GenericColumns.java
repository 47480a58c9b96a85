package org.vavl.core.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns of a generic label file.
 *
 * @param idColumn the clip id (file name with or without extension or folder)
 * @param labelColumns one or more label columns (numbers become numeric columns, anything else text)
 * @param splitColumn the split (Train / Development / Test), or blank for none
 * @param speakerColumn the speaker, or blank for none
 * @param genderColumn the gender, or blank for none
 */
public record GenericColumns(String idColumn, List<String> labelColumns, String splitColumn, String speakerColumn,
    String genderColumn) {

    public GenericColumns {
        Objects.requireNonNull(idColumn, "idColumn");
        labelColumns = List.copyOf(labelColumns);
        splitColumn = splitColumn == null ? "" : splitColumn.trim();
        speakerColumn = speakerColumn == null ? "" : speakerColumn.trim();
        genderColumn = genderColumn == null ? "" : genderColumn.trim();
    }

    /** Id, labels and split only. */
    public GenericColumns(final String idColumn, final List<String> labelColumns, final String splitColumn) {
        this(idColumn, labelColumns, splitColumn, "", "");
    }

    /** @return the label columns of a comma-separated list ("Emotion" or "arousal, valence") */
    public static List<String> parseList(final String commaSeparated) {
        final List<String> out = new ArrayList<>();
        if (commaSeparated != null) {
            for (String s : commaSeparated.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
