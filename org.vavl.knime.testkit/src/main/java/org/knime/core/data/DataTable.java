package org.knime.core.data;

/**
 * A table: spec and rows.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataTable.java
 */
public interface DataTable extends Iterable<DataRow> {

    /** @return the spec */
    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
