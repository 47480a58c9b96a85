package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/**
 * A port object that writes its own entries into the zip stream (for binary payloads). Subclasses need a public
 * no-arg constructor: the serializer instantiates the class named in {@code meta.xml} and calls
 * {@link #load(PortObjectZipInputStream, PortObjectSpec, ExecutionMonitor)}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/AbstractPortObject.java (own
 * implementation of the same stream layout: entry {@code meta.xml} with {@code class_name}, then the object's
 * entries).
 */
public abstract class AbstractPortObject implements PortObject {

    /** For the serializer. */
    public AbstractPortObject() {
    }

    /** Writes the content (add zip entries to {@code out}). */
    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** Reads the content written by save. */
    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * The serializer of {@link AbstractPortObject}s: subclass it (empty body) as a static nested class
     * {@code Serializer} and register it in plugin.xml.
     * <p>
     * Mirrors the nested class of knime-core .../node/port/AbstractPortObject.java
     *
     * @param <T> the port object class
     */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry("meta.xml"));
            ModelContent meta = new ModelContent("meta.xml");
            meta.addInt("version", 1);
            meta.addString("class_name", portObject.getClass().getName());
            meta.saveToXML(KitPortBridge.nonClosing(out));
            portObject.save(out, exec);
        }

        @SuppressWarnings("unchecked")
        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !entry.getName().equals("meta.xml")) {
                throw new IOException("Expected meta.xml file in stream, got " + (entry == null ? "nothing" : entry.getName()));
            }
            ModelContentRO meta = ModelContent.loadFromXML(KitPortBridge.nonClosing(in));
            String className;
            try {
                className = meta.getString("class_name");
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load settings", e);
            }
            AbstractPortObject result = KitPortBridge.instantiate(className, AbstractPortObject.class);
            result.load(in, spec, exec);
            return (T)result;
        }
    }
}
