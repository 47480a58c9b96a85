package org.knime.core.data;

/**
 * A factory of cells of one type (test-kit subset).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataCellFactory.java
 */
public interface DataCellFactory {

    /** @return the type of the cells this factory creates */
    DataType getDataType();
}
