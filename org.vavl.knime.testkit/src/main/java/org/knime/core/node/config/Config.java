package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/**
 * A config tree with sub-configs of the same kind.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/config/Config.java (own implementation).
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    /** @param key the key of this config */
    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    /** Adds the given config under its own key. */
    protected final void addConfig(final Config config) {
        addConfigBase(config);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof Config)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (Config)c;
    }

    /** Reads XML into the given (empty) config. */
    protected static Config loadFromXML(final Config config, final InputStream in) throws IOException {
        config.load(in);
        return config;
    }

    @Override
    public RowKey getRowKey(final String key) throws InvalidSettingsException {
        String s = getString(key);
        return s == null ? null : new RowKey(s);
    }

    @Override
    public RowKey getRowKey(final String key, final RowKey def) {
        String s = getString(key, def == null ? null : def.getString());
        return s == null ? null : new RowKey(s);
    }

    @Override
    public RowKey[] getRowKeyArray(final String key) throws InvalidSettingsException {
        return toRowKeys(getStringArray(key));
    }

    @Override
    public RowKey[] getRowKeyArray(final String key, final RowKey... def) {
        return containsKey(key) ? toRowKeys(getStringArray(key, (String[])null)) : def;
    }

    @Override
    public void addRowKey(final String key, final RowKey rowKey) {
        addString(key, rowKey == null ? null : rowKey.getString());
    }

    @Override
    public void addRowKeyArray(final String key, final RowKey... rowKey) {
        if (rowKey == null) {
            addStringArray(key, (String[])null);
        } else {
            String[] s = new String[rowKey.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = rowKey[i] == null ? null : rowKey[i].getString();
            }
            addStringArray(key, s);
        }
    }

    private static RowKey[] toRowKeys(final String[] s) {
        if (s == null) {
            return null;
        }
        RowKey[] k = new RowKey[s.length];
        for (int i = 0; i < s.length; i++) {
            k[i] = s[i] == null ? null : new RowKey(s[i]);
        }
        return k;
    }

    private static UnsupportedOperationException unsupported(final String what, final String key) {
        return new UnsupportedOperationException(what + " entries (key \"" + key + "\") are not in the KNIME test "
            + "kit: KNIME saves them through its cell serializers and data type registry, which the kit does not "
            + "reproduce.");
    }

    @Override
    public DataCell getDataCell(final String key) throws InvalidSettingsException {
        throw unsupported("Data cell", key);
    }

    @Override
    public DataCell getDataCell(final String key, final DataCell def) {
        if (!containsKey(key)) {
            return def;
        }
        throw unsupported("Data cell", key);
    }

    @Override
    public DataCell[] getDataCellArray(final String key) throws InvalidSettingsException {
        throw unsupported("Data cell", key);
    }

    @Override
    public DataCell[] getDataCellArray(final String key, final DataCell... def) {
        if (!containsKey(key)) {
            return def;
        }
        throw unsupported("Data cell", key);
    }

    @Override
    public DataType getDataType(final String key) throws InvalidSettingsException {
        throw unsupported("Data type", key);
    }

    @Override
    public DataType getDataType(final String key, final DataType def) {
        if (!containsKey(key)) {
            return def;
        }
        throw unsupported("Data type", key);
    }

    @Override
    public DataType[] getDataTypeArray(final String key) throws InvalidSettingsException {
        throw unsupported("Data type", key);
    }

    @Override
    public DataType[] getDataTypeArray(final String key, final DataType... def) {
        if (!containsKey(key)) {
            return def;
        }
        throw unsupported("Data type", key);
    }

    @Override
    public void addDataCell(final String key, final DataCell cell) {
        throw unsupported("Data cell", key);
    }

    @Override
    public void addDataCellArray(final String key, final DataCell... cells) {
        throw unsupported("Data cell", key);
    }

    @Override
    public void addDataType(final String key, final DataType type) {
        throw unsupported("Data type", key);
    }

    @Override
    public void addDataTypeArray(final String key, final DataType... types) {
        throw unsupported("Data type", key);
    }
}
