package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/**
 * A row held in memory.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/DefaultRow.java
 */
public class DefaultRow implements DataRow {

    private final RowKey m_key;

    private final DataCell[] m_cells;

    /** @param rowKey key @param row cells (none null) */
    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        if (rowKey == null) {
            throw new NullPointerException("Row key must not be null.");
        }
        m_key = rowKey;
        m_cells = row.clone();
        for (int i = 0; i < m_cells.length; i++) {
            if (m_cells[i] == null) {
                throw new NullPointerException("Cell at index " + i + " of row \"" + rowKey + "\" is null.");
            }
        }
    }

    /** @param rowId key @param row cells */
    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    /** @param rowKey key @param row cells */
    public DefaultRow(final RowKey rowKey, final List<? extends DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    /** @param rowId key @param row cells */
    public DefaultRow(final String rowId, final List<? extends DataCell> row) {
        this(new RowKey(rowId), row);
    }

    /** @param rowKey key @param row double values */
    public DefaultRow(final RowKey rowKey, final double... row) {
        this(rowKey, Arrays.stream(row).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    /** @param rowId key @param row double values */
    public DefaultRow(final String rowId, final double... row) {
        this(new RowKey(rowId), row);
    }

    /** @param rowKey key @param row int values */
    public DefaultRow(final RowKey rowKey, final int... row) {
        this(rowKey, Arrays.stream(row).mapToObj(IntCell::new).toArray(DataCell[]::new));
    }

    /** @param rowId key @param row int values */
    public DefaultRow(final String rowId, final int... row) {
        this(new RowKey(rowId), row);
    }

    /** @param rowKey key @param row string values */
    public DefaultRow(final RowKey rowKey, final String... row) {
        this(rowKey, Arrays.stream(row).map(StringCell::new).toArray(DataCell[]::new));
    }

    /** @param rowId key @param row string values */
    public DefaultRow(final String rowId, final String... row) {
        this(new RowKey(rowId), row);
    }

    /** @param rowKey new key @param row the cells of this row are copied */
    public DefaultRow(final RowKey rowKey, final DataRow row) {
        this(rowKey, copy(row));
    }

    /** @param rowId new key @param row the cells of this row are copied */
    public DefaultRow(final String rowId, final DataRow row) {
        this(new RowKey(rowId), row);
    }

    private static DataCell[] copy(final DataRow row) {
        DataCell[] c = new DataCell[row.getNumCells()];
        for (int i = 0; i < c.length; i++) {
            c[i] = row.getCell(i);
        }
        return c;
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(m_cells).iterator();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DefaultRow && ((DefaultRow)obj).m_key.equals(m_key)
            && Arrays.equals(((DefaultRow)obj).m_cells, m_cells);
    }

    @Override
    public int hashCode() {
        return m_key.hashCode() * 31 + Arrays.hashCode(m_cells);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(m_key.toString()).append(": (");
        for (int i = 0; i < m_cells.length; i++) {
            b.append(i > 0 ? ", " : "").append(m_cells[i]);
        }
        return b.append(')').toString();
    }
}
