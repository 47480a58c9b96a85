package org.knime.core.data;

/**
 * A row ID.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/RowKeyValue.java
 */
public interface RowKeyValue {

    /** @return the row ID */
    String getString();
}
