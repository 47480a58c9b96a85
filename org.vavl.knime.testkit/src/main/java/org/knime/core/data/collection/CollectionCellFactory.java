package org.knime.core.data.collection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;

/**
 * Creates collection cells.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/collection/CollectionCellFactory.java
 * (test-kit subset: lists only).
 */
public final class CollectionCellFactory {

    private CollectionCellFactory() {
    }

    /** @return a list cell holding the cells */
    public static ListCell createListCell(final Collection<? extends DataCell> coll) {
        List<DataCell> cells = new ArrayList<>(coll);
        return new ListCell(cells, getElementType(cells.stream().map(DataCell::getType).toArray(DataType[]::new)));
    }

    /** @return a list cell holding the cells of the row at the given columns */
    public static ListCell createListCell(final DataRow row, final int[] cols) {
        List<DataCell> cells = new ArrayList<>();
        for (int c : cols) {
            cells.add(row.getCell(c));
        }
        return createListCell(cells);
    }

    /** @return the common element type (the type itself when all are equal, ignoring missing cells) */
    public static DataType getElementType(final DataType[] types) {
        DataType common = null;
        for (DataType t : types) {
            if (t.equals(DataType.getMissingCell().getType())) {
                continue;
            }
            if (common == null) {
                common = t;
            } else if (!common.equals(t)) {
                return DataType.getType(DataCell.class);
            }
        }
        return common == null ? DataType.getType(DataCell.class) : common;
    }
}
