package org.vavl.knime.nodes.faceencoder;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Face Encoder node (description in FaceEncoderNodeFactory.xml). */
public final class FaceEncoderNodeFactory extends NodeFactory<FaceEncoderNodeModel> {

    @Override
    public FaceEncoderNodeModel createNodeModel() {
        return new FaceEncoderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<FaceEncoderNodeModel> createNodeView(final int viewIndex, final FaceEncoderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new FaceEncoderNodeDialog();
    }
}
