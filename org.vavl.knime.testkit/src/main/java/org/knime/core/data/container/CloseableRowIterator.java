package org.knime.core.data.container;

import java.io.Closeable;

import org.knime.core.data.RowIterator;

/**
 * A row iterator that should be closed when not read to the end.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/container/CloseableRowIterator.java
 */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    @Override
    public abstract void close();
}
