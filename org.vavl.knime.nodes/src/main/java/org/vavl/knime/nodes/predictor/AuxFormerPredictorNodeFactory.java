package org.vavl.knime.nodes.predictor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the AuxFormer Predictor node. */
public final class AuxFormerPredictorNodeFactory extends ClassicNodeFactory<AuxFormerPredictorNodeModel> {

    @Override
    public AuxFormerPredictorNodeModel createNodeModel() {
        return new AuxFormerPredictorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeView<AuxFormerPredictorNodeModel> createView(final int viewIndex,
        final AuxFormerPredictorNodeModel nodeModel) {
        return null;
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new AuxFormerPredictorNodeDialog();
    }
}
