package org.vavl.knime.nodes.videoreader;

import org.knime.core.node.NodeDialogPane;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the Video Reader node (description in VideoReaderNodeFactory.xml). */
public final class VideoReaderNodeFactory extends ClassicNodeFactory<VideoReaderNodeModel> {

    @Override
    public VideoReaderNodeModel createNodeModel() {
        return new VideoReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new VideoReaderNodeDialog();
    }
}
