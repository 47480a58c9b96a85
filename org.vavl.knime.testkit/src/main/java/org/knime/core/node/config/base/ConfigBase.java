package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * A config tree node: an ordered map from keys to typed entries and sub-configs, stored as KNIME's XMLConfig
 * ({@code <config key=..>}, {@code <entry key=.. type="xint" value=..>}, arrays as sub-configs with
 * {@code array-size}). Getters are strict about the entry type, as in KNIME: {@code getInt} on an
 * {@code xlong} entry fails with "Int for key "k" not found.".
 * <p>
 * Mirrors knime-shared org.knime.core.util/src/main/java/org/knime/core/node/config/base/ConfigBase.java
 * (own implementation).
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    private static final String CFG_ARRAY_SIZE = "array-size";

    private final Map<String, AbstractConfigEntry> m_map = new LinkedHashMap<>();

    /** Transient strings: held in memory, never saved (KNIME keeps them as entries that are not written). */
    private final Map<String, String> m_transient = new LinkedHashMap<>();

    /** @param key the key of this config */
    public ConfigBase(final String key) {
        super(key);
    }

    /** @return a new empty config of the same kind with the given key */
    public abstract ConfigBase getInstance(String key);

    /** @return the entry for the key, or null */
    public AbstractConfigEntry getEntry(final String key) {
        return m_map.get(key);
    }

    /** Adds (or replaces) an entry. */
    public void addEntry(final AbstractConfigEntry entry) {
        m_map.put(entry.getKey(), entry);
    }

    @Override
    public final ConfigBase addConfigBase(final String key) {
        ConfigBase c = getInstance(key);
        m_map.put(key, c);
        return c;
    }

    /** Adds the given config as a sub-config under its own key. */
    protected final void addConfigBase(final ConfigBase config) {
        m_map.put(config.getKey(), config);
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        AbstractConfigEntry o = m_map.get(key);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException("ConfigBase for key \"" + key + "\" not found.");
        }
        return (ConfigBase)o;
    }

    /** Removes the entry or config with the key. @return what was there, or null */
    public final AbstractConfigEntry removeConfig(final String key) {
        return m_map.remove(key);
    }

    @Override
    public boolean containsKey(final String key) {
        return m_map.containsKey(key);
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_map.keySet());
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public final String toStringValue() {
        return null;
    }

    @Override
    public void copyTo(final ConfigBaseWO dest) {
        ConfigBase d = (ConfigBase)dest;
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase) {
                ((ConfigBase)e).copyTo(d.addConfigBase(e.getKey()));
            } else {
                d.addEntry(e);
            }
        }
    }

    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        XmlConfigIO.write(this, os);
    }

    /** Replaces the content of this config by the XML read from the stream. */
    public void load(final InputStream is) throws IOException {
        m_map.clear();
        XmlConfigIO.read(this, is);
    }

    /** Reads XML into the given (empty) config and returns it. */
    protected static ConfigBase loadFromXML(final ConfigBase config, final InputStream in) throws IOException {
        config.load(in);
        return config;
    }

    @Override
    boolean sameAs(final AbstractConfigEntry other) {
        return other instanceof ConfigBase && ((ConfigBase)other).m_map.equals(m_map);
    }

    @Override
    int hash() {
        return m_map.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        dump(b, 0);
        return b.toString();
    }

    private void dump(final StringBuilder b, final int depth) {
        b.append("  ".repeat(depth)).append(getKey()).append(" ->\n");
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase) {
                ((ConfigBase)e).dump(b, depth + 1);
            } else {
                b.append("  ".repeat(depth + 1)).append(e.getKey()).append(" = ").append(e.toStringValue())
                    .append('\n');
            }
        }
    }

    Map<String, AbstractConfigEntry> entries() {
        return m_map;
    }

    private ValueEntry value(final String key, final ValueEntry.Kind kind) {
        AbstractConfigEntry o = m_map.get(key);
        if (o instanceof ValueEntry && ((ValueEntry)o).m_kind == kind) {
            return (ValueEntry)o;
        }
        return null;
    }

    private void put(final String key, final ValueEntry.Kind kind, final String value) {
        m_map.put(key, new ValueEntry(key, kind, value));
    }

    @Override
    public void addInt(final String key, final int value) {
        put(key, ValueEntry.Kind.xint, Integer.toString(value));
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xint);
        if (e == null) {
            throw new InvalidSettingsException("Int for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return Integer.parseInt(s);
    }

    @Override
    public int getInt(final String key, final int def) {
        ValueEntry e = value(key, ValueEntry.Kind.xint);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return Integer.parseInt(s);
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addInt(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        int[] ret = new int[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getInt(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getConfigBase(key) == null ? def : getIntArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addLong(final String key, final long value) {
        put(key, ValueEntry.Kind.xlong, Long.toString(value));
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xlong);
        if (e == null) {
            throw new InvalidSettingsException("Long for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return Long.parseLong(s);
    }

    @Override
    public long getLong(final String key, final long def) {
        ValueEntry e = value(key, ValueEntry.Kind.xlong);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return Long.parseLong(s);
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addLong(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        long[] ret = new long[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getLong(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        try {
            return getConfigBase(key) == null ? def : getLongArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDouble(final String key, final double value) {
        put(key, ValueEntry.Kind.xdouble, Double.toString(value));
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xdouble);
        if (e == null) {
            throw new InvalidSettingsException("Double for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return Double.parseDouble(s);
    }

    @Override
    public double getDouble(final String key, final double def) {
        ValueEntry e = value(key, ValueEntry.Kind.xdouble);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return Double.parseDouble(s);
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addDouble(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        double[] ret = new double[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getDouble(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getConfigBase(key) == null ? def : getDoubleArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addFloat(final String key, final float value) {
        put(key, ValueEntry.Kind.xfloat, Float.toString(value));
    }

    @Override
    public float getFloat(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xfloat);
        if (e == null) {
            throw new InvalidSettingsException("Float for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return Float.parseFloat(s);
    }

    @Override
    public float getFloat(final String key, final float def) {
        ValueEntry e = value(key, ValueEntry.Kind.xfloat);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return Float.parseFloat(s);
    }

    @Override
    public void addFloatArray(final String key, final float... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addFloat(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public float[] getFloatArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        float[] ret = new float[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getFloat(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public float[] getFloatArray(final String key, final float... def) {
        try {
            return getConfigBase(key) == null ? def : getFloatArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addString(final String key, final String value) {
        put(key, ValueEntry.Kind.xstring, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xstring);
        if (e == null) {
            throw new InvalidSettingsException("String for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return s;
    }

    @Override
    public String getString(final String key, final String def) {
        ValueEntry e = value(key, ValueEntry.Kind.xstring);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return s;
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addString(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        String[] ret = new String[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getString(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getConfigBase(key) == null ? def : getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        put(key, ValueEntry.Kind.xboolean, Boolean.toString(value));
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xboolean);
        if (e == null) {
            throw new InvalidSettingsException("Boolean for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return Boolean.parseBoolean(s);
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        ValueEntry e = value(key, ValueEntry.Kind.xboolean);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return Boolean.parseBoolean(s);
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addBoolean(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        boolean[] ret = new boolean[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getBoolean(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        try {
            return getConfigBase(key) == null ? def : getBooleanArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addByte(final String key, final byte value) {
        put(key, ValueEntry.Kind.xbyte, Byte.toString(value));
    }

    @Override
    public byte getByte(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xbyte);
        if (e == null) {
            throw new InvalidSettingsException("Byte for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return Byte.parseByte(s);
    }

    @Override
    public byte getByte(final String key, final byte def) {
        ValueEntry e = value(key, ValueEntry.Kind.xbyte);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return Byte.parseByte(s);
    }

    @Override
    public void addByteArray(final String key, final byte... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addByte(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public byte[] getByteArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        byte[] ret = new byte[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getByte(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public byte[] getByteArray(final String key, final byte... def) {
        try {
            return getConfigBase(key) == null ? def : getByteArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addShort(final String key, final short value) {
        put(key, ValueEntry.Kind.xshort, Short.toString(value));
    }

    @Override
    public short getShort(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xshort);
        if (e == null) {
            throw new InvalidSettingsException("Short for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return Short.parseShort(s);
    }

    @Override
    public short getShort(final String key, final short def) {
        ValueEntry e = value(key, ValueEntry.Kind.xshort);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return Short.parseShort(s);
    }

    @Override
    public void addShortArray(final String key, final short... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addShort(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public short[] getShortArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        short[] ret = new short[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getShort(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public short[] getShortArray(final String key, final short... def) {
        try {
            return getConfigBase(key) == null ? def : getShortArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addChar(final String key, final char value) {
        put(key, ValueEntry.Kind.xchar, Character.toString(value));
    }

    @Override
    public char getChar(final String key) throws InvalidSettingsException {
        ValueEntry e = value(key, ValueEntry.Kind.xchar);
        if (e == null) {
            throw new InvalidSettingsException("Char for key \"" + key + "\" not found.");
        }
        String s = e.value();
        return s.charAt(0);
    }

    @Override
    public char getChar(final String key, final char def) {
        ValueEntry e = value(key, ValueEntry.Kind.xchar);
        if (e == null) {
            return def;
        }
        String s = e.value();
        return s.charAt(0);
    }

    @Override
    public void addCharArray(final String key, final char... values) {
        ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addChar(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public char[] getCharArray(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        char[] ret = new char[size];
        for (int i = 0; i < size; i++) {
            ret[i] = config.getChar(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public char[] getCharArray(final String key, final char... def) {
        try {
            return getConfigBase(key) == null ? def : getCharArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addPassword(final String key, final String encryptionKey, final String value) {
        throw new UnsupportedOperationException("Password entries (key \"" + key + "\") are not in the KNIME test "
            + "kit: KNIME encrypts them with its own cipher, which the kit does not reproduce.");
    }

    @Override
    public String getPassword(final String key, final String encryptionKey) throws InvalidSettingsException {
        // the kit never holds a password entry (addPassword is unsupported): KNIME's message for a missing one
        throw new InvalidSettingsException("Password for key \"" + key + "\" not found.");
    }

    @Override
    public String getPassword(final String key, final String encryptionKey, final String def) {
        return def;
    }

    @Override
    public void addTransientString(final String key, final String value) {
        m_transient.put(key, value);
    }

    @Override
    public String getTransientString(final String key) {
        return m_transient.get(key);
    }
}
