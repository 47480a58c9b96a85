package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;

/**
 * Describes how to derive a table from another one: keep, remove, move and replace columns, and append columns
 * computed by {@link CellFactory}s. Apply it with
 * {@code ExecutionContext.createColumnRearrangeTable(table, rearranger, exec)}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/container/ColumnRearranger.java (own
 * implementation, test-kit subset).
 */
public class ColumnRearranger {

    /** One output column: an input column (factory null) or output {@code index} of a factory. */
    private static final class Col {
        final CellFactory m_factory;

        final int m_index;

        final DataColumnSpec m_spec;

        Col(final CellFactory factory, final int index, final DataColumnSpec spec) {
            m_factory = factory;
            m_index = index;
            m_spec = spec;
        }
    }

    private final List<Col> m_cols = new ArrayList<>();

    /** @param original the spec of the table this will be applied to */
    public ColumnRearranger(final DataTableSpec original) {
        for (int i = 0; i < original.getNumColumns(); i++) {
            m_cols.add(new Col(null, i, original.getColumnSpec(i)));
        }
    }

    /** @return the number of columns the result will have */
    public final int getColumnCount() {
        return m_cols.size();
    }

    /** @return the current index of the column with that name, or -1 */
    public final int indexOf(final String colName) {
        for (int i = 0; i < m_cols.size(); i++) {
            if (m_cols.get(i).m_spec.getName().equals(colName)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOrFail(final String colName) {
        int i = indexOf(colName);
        if (i < 0) {
            throw new IllegalArgumentException("No such column: " + colName);
        }
        return i;
    }

    private static List<Col> cols(final CellFactory f) {
        List<Col> l = new ArrayList<>();
        DataColumnSpec[] specs = f.getColumnSpecs();
        for (int i = 0; i < specs.length; i++) {
            l.add(new Col(f, i, specs[i]));
        }
        return l;
    }

    /** Appends the factory's columns at the end. */
    public final void append(final CellFactory fac) {
        m_cols.addAll(cols(fac));
    }

    /** Inserts the factory's columns at the position. */
    public final void insertAt(final int position, final CellFactory fac) {
        m_cols.addAll(position, cols(fac));
    }

    /** Removes the columns at the indices. */
    public final void remove(final int... colIndices) {
        Set<Col> drop = new LinkedHashSet<>();
        for (int i : colIndices) {
            drop.add(m_cols.get(i));
        }
        m_cols.removeAll(drop);
    }

    /** Removes the named columns. */
    public final void remove(final String... colNames) {
        int[] idx = new int[colNames.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = indexOrFail(colNames[i]);
        }
        remove(idx);
    }

    /** Keeps only the columns at the indices (in their current order). */
    public final void keepOnly(final int... colIndices) {
        Set<Col> keep = new LinkedHashSet<>();
        for (int i : colIndices) {
            keep.add(m_cols.get(i));
        }
        m_cols.retainAll(keep);
    }

    /** Keeps only the named columns. */
    public final void keepOnly(final String... colNames) {
        int[] idx = new int[colNames.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = indexOrFail(colNames[i]);
        }
        keepOnly(idx);
    }

    /** Moves a column. */
    public final void move(final int from, final int to) {
        Col c = m_cols.remove(from);
        m_cols.add(to > from ? to - 1 : to, c);
    }

    /** Moves a named column. */
    public final void move(final String colName, final int newPos) {
        move(indexOrFail(colName), newPos);
    }

    /** Replaces the columns at the indices by the factory's columns (one each). */
    public final void replace(final CellFactory fac, final int... colIndex) {
        List<Col> newCols = cols(fac);
        if (newCols.size() != colIndex.length) {
            throw new IndexOutOfBoundsException("Arguments do not apply: the factory creates " + newCols.size()
                + " columns, " + colIndex.length + " are to be replaced");
        }
        for (int i = 0; i < colIndex.length; i++) {
            m_cols.set(colIndex[i], newCols.get(i));
        }
    }

    /** Replaces the named column by the factory's single column. */
    public final void replace(final CellFactory newCol, final String colName) {
        replace(newCol, indexOrFail(colName));
    }

    /** @return the spec of the result */
    public final DataTableSpec createSpec() {
        return new DataTableSpec(m_cols.stream().map(c -> c.m_spec).toArray(DataColumnSpec[]::new));
    }

    /** Distinct factories in use, in column order. */
    List<CellFactory> factories() {
        Set<CellFactory> f = new LinkedHashSet<>();
        for (Col c : m_cols) {
            if (c.m_factory != null) {
                f.add(c.m_factory);
            }
        }
        return new ArrayList<>(f);
    }

    /** Computes the output row (each factory called once). */
    DataRow apply(final DataRow row, final long rowIndex) {
        java.util.Map<CellFactory, DataCell[]> computed = new java.util.IdentityHashMap<>();
        DataCell[] out = new DataCell[m_cols.size()];
        for (int i = 0; i < out.length; i++) {
            Col c = m_cols.get(i);
            if (c.m_factory == null) {
                out[i] = row.getCell(c.m_index);
            } else {
                DataCell[] cells = computed.get(c.m_factory);
                if (cells == null) {
                    cells = c.m_factory.getCells(row, rowIndex);
                    int expected = c.m_factory.getColumnSpecs().length;
                    if (cells == null || cells.length != expected) {
                        throw new IllegalStateException("Cell factory " + c.m_factory.getClass().getName()
                            + " returned " + (cells == null ? "null" : cells.length + " cells") + " for row \""
                            + row.getKey() + "\", expected " + expected);
                    }
                    computed.put(c.m_factory, cells);
                }
                out[i] = cells[c.m_index];
            }
        }
        return new DefaultRow(row.getKey(), out);
    }
}
