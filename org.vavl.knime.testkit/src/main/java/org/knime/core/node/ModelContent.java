package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;

/**
 * Model content: a config tree, saved as KNIME's XML.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/ModelContent.java
 */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    /** @param key the key */
    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfig(key);
    }

    @Override
    public void addModelContent(final ModelContent modelContent) {
        addConfig(modelContent);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (!(c instanceof ModelContent)) {
            throw new InvalidSettingsException("Model content for key \"" + key + "\" not found.");
        }
        return (ModelContent)c;
    }

    /** @return content read from KNIME's XML format */
    public static ModelContentRO loadFromXML(final InputStream in) throws IOException {
        return (ModelContent)Config.loadFromXML(new ModelContent("ignored"), in);
    }
}
