package org.vavl.knime.nodes.audioencoder;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Audio Encoder node (description in AudioEncoderNodeFactory.xml). */
public final class AudioEncoderNodeFactory extends NodeFactory<AudioEncoderNodeModel> {

    @Override
    public AudioEncoderNodeModel createNodeModel() {
        return new AudioEncoderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AudioEncoderNodeModel> createNodeView(final int viewIndex, final AudioEncoderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AudioEncoderNodeDialog();
    }
}
