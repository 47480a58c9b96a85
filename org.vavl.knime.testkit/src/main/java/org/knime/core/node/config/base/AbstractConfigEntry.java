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

    /** Same content (key compared by {@link #equals(Object)}). */
    abstract boolean sameAs(AbstractConfigEntry other);

    abstract int hash();

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof AbstractConfigEntry && ((AbstractConfigEntry)obj).m_key.equals(m_key)
            && sameAs((AbstractConfigEntry)obj));
    }

    @Override
    public int hashCode() {
        return m_key.hashCode() * 31 + hash();
    }

    @Override
    public String toString() {
        return m_key + "=" + toStringValue();
    }
}
