package org.vavl.knime.testkit.nodes;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.data.StringValue;

/** Test-only node: appends an upper-cased copy of a string column (via ColumnRearranger). */
@SuppressWarnings("removal") // classic Swing factory methods, as the VAVL nodes (docs/testkit.md)
public class UpperCaseNodeFactory extends NodeFactory<UpperCaseNodeModel> {

    @Override
    public UpperCaseNodeModel createNodeModel() {
        return new UpperCaseNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<UpperCaseNodeModel> createNodeView(final int viewIndex, final UpperCaseNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        DefaultNodeSettingsPane p = new DefaultNodeSettingsPane();
        p.addDialogComponent(new DialogComponentColumnNameSelection(UpperCaseNodeModel.createColumn(), "Column", 0,
            StringValue.class));
        p.addDialogComponent(new DialogComponentNumber(UpperCaseNodeModel.createDelay(), "Delay (ms)", 1));
        p.addDialogComponent(new DialogComponentBoolean(UpperCaseNodeModel.createWarn(), "Warn"));
        return p;
    }
}
