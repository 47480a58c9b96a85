package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Read access to a {@link Config}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/config/ConfigRO.java (test-kit subset: no
 * TreeNode). The kit reads row keys as KNIME does (string entries); data cell and data type entries throw
 * {@link UnsupportedOperationException} (see {@link Config}).
 */
public interface ConfigRO extends ConfigBaseRO {

    /** @return the sub-config @throws InvalidSettingsException if there is none for the key */
    Config getConfig(String key) throws InvalidSettingsException;

    @Override
    Iterator<String> iterator();

    /** @return the row key (a string entry) @throws InvalidSettingsException if there is none for the key */
    RowKey getRowKey(String key) throws InvalidSettingsException;

    /** @return the row key, or the default if there is none for the key */
    RowKey getRowKey(String key, RowKey def);

    /** @return the row keys (a string array) @throws InvalidSettingsException if there are none for the key */
    RowKey[] getRowKeyArray(String key) throws InvalidSettingsException;

    /** @return the row keys, or the default if there are none for the key */
    RowKey[] getRowKeyArray(String key, RowKey... def);

    /** @return the data cell @throws InvalidSettingsException if there is none for the key */
    DataCell getDataCell(String key) throws InvalidSettingsException;

    /** @return the data cell, or the default if there is none for the key */
    DataCell getDataCell(String key, DataCell def);

    /** @return the data cells @throws InvalidSettingsException if there are none for the key */
    DataCell[] getDataCellArray(String key) throws InvalidSettingsException;

    /** @return the data cells, or the default if there are none for the key */
    DataCell[] getDataCellArray(String key, DataCell... def);

    /** @return the data type @throws InvalidSettingsException if there is none for the key */
    DataType getDataType(String key) throws InvalidSettingsException;

    /** @return the data type, or the default if there is none for the key */
    DataType getDataType(String key, DataType def);

    /** @return the data types @throws InvalidSettingsException if there are none for the key */
    DataType[] getDataTypeArray(String key) throws InvalidSettingsException;

    /** @return the data types, or the default if there are none for the key */
    DataType[] getDataTypeArray(String key, DataType... def);
}
