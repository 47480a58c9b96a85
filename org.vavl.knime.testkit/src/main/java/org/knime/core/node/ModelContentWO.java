package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Write access to model content.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/ModelContentWO.java
 */
public interface ModelContentWO extends ConfigWO {

    /** @return new sub-content under the key */
    ModelContentWO addModelContent(String key);

    /** Adds the content under its own key. */
    void addModelContent(ModelContent modelContent);
}
