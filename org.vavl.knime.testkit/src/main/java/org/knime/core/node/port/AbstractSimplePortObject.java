package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * A port object whose content is a {@link ModelContent} tree. Subclasses need a public no-arg constructor.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/AbstractSimplePortObject.java (own
 * implementation of the same layout: entry {@code content.xml} with {@code class_name} and sub-config
 * {@code model}).
 */
public abstract class AbstractSimplePortObject implements PortObject {

    /** For the serializer. */
    public AbstractSimplePortObject() {
    }

    /** Saves the content. */
    protected abstract void save(ModelContentWO model, ExecutionMonitor exec) throws CanceledExecutionException;

    /** Loads the content saved by save. */
    protected abstract void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    /**
     * The serializer of {@link AbstractSimplePortObject}s: subclass it (empty body) as a static nested class.
     * <p>
     * Mirrors the nested class of knime-core .../node/port/AbstractSimplePortObject.java
     *
     * @param <T> the port object class
     */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
        extends PortObjectSerializer<T> {

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObject.getClass().getName());
            portObject.save(model.addModelContent("model"), exec);
            out.putNextEntry(new ZipEntry("content.xml"));
            model.saveToXML(KitPortBridge.nonClosing(out));
        }

        @SuppressWarnings("unchecked")
        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Invalid stream, expected zip entry \"content.xml\", got "
                    + (entry == null ? "nothing" : "\"" + entry.getName() + "\""));
            }
            ModelContentRO model = ModelContent.loadFromXML(KitPortBridge.nonClosing(in));
            try {
                AbstractSimplePortObject result =
                    KitPortBridge.instantiate(model.getString("class_name"), AbstractSimplePortObject.class);
                result.load(model.getModelContent("model"), spec, exec);
                return (T)result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load model content into port object: " + e.getMessage(), e);
            }
        }
    }
}
