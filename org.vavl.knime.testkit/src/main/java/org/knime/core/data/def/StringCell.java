package org.knime.core.data.def;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory.FromComplexString;
import org.knime.core.data.DataCellFactory.FromInputStream;
import org.knime.core.data.DataCellFactory.FromReader;
import org.knime.core.data.DataCellFactory.FromSimpleString;
import org.knime.core.data.DataType;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;

/**
 * A string cell.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/StringCell.java
 */
public final class StringCell extends DataCell implements StringValue, NominalValue {

    private static final long serialVersionUID = 1L;

    /** The type of string cells. */
    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    /** @param str the value, not null */
    public StringCell(final String str) {
        if (str == null) {
            throw new NullPointerException("String value can't be null.");
        }
        m_string = str;
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    public String toString() {
        return m_string;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((StringCell)dc).m_string.equals(m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }

    /**
     * Creates string cells.
     * <p>
     * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/def/StringCell.java (nested class).
     */
    public static final class StringCellFactory
        implements FromSimpleString, FromComplexString, FromReader, FromInputStream {
        /** The type of the cells created. */
        public static final DataType TYPE = StringCell.TYPE;

        /** @return a string cell */
        public static DataCell create(final String s) {
            return new StringCell(s);
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        @Override
        public DataCell createCell(final String s) {
            return create(s);
        }

        /** @return a cell with the stream's content read as UTF-8 (as KNIME) */
        @Override
        public DataCell createCell(final InputStream input) throws IOException {
            return createCell(new InputStreamReader(input, StandardCharsets.UTF_8));
        }

        /** @return a cell with the reader's content */
        @Override
        public DataCell createCell(final Reader input) throws IOException {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = input.read(buf)) != -1;) {
                b.append(buf, 0, n);
            }
            return new StringCell(b.toString());
        }
    }
}
