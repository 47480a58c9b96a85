package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A column selection: saved as a sub-config {@code <configName>} with {@code useRowID} (xboolean) and
 * {@code columnName} (xstring), as KNIME does.
 * <p>
 * Mirrors knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelColumnName.java
 */
public class SettingsModelColumnName extends SettingsModelString {

    private static final String CFG_COLUMN_NAME = "columnName";

    private static final String CFG_ROWID = "useRowID";

    private final String m_configName;

    private boolean m_useRowID;

    /** @param configName settings key @param defaultValue default column name (null = none) */
    public SettingsModelColumnName(final String configName, final String defaultValue) {
        super(CFG_COLUMN_NAME, defaultValue);
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelColumnName createClone() {
        SettingsModelColumnName c = new SettingsModelColumnName(m_configName, getStringValue());
        c.m_useRowID = m_useRowID;
        return c;
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    /** @return the column name, or null when the row ID is selected */
    public String getColumnName() {
        return m_useRowID ? null : getStringValue();
    }

    /** @return whether the row ID is selected instead of a column */
    public boolean useRowID() {
        return m_useRowID;
    }

    /** Selects a column, or the row ID. */
    public void setSelection(final String columnName, final boolean useRowID) {
        boolean changed = useRowID != m_useRowID;
        m_useRowID = useRowID;
        setStringValue(columnName);
        if (changed) {
            notifyChangeListeners();
        }
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            NodeSettingsRO sub = settings.getNodeSettings(m_configName);
            m_useRowID = sub.getBoolean(CFG_ROWID, m_useRowID);
            super.loadSettingsForDialog(sub, specs);
        } catch (InvalidSettingsException e) {
            // keep the current value
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        sub.getBoolean(CFG_ROWID);
        super.validateSettingsForModel(sub);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        m_useRowID = sub.getBoolean(CFG_ROWID);
        super.loadSettingsForModel(sub);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        NodeSettingsWO sub = settings.addNodeSettings(m_configName);
        sub.addBoolean(CFG_ROWID, m_useRowID);
        super.saveSettingsForModel(sub);
    }
}
