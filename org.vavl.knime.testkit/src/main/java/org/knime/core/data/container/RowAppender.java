package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/**
 * Something rows can be added to.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/container/RowAppender.java
 */
public interface RowAppender {

    /** Adds a row. */
    void addRowToTable(DataRow row);
}
