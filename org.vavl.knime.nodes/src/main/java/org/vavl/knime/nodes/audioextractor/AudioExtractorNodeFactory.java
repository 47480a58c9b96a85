package org.vavl.knime.nodes.audioextractor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Audio Extractor node (description in AudioExtractorNodeFactory.xml). */
public final class AudioExtractorNodeFactory extends NodeFactory<AudioExtractorNodeModel> {

    @Override
    public AudioExtractorNodeModel createNodeModel() {
        return new AudioExtractorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AudioExtractorNodeModel> createNodeView(final int viewIndex,
        final AudioExtractorNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AudioExtractorNodeDialog();
    }
}
