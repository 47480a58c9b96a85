package org.vavl.knime.nodes.evaluator;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the Evaluator node (description in EvaluatorNodeFactory.xml). */
public final class EvaluatorNodeFactory extends ClassicNodeFactory<EvaluatorNodeModel> {

    @Override
    public EvaluatorNodeModel createNodeModel() {
        return new EvaluatorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    protected NodeView<EvaluatorNodeModel> createView(final int viewIndex, final EvaluatorNodeModel nodeModel) {
        return new EvaluatorNodeView(nodeModel);
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new EvaluatorNodeDialog();
    }
}
