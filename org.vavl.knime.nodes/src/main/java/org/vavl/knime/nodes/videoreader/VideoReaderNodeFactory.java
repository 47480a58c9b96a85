package org.vavl.knime.nodes.videoreader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Video Reader node (description in VideoReaderNodeFactory.xml). */
public final class VideoReaderNodeFactory extends NodeFactory<VideoReaderNodeModel> {

    @Override
    public VideoReaderNodeModel createNodeModel() {
        return new VideoReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<VideoReaderNodeModel> createNodeView(final int viewIndex, final VideoReaderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VideoReaderNodeDialog();
    }
}
