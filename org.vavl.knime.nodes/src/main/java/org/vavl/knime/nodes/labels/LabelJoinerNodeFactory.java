package org.vavl.knime.nodes.labels;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Emotion Label Joiner node (description in LabelJoinerNodeFactory.xml). */
public final class LabelJoinerNodeFactory extends NodeFactory<LabelJoinerNodeModel> {

    @Override
    public LabelJoinerNodeModel createNodeModel() {
        return new LabelJoinerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<LabelJoinerNodeModel> createNodeView(final int viewIndex, final LabelJoinerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LabelJoinerNodeDialog();
    }
}
