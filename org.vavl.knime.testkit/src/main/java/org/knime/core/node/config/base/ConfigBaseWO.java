package org.knime.core.node.config.base;

/**
 * Write access to a config tree.
 * <p>
 * Mirrors knime-shared org.knime.core.util/src/main/java/org/knime/core/node/config/base/ConfigBaseWO.java
 */
public interface ConfigBaseWO {

    /** @return the key of this config */
    String getKey();

    /** Adds (or replaces) a sub-config. */
    ConfigBase addConfigBase(String key);

    /** Adds a int entry. */
    void addInt(String key, int value);

    /** Adds a int array (a sub-config with {@code array-size} and one entry per element). */
    void addIntArray(String key, int... values);

    /** Adds a long entry. */
    void addLong(String key, long value);

    /** Adds a long array (a sub-config with {@code array-size} and one entry per element). */
    void addLongArray(String key, long... values);

    /** Adds a double entry. */
    void addDouble(String key, double value);

    /** Adds a double array (a sub-config with {@code array-size} and one entry per element). */
    void addDoubleArray(String key, double... values);

    /** Adds a float entry. */
    void addFloat(String key, float value);

    /** Adds a float array (a sub-config with {@code array-size} and one entry per element). */
    void addFloatArray(String key, float... values);

    /** Adds a String entry. */
    void addString(String key, String value);

    /** Adds a String array (a sub-config with {@code array-size} and one entry per element). */
    void addStringArray(String key, String... values);

    /** Adds a boolean entry. */
    void addBoolean(String key, boolean value);

    /** Adds a boolean array (a sub-config with {@code array-size} and one entry per element). */
    void addBooleanArray(String key, boolean... values);

    /** Adds a byte entry. */
    void addByte(String key, byte value);

    /** Adds a byte array (a sub-config with {@code array-size} and one entry per element). */
    void addByteArray(String key, byte... values);

    /** Adds a short entry. */
    void addShort(String key, short value);

    /** Adds a short array (a sub-config with {@code array-size} and one entry per element). */
    void addShortArray(String key, short... values);

    /** Adds a char entry. */
    void addChar(String key, char value);

    /** Adds a char array (a sub-config with {@code array-size} and one entry per element). */
    void addCharArray(String key, char... values);

    /**
     * Adds a password, encrypted with the encryption key. KNIME encrypts it with its own cipher; the test kit does
     * not reproduce that and throws {@link UnsupportedOperationException}.
     */
    void addPassword(String key, String encryptionKey, String value);

    /** Adds a string that is never saved (KNIME's transient string entry). */
    void addTransientString(String key, String value);
}
