package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/**
 * Read access to model content (what simple port objects save).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/ModelContentRO.java
 */
public interface ModelContentRO extends ConfigRO {

    /** @return the sub-content @throws InvalidSettingsException if there is none for the key */
    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
