package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Read access to a {@link Config}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/config/ConfigRO.java (test-kit subset: no
 * DataCell / DataType / RowKey entries, no TreeNode).
 */
public interface ConfigRO extends ConfigBaseRO {

    /** @return the sub-config @throws InvalidSettingsException if there is none for the key */
    Config getConfig(String key) throws InvalidSettingsException;

    @Override
    Iterator<String> iterator();
}
