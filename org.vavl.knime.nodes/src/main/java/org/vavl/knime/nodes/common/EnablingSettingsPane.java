package org.vavl.knime.nodes.common;

import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A node dialog whose settings are enabled only when they apply: {@link #updateEnabled()} runs when the dialog
 * opens (after its settings are loaded) and, as the subclass registers it, whenever a setting it depends on changes.
 */
public abstract class EnablingSettingsPane extends DefaultNodeSettingsPane {

    /** Enables the settings that apply to the values now chosen and disables the others. */
    protected abstract void updateEnabled();

    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        updateEnabled();
    }
}
