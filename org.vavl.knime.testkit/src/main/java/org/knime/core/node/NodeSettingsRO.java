package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Read access to node settings.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeSettingsRO.java
 */
public interface NodeSettingsRO extends ConfigRO {

    /** @return the sub-settings @throws InvalidSettingsException if there are none for the key */
    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;

    /** Copies all entries into the given config. */
    void copyTo(ConfigWO config);
}
