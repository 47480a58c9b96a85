package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;

/**
 * Node settings: a config tree saved as KNIME's XML ({@code settings.xml}).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeSettings.java
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    /** @param key the key of these settings */
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        addConfig(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (!(c instanceof NodeSettings)) {
            throw new InvalidSettingsException("Settings for key \"" + key + "\" not found.");
        }
        return (NodeSettings)c;
    }

    /** @return settings read from KNIME's XML format (the root key is taken from the file) */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        return (NodeSettings)Config.loadFromXML(new NodeSettings("ignored"), in);
    }

    @Override
    public void copyTo(final ConfigWO config) {
        super.copyTo(config);
    }
}
