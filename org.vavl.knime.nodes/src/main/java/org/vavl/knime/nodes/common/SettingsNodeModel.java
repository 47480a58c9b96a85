package org.vavl.knime.nodes.common;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortType;

/**
 * A node model whose settings are a list of {@link SettingsModel}s: saves, validates and loads them in the list's
 * order, and by default has no internals and nothing to reset.
 * <p>
 * A node adds its own checks by overriding {@link #validateSettings(NodeSettingsRO)} and calling {@code super} first
 * (so every setting is present and in bounds before the checks read it); a node that holds state between executions
 * (e.g. view data) overrides {@link #loadInternals}, {@link #saveInternals} and {@link #reset()}.
 */
public abstract class SettingsNodeModel extends NodeModel {

    /** A node with the given numbers of table inputs and outputs. */
    protected SettingsNodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        super(nrInDataPorts, nrOutDataPorts);
    }

    /** A node with the given port types. */
    protected SettingsNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        super(inPortTypes, outPortTypes);
    }

    /**
     * @return the node's settings models, in the order they are saved; asked for on every save, validate and load
     *         (so it may be built from fields that are initialised after this class's constructor ran)
     */
    protected abstract List<SettingsModel> settingsModels();

    /**
     * Loads a fresh settings model from settings, for checks in {@link #validateSettings(NodeSettingsRO)} that must
     * not touch the node's own models.
     *
     * @return {@code model}, loaded
     */
    protected static <T extends SettingsModel> T loaded(final T model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.loadSettingsFrom(settings);
        return model;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        for (SettingsModel m : settingsModels()) {
            m.saveSettingsTo(settings);
        }
    }

    /**
     * Settings that a later version added, with their keys: a workflow saved before them lacks the key, and the node
     * then keeps the setting's default instead of refusing the workflow (as KNIME's own nodes do for new settings).
     *
     * @return the node's added settings models (the same instances as in {@link #settingsModels()}) to their keys
     */
    protected Map<SettingsModel, String> settingsAddedLater() {
        return Map.of();
    }

    private boolean absentAndAddedLater(final SettingsModel m, final NodeSettingsRO settings) {
        for (Map.Entry<SettingsModel, String> e : settingsAddedLater().entrySet()) {
            if (e.getKey() == m) {
                return !settings.containsKey(e.getValue());
            }
        }
        return false;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : settingsModels()) {
            if (!absentAndAddedLater(m, settings)) {
                m.validateSettings(settings);
            }
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : settingsModels()) {
            if (!absentAndAddedLater(m, settings)) {
                m.loadSettingsFrom(settings);
            }
        }
    }

    /** Nothing to reset by default: files written by an execution stay, so that a re-run can skip what is done. */
    @Override
    protected void reset() {
        // nothing
    }

    /** No internals by default. */
    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // nothing
    }

    /** No internals by default. */
    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // nothing
    }
}
