package org.vavl.knime.nodes.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the AuxFormer Learner node. */
public final class AuxFormerLearnerNodeFactory extends NodeFactory<AuxFormerLearnerNodeModel> {

    @Override
    public AuxFormerLearnerNodeModel createNodeModel() {
        return new AuxFormerLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AuxFormerLearnerNodeModel> createNodeView(final int viewIndex,
        final AuxFormerLearnerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AuxFormerLearnerNodeDialog();
    }
}
