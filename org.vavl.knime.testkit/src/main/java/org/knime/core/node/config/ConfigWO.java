package org.knime.core.node.config;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Write access to a {@link Config}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/config/ConfigWO.java (test-kit subset).
 */
public interface ConfigWO extends ConfigBaseWO {

    /** Adds (or replaces) a sub-config. */
    Config addConfig(String key);

    /** Adds a row key (as KNIME: a string entry). */
    void addRowKey(String key, RowKey rowKey);

    /** Adds row keys (as KNIME: a string array). */
    void addRowKeyArray(String key, RowKey... rowKey);

    /** Adds a data cell (not in the kit: throws {@link UnsupportedOperationException}). */
    void addDataCell(String key, DataCell cell);

    /** Adds data cells (not in the kit: throws {@link UnsupportedOperationException}). */
    void addDataCellArray(String key, DataCell... cells);

    /** Adds a data type (not in the kit: throws {@link UnsupportedOperationException}). */
    void addDataType(String key, DataType type);

    /** Adds data types (not in the kit: throws {@link UnsupportedOperationException}). */
    void addDataTypeArray(String key, DataType... types);
}
