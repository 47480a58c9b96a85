package org.vavl.knime.testkit.nodes;

import java.io.File;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.knime.testkit.Tables;

/** Test-only source node: a table of {@code rows} rows "name" = prefix + i, "n" = i. */
@SuppressWarnings("removal") // classic Swing factory methods, as the VAVL nodes (docs/testkit.md)
public class RowsNodeFactory extends NodeFactory<RowsNodeFactory.Model> {

    /** The model. */
    public static class Model extends NodeModel {
        private final SettingsModelIntegerBounded m_rows = new SettingsModelIntegerBounded("rows", 3, 0, 1000);

        private final SettingsModelString m_prefix = new SettingsModelString("prefix", "clip");

        Model() {
            super(0, 1);
        }

        static DataTableSpec spec() {
            return Tables.spec("name", StringCell.TYPE, "n", IntCell.TYPE);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return new DataTableSpec[]{spec()};
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
            BufferedDataContainer c = exec.createDataContainer(spec());
            for (int i = 0; i < m_rows.getIntValue(); i++) {
                c.addRowToTable(new DefaultRow("Row" + i, new StringCell(m_prefix.getStringValue() + i), new IntCell(i)));
                exec.setProgress((i + 1) / (double)m_rows.getIntValue(), "row " + i);
            }
            c.close();
            pushFlowVariableString("source", "rows");
            return new BufferedDataTable[]{c.getTable()};
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            m_rows.saveSettingsTo(settings);
            m_prefix.saveSettingsTo(settings);
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_rows.validateSettings(settings);
            m_prefix.validateSettings(settings);
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_rows.loadSettingsFrom(settings);
            m_prefix.loadSettingsFrom(settings);
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

    @Override
    public Model createNodeModel() {
        return new Model();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<Model> createNodeView(final int viewIndex, final Model nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
