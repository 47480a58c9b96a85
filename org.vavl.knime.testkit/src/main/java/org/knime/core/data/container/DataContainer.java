package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowIterator;
import org.knime.core.data.RowKey;

/**
 * Collects rows into a table; checks every row against the spec (cell count, cell types) and row IDs for
 * uniqueness, as KNIME does. Held in memory in the test kit.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/container/DataContainer.java (own
 * implementation).
 */
public class DataContainer implements RowAppender {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<RowKey> m_keys = new HashSet<>();

    private boolean m_closed;

    /** @param spec the spec every row must fit */
    public DataContainer(final DataTableSpec spec) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null!");
        }
        m_spec = spec;
    }

    /** @param spec the spec @param initDomain ignored in the test kit */
    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        this(spec);
    }

    /**
     * @param spec the spec @param initDomain ignored @param maxCellsInMemory ignored in the test kit
     * @deprecated as in KNIME (since 5.3, for removal)
     */
    @Deprecated(since = "5.3", forRemoval = true)
    public DataContainer(final DataTableSpec spec, final boolean initDomain, final int maxCellsInMemory) {
        this(spec);
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (m_closed) {
            throw new IllegalStateException("Cannot add rows to container: Container is closed.");
        }
        if (row == null) {
            throw new NullPointerException("Can't add null rows to container");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey()
                + "\" is not equal to length of column names array: " + row.getNumCells() + " vs. "
                + m_spec.getNumColumns());
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            DataCell c = row.getCell(i);
            if (c == null) {
                throw new NullPointerException("Cell at index " + i + " of row \"" + row.getKey() + "\" is null");
            }
            DataType declared = m_spec.getColumnSpec(i).getType();
            if (!c.isMissing() && !declared.isASuperTypeOf(c.getType())) {
                throw new IllegalArgumentException("Runtime type of cell #" + i + " (" + c.getType()
                    + ") in row \"" + row.getKey() + "\" does not comply with its declaration (column \""
                    + m_spec.getColumnSpec(i).getName() + "\", " + declared + ")");
            }
        }
        if (!m_keys.add(row.getKey())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        m_rows.add(row);
    }

    /** Closes the container; no more rows can be added. */
    public void close() {
        m_closed = true;
    }

    /** @return whether closed */
    public boolean isClosed() {
        return m_closed;
    }

    /** @return whether still open */
    public boolean isOpen() {
        return !m_closed;
    }

    /** @return the number of rows added */
    public long size() {
        return m_rows.size();
    }

    /** @return the spec */
    public DataTableSpec getTableSpec() {
        return m_spec;
    }

    /** @return the table @throws IllegalStateException if not closed */
    public DataTable getTable() {
        if (!m_closed) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        final List<DataRow> rows = Collections.unmodifiableList(m_rows);
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return m_spec;
            }

            @Override
            public RowIterator iterator() {
                final Iterator<DataRow> it = rows.iterator();
                return new RowIterator() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public DataRow next() {
                        return it.next();
                    }
                };
            }
        };
    }

    List<DataRow> rows() {
        return Collections.unmodifiableList(m_rows);
    }
}
