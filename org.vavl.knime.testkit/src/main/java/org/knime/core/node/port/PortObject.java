package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * What a node port carries after execution.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObject.java
 */
public interface PortObject {

    /** The generic port type (accepts any port object). */
    PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    /** The optional generic port type. */
    PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    /** @return a short summary */
    String getSummary();

    /** @return the spec */
    PortObjectSpec getSpec();

    /** @return views (none in the test kit) */
    JComponent[] getViews();

    /**
     * Saves and loads port objects of one class; registered with the port type (plugin.xml
     * {@code objectSerializer}).
     * <p>
     * Mirrors the nested class of knime-core .../node/port/PortObject.java
     *
     * @param <T> the port object class
     */
    abstract static class PortObjectSerializer<T extends PortObject> {

        /** Saves the port object. */
        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

        /** Loads a port object. */
        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;
    }
}
