package org.vavl.knime.testkit.nodes;

import java.io.File;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Test-only node model. */
public class UpperCaseNodeModel extends NodeModel {

    static SettingsModelString createColumn() {
        return new SettingsModelString("column", "name");
    }

    static SettingsModelIntegerBounded createDelay() {
        return new SettingsModelIntegerBounded("delay", 0, 0, 10_000);
    }

    static SettingsModelBoolean createWarn() {
        return new SettingsModelBoolean("warn", false);
    }

    private final SettingsModelString m_column = createColumn();

    private final SettingsModelIntegerBounded m_delay = createDelay();

    private final SettingsModelBoolean m_warn = createWarn();

    UpperCaseNodeModel() {
        super(1, 1);
    }

    private ColumnRearranger rearranger(final DataTableSpec in) throws InvalidSettingsException {
        final int idx = in.findColumnIndex(m_column.getStringValue());
        if (idx < 0) {
            throw new InvalidSettingsException("No column \"" + m_column.getStringValue() + "\"");
        }
        ColumnRearranger r = new ColumnRearranger(in);
        r.append(new SingleCellFactory(new DataColumnSpecCreator(
            DataTableSpec.getUniqueColumnName(in, "Upper"), StringCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                if (m_delay.getIntValue() > 0) {
                    try {
                        Thread.sleep(m_delay.getIntValue());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                DataCell c = row.getCell(idx);
                return c.isMissing() ? c : new StringCell(((StringValue)c).getStringValue().toUpperCase());
            }
        });
        return r;
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{rearranger(inSpecs[0]).createSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        if (m_warn.getBooleanValue()) {
            setWarningMessage("Told to warn");
        }
        pushFlowVariableInt("rows", (int)inData[0].size());
        return new BufferedDataTable[]{
            exec.createColumnRearrangeTable(inData[0], rearranger(inData[0].getDataTableSpec()), exec)};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_column.saveSettingsTo(settings);
        m_delay.saveSettingsTo(settings);
        m_warn.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_column.validateSettings(settings);
        m_delay.validateSettings(settings);
        m_warn.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_column.loadSettingsFrom(settings);
        m_delay.loadSettingsFrom(settings);
        m_warn.loadSettingsFrom(settings);
    }

    @Override
    protected void reset() {
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
    }
}
