package org.vavl.knime.nodes.evaluator;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Evaluator node (description in EvaluatorNodeFactory.xml). */
public final class EvaluatorNodeFactory extends NodeFactory<EvaluatorNodeModel> {

    @Override
    public EvaluatorNodeModel createNodeModel() {
        return new EvaluatorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<EvaluatorNodeModel> createNodeView(final int viewIndex, final EvaluatorNodeModel nodeModel) {
        return new EvaluatorNodeView(nodeModel);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new EvaluatorNodeDialog();
    }
}
