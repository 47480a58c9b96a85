package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

/**
 * What is known about a port's content before execution.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObjectSpec.java
 */
public interface PortObjectSpec {

    /** @return views of the spec (none in the test kit) */
    JComponent[] getViews();

    /**
     * Saves and loads specs of one class; registered with the port type (plugin.xml {@code specSerializer}).
     * <p>
     * Mirrors the nested class of knime-core .../node/port/PortObjectSpec.java
     *
     * @param <T> the spec class
     */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> {

        /** Saves the spec. */
        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
            throws IOException;

        /** Loads a spec. */
        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }
}
