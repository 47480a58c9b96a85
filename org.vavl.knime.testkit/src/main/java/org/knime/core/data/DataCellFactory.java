package org.knime.core.data;

/**
 * A factory of cells of one type (test-kit subset).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataCellFactory.java
 */
public interface DataCellFactory {

    /** @return the type of the cells this factory creates */
    DataType getDataType();

    /** A factory that creates cells from a string. Mirrors the nested interface of the same name in KNIME. */
    public interface FromString extends DataCellFactory {
        /** @return a cell for the string */
        DataCell createCell(String input);
    }

    /** A factory that creates cells from a short string (e.g. a cell in a CSV file). Mirrors KNIME's. */
    public interface FromSimpleString extends FromString {
    }

    /** A factory that creates cells from a complex string (e.g. an XML document). Mirrors KNIME's. */
    public interface FromComplexString extends FromString {
    }

    /** A factory that creates cells from a byte stream. Mirrors KNIME's. */
    public interface FromInputStream extends DataCellFactory {
        /** @return a cell for the stream's content @throws IOException if the stream cannot be read */
        DataCell createCell(java.io.InputStream input) throws java.io.IOException;
    }

    /** A factory that creates cells from a character stream. Mirrors KNIME's. */
    public interface FromReader extends DataCellFactory {
        /**
         * @return a cell for the reader's content @throws IOException if it cannot be read @throws ParseException if
         *         the content is not a valid cell
         */
        DataCell createCell(java.io.Reader input) throws java.io.IOException, java.text.ParseException;
    }
}
