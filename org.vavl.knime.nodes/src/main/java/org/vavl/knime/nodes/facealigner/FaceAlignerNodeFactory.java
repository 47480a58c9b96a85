package org.vavl.knime.nodes.facealigner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Face Aligner node (description in FaceAlignerNodeFactory.xml). */
public final class FaceAlignerNodeFactory extends NodeFactory<FaceAlignerNodeModel> {

    @Override
    public FaceAlignerNodeModel createNodeModel() {
        return new FaceAlignerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<FaceAlignerNodeModel> createNodeView(final int viewIndex, final FaceAlignerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new FaceAlignerNodeDialog();
    }
}
