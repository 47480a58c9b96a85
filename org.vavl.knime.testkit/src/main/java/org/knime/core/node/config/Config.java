package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/**
 * A config tree with sub-configs of the same kind.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/config/Config.java (own implementation).
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    /** @param key the key of this config */
    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    /** Adds the given config under its own key. */
    protected final void addConfig(final Config config) {
        addConfigBase(config);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof Config)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (Config)c;
    }

    /** Reads XML into the given (empty) config. */
    protected static Config loadFromXML(final Config config, final InputStream in) throws IOException {
        config.load(in);
        return config;
    }
}
