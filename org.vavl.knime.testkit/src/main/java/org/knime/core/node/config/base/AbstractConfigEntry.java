package org.knime.core.node.config.base;

/**
 * One entry of a KNIME config tree: a typed value or a sub-config.
 * <p>
 * Mirrors knime-shared org.knime.core.util/src/main/java/org/knime/core/node/config/base/AbstractConfigEntry.java
 * (test-kit subset; the real class also implements {@code javax.swing.tree.TreeNode}).
 */
public abstract class AbstractConfigEntry {

    private String m_key;

    AbstractConfigEntry(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Key must not be null.");
        }
        m_key = key;
    }

    /** @return the key of this entry */
    public final String getKey() {
        return m_key;
    }

    /** Sets the key read from the root element of an XML file. */
    void renameForLoad(final String key) {
        m_key = key;
    }

    /** @return the value as written into XML, null for a null string */
    public abstract String toStringValue();

    @Override
    public String toString() {
        return m_key + "=" + toStringValue();
    }
}
