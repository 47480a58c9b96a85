package org.vavl.knime.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.vector.doublevector.DoubleVectorValue;
import org.knime.core.node.BufferedDataTable;
import org.vavl.knime.testkit.internal.KitAccess;

/**
 * Builds and reads in-memory tables for tests: Java values in, Java values out.
 * <p>
 * Cells from values: String -> StringCell, Integer -> IntCell, Long -> LongCell, Double/Float -> DoubleCell,
 * Boolean -> BooleanCell, null -> missing cell, a DataCell as it is. Values from cells: the reverse (missing ->
 * null, double vectors -> double[]).
 */
public final class Tables {

    private Tables() {
    }

    /** @return a spec from alternating names and types: {@code spec("Clip", StringCell.TYPE, "FPS", DoubleCell.TYPE)} */
    public static DataTableSpec spec(final Object... namesAndTypes) {
        if (namesAndTypes.length % 2 != 0) {
            throw new IllegalArgumentException("Give name, type pairs");
        }
        DataColumnSpec[] cols = new DataColumnSpec[namesAndTypes.length / 2];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new DataColumnSpecCreator((String)namesAndTypes[2 * i], (DataType)namesAndTypes[2 * i + 1])
                .createSpec();
        }
        return new DataTableSpec(cols);
    }

    /** @return the cell for a Java value */
    public static DataCell cell(final Object v) {
        if (v == null) {
            return DataType.getMissingCell();
        } else if (v instanceof DataCell) {
            return (DataCell)v;
        } else if (v instanceof String) {
            return new StringCell((String)v);
        } else if (v instanceof Integer) {
            return new IntCell((Integer)v);
        } else if (v instanceof Long) {
            return new LongCell((Long)v);
        } else if (v instanceof Double || v instanceof Float) {
            return new DoubleCell(((Number)v).doubleValue());
        } else if (v instanceof Boolean) {
            return BooleanCell.BooleanCellFactory.create((Boolean)v);
        }
        throw new IllegalArgumentException("No cell for " + v.getClass().getName() + ": " + v);
    }

    /** @return the Java value of a cell (see class comment) */
    public static Object value(final DataCell c) {
        if (c == null || c.isMissing()) {
            return null;
        } else if (c instanceof BooleanCell) {
            return ((BooleanValue)c).getBooleanValue();
        } else if (c instanceof IntCell) {
            return ((IntValue)c).getIntValue();
        } else if (c instanceof LongCell) {
            return ((LongValue)c).getLongValue();
        } else if (c instanceof DoubleValue) {
            return ((DoubleValue)c).getDoubleValue();
        } else if (c instanceof StringValue) {
            return ((StringValue)c).getStringValue();
        } else if (c instanceof DoubleVectorValue) {
            DoubleVectorValue v = (DoubleVectorValue)c;
            double[] d = new double[v.getLength()];
            for (int i = 0; i < d.length; i++) {
                d[i] = v.getValue(i);
            }
            return d;
        }
        return c;
    }

    /** @return a table with rows "Row0", "Row1", ... holding the values */
    public static BufferedDataTable table(final DataTableSpec spec, final Object[]... rows) {
        List<DataRow> r = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            r.add(new DefaultRow(RowKey.createRowKey((long)i),
                Arrays.stream(rows[i]).map(Tables::cell).toArray(DataCell[]::new)));
        }
        return table(spec, r);
    }

    /** @return a table with the rows */
    public static BufferedDataTable table(final DataTableSpec spec, final List<? extends DataRow> rows) {
        return KitAccess.node().newTable(spec, new ArrayList<>(rows));
    }

    /** @return all rows */
    public static List<DataRow> rows(final DataTable table) {
        List<DataRow> l = new ArrayList<>();
        table.forEach(l::add);
        return l;
    }

    /** @return the Java values of a column @throws IllegalArgumentException naming the columns if it is absent */
    public static List<Object> column(final DataTable table, final String name) {
        int idx = table.getDataTableSpec().findColumnIndex(name);
        if (idx < 0) {
            throw new IllegalArgumentException("No column \"" + name + "\"; columns: "
                + Arrays.toString(table.getDataTableSpec().getColumnNames()));
        }
        List<Object> l = new ArrayList<>();
        for (DataRow r : table) {
            l.add(value(r.getCell(idx)));
        }
        return l;
    }

    /** @return the Java values of a row */
    public static List<Object> values(final DataRow row) {
        List<Object> l = new ArrayList<>();
        row.forEach(c -> l.add(value(c)));
        return l;
    }

    /** @return the value in the row with the given index and the named column */
    public static Object value(final DataTable table, final int rowIndex, final String column) {
        return column(table, column).get(rowIndex);
    }
}
