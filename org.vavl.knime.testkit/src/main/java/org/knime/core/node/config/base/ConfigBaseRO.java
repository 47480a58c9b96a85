package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Read access to a config tree.
 * <p>
 * Mirrors knime-shared org.knime.core.util/src/main/java/org/knime/core/node/config/base/ConfigBaseRO.java
 */
public interface ConfigBaseRO extends Iterable<String> {

    /** @return the key of this config */
    String getKey();

    /** @return the sub-config for the key @throws InvalidSettingsException if there is none */
    ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    /** @return whether the key exists */
    boolean containsKey(String key);

    /** @return the keys in insertion order */
    Set<String> keySet();

    @Override
    Iterator<String> iterator();

    /** Copies all entries into the given config. */
    void copyTo(ConfigBaseWO dest);

    /** Writes this config in KNIME's XML format. */
    void saveToXML(OutputStream os) throws IOException;

    /** @throws InvalidSettingsException if there is no int entry for the key */
    int getInt(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no int entry for the key */
    int getInt(String key, int def);

    /** @throws InvalidSettingsException if there is no int array for the key */
    int[] getIntArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    int[] getIntArray(String key, int... def);

    /** @throws InvalidSettingsException if there is no long entry for the key */
    long getLong(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no long entry for the key */
    long getLong(String key, long def);

    /** @throws InvalidSettingsException if there is no long array for the key */
    long[] getLongArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    long[] getLongArray(String key, long... def);

    /** @throws InvalidSettingsException if there is no double entry for the key */
    double getDouble(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no double entry for the key */
    double getDouble(String key, double def);

    /** @throws InvalidSettingsException if there is no double array for the key */
    double[] getDoubleArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    double[] getDoubleArray(String key, double... def);

    /** @throws InvalidSettingsException if there is no float entry for the key */
    float getFloat(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no float entry for the key */
    float getFloat(String key, float def);

    /** @throws InvalidSettingsException if there is no float array for the key */
    float[] getFloatArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    float[] getFloatArray(String key, float... def);

    /** @throws InvalidSettingsException if there is no String entry for the key */
    String getString(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no String entry for the key */
    String getString(String key, String def);

    /** @throws InvalidSettingsException if there is no String array for the key */
    String[] getStringArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    String[] getStringArray(String key, String... def);

    /** @throws InvalidSettingsException if there is no boolean entry for the key */
    boolean getBoolean(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no boolean entry for the key */
    boolean getBoolean(String key, boolean def);

    /** @throws InvalidSettingsException if there is no boolean array for the key */
    boolean[] getBooleanArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    boolean[] getBooleanArray(String key, boolean... def);

    /** @throws InvalidSettingsException if there is no byte entry for the key */
    byte getByte(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no byte entry for the key */
    byte getByte(String key, byte def);

    /** @throws InvalidSettingsException if there is no byte array for the key */
    byte[] getByteArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    byte[] getByteArray(String key, byte... def);

    /** @throws InvalidSettingsException if there is no short entry for the key */
    short getShort(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no short entry for the key */
    short getShort(String key, short def);

    /** @throws InvalidSettingsException if there is no short array for the key */
    short[] getShortArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    short[] getShortArray(String key, short... def);

    /** @throws InvalidSettingsException if there is no char entry for the key */
    char getChar(String key) throws InvalidSettingsException;

    /** @return the value or the default when there is no char entry for the key */
    char getChar(String key, char def);

    /** @throws InvalidSettingsException if there is no char array for the key */
    char[] getCharArray(String key) throws InvalidSettingsException;

    /** @return the array or the default when there is none */
    char[] getCharArray(String key, char... def);

    /**
     * @return the decrypted password @throws InvalidSettingsException if there is no password entry for the key
     *         (in the test kit there never is one: it cannot add passwords)
     */
    String getPassword(String key, String encryptionKey) throws InvalidSettingsException;

    /** @return the decrypted password, or the default if there is no password entry for the key */
    String getPassword(String key, String encryptionKey, String def);

    /** @return the transient string, or null if there is none for the key */
    String getTransientString(String key);
}
