package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * A port object spec whose content is a {@link ModelContent} tree. Subclasses need a public no-arg constructor.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/AbstractSimplePortObjectSpec.java (own
 * implementation of the same layout: entry {@code content.xml}, {@code class_name}, sub-config {@code model}).
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    /** For the serializer. */
    public AbstractSimplePortObjectSpec() {
    }

    /** Saves the content. */
    protected abstract void save(ModelContentWO model);

    /** Loads the content saved by save. */
    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    /**
     * The serializer of {@link AbstractSimplePortObjectSpec}s: subclass it (empty body) as a static nested class.
     * <p>
     * Mirrors the nested class of knime-core .../node/port/AbstractSimplePortObjectSpec.java
     *
     * @param <T> the spec class
     */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {

        @Override
        public void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObjectSpec.getClass().getName());
            portObjectSpec.save(model.addModelContent("model"));
            out.putNextEntry(new ZipEntry("content.xml"));
            model.saveToXML(KitPortBridge.nonClosing(out));
        }

        @SuppressWarnings("unchecked")
        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Invalid stream, expected zip entry \"content.xml\", got "
                    + (entry == null ? "nothing" : "\"" + entry.getName() + "\""));
            }
            ModelContentRO model = ModelContent.loadFromXML(KitPortBridge.nonClosing(in));
            try {
                AbstractSimplePortObjectSpec result =
                    KitPortBridge.instantiate(model.getString("class_name"), AbstractSimplePortObjectSpec.class);
                result.load(model.getModelContent("model"));
                return (T)result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load model content into port object spec: " + e.getMessage(), e);
            }
        }
    }
}
