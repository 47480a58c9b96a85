package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Write access to node settings.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeSettingsWO.java
 */
public interface NodeSettingsWO extends ConfigWO {

    /** @return new sub-settings under the key */
    NodeSettingsWO addNodeSettings(String key);

    /** Adds the settings under their own key. */
    void addNodeSettings(NodeSettings settings);

    /** Adds an encrypted password (not in the kit: throws {@link UnsupportedOperationException}). */
    @Override
    void addPassword(String key, String encryptionKey, String value);
}
