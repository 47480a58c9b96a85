package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;
import org.vavl.knime.testkit.internal.KitAccess;

/**
 * A container whose table is a {@link BufferedDataTable}; created by
 * {@link ExecutionContext#createDataContainer(DataTableSpec)}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/BufferedDataContainer.java
 */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_table;

    BufferedDataContainer(final DataTableSpec spec) {
        super(spec);
    }

    @Override
    public BufferedDataTable getTable() {
        if (!isClosed()) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        if (m_table == null) {
            m_table = new BufferedDataTable(getTableSpec(), KitAccess.container().rows(this));
        }
        return m_table;
    }
}
