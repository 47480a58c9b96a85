package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Write access to a {@link Config}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/config/ConfigWO.java (test-kit subset).
 */
public interface ConfigWO extends ConfigBaseWO {

    /** Adds (or replaces) a sub-config. */
    Config addConfig(String key);
}
