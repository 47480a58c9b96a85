package org.vavl.knime.testkit.nodes;

import java.io.File;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;

/** Test-only node whose execute fails. */
@SuppressWarnings("removal") // classic Swing factory methods, as the VAVL nodes (docs/testkit.md)
public class FailingNodeFactory extends NodeFactory<FailingNodeFactory.Model> {

    /** The model. */
    public static class Model extends NodeModel {
        Model() {
            super(1, 1);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return new DataTableSpec[]{inSpecs[0]};
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec) {
            throw new IllegalStateException("disk full while writing clip7.wav");
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
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
