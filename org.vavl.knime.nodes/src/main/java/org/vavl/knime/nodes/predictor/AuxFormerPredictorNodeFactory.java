package org.vavl.knime.nodes.predictor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the AuxFormer Predictor node. */
public final class AuxFormerPredictorNodeFactory extends NodeFactory<AuxFormerPredictorNodeModel> {

    @Override
    public AuxFormerPredictorNodeModel createNodeModel() {
        return new AuxFormerPredictorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AuxFormerPredictorNodeModel> createNodeView(final int viewIndex,
        final AuxFormerPredictorNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AuxFormerPredictorNodeDialog();
    }
}
