package org.vavl.knime.nodes.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the AuxFormer Learner node. */
public final class AuxFormerLearnerNodeFactory extends ClassicNodeFactory<AuxFormerLearnerNodeModel> {

    @Override
    public AuxFormerLearnerNodeModel createNodeModel() {
        return new AuxFormerLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeView<AuxFormerLearnerNodeModel> createView(final int viewIndex,
        final AuxFormerLearnerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new AuxFormerLearnerNodeDialog();
    }
}
