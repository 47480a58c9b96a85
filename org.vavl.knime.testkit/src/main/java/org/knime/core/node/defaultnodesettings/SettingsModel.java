package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A setting shared by a node model and its dialog. On save it writes {@code <configName>_Internals} (with
 * {@code SettingsModelID} and {@code EnabledStatus}) and its value(s), exactly as KNIME writes them.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModel.java (own
 * implementation).
 */
public abstract class SettingsModel {

    /** Suffix of the sub-config holding model id and enabled status. */
    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private final CopyOnWriteArrayList<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    /** Creates a model. */
    public SettingsModel() {
    }

    /** @return a copy of this model */
    protected abstract <T extends SettingsModel> T createClone();

    /** @return the id written as {@code SettingsModelID} */
    protected abstract String getModelTypeID();

    /** @return the key the value is saved under */
    protected abstract String getConfigName();

    /** Loads the value for the dialog (use defaults for missing keys). */
    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    /** Saves the value from the dialog. */
    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    /** Checks the value in the settings. */
    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    /** Loads the value. */
    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    /** Saves the value. */
    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    @Override
    public abstract String toString();

    /** @return a clone holding the value in the settings, after validating it */
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        T clone = createClone();
        clone.validateSettings(settings);
        clone.loadSettingsFrom(settings);
        return clone;
    }

    /** Adds a listener notified on value and enabled-status changes. */
    public void addChangeListener(final ChangeListener l) {
        m_listeners.addIfAbsent(l);
    }

    /**
     * Adds a listener notified before the others (the dialog components use it to show a change before the node
     * dialog's own listeners run).
     */
    protected void prependChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
        m_listeners.add(0, l);
    }

    /** Removes a listener. */
    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    /** Notifies the listeners. */
    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }

    /** Enables or disables the setting (saved as EnabledStatus). */
    public void setEnabled(final boolean enabled) {
        boolean changed = enabled != m_enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return whether enabled */
    public boolean isEnabled() {
        return m_enabled;
    }

    /** Checks the settings (if they say the model is enabled). */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean old = m_enabled;
        readInternals(settings);
        boolean enabledInSettings = m_enabled;
        m_enabled = old;
        if (enabledInSettings) {
            validateSettingsForModel(settings);
        }
    }

    /** Loads the value and enabled status. */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readInternals(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    /** Saves {@code <configName>_Internals} and the value. */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        writeInternals(settings);
        saveSettingsForModel(settings);
    }

    void dialogLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final boolean before = m_enabled;
        try {
            readInternals(settings);
        } catch (InvalidSettingsException e) {
            // keep current status, as the dialog does with incomplete settings
        }
        if (before != m_enabled) {
            notifyChangeListeners(); // as setEnabled: the component shows the loaded status
        }
        loadSettingsForDialog(settings, specs);
    }

    void dialogSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        writeInternals(settings);
        saveSettingsForDialog(settings);
    }

    private void writeInternals(final NodeSettingsWO settings) {
        Config c = settings.addConfig(getConfigName() + CFGKEY_INTERNAL);
        c.addString(CFGKEY_MODELID, getModelTypeID());
        c.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
    }

    private void readInternals(final NodeSettingsRO settings) throws InvalidSettingsException {
        Config c;
        try {
            c = settings.getConfig(getConfigName() + CFGKEY_INTERNAL);
        } catch (InvalidSettingsException e) {
            return; // older settings have no internals
        }
        String id = c.getString(CFGKEY_MODELID);
        if (!getModelTypeID().equals(id)) {
            throw new InvalidSettingsException("Setting \"" + getConfigName() + "\" was written by a different "
                + "settings model (" + id + ", expected " + getModelTypeID() + ")");
        }
        m_enabled = c.getBoolean(CFGKEY_ENABLESTAT);
    }
}
