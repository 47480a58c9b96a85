package org.vavl.knime.nodes.audioextractor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the Audio Extractor node (description in AudioExtractorNodeFactory.xml). */
public final class AudioExtractorNodeFactory extends ClassicNodeFactory<AudioExtractorNodeModel> {

    @Override
    public AudioExtractorNodeModel createNodeModel() {
        return new AudioExtractorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeView<AudioExtractorNodeModel> createView(final int viewIndex,
        final AudioExtractorNodeModel nodeModel) {
        return null;
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new AudioExtractorNodeDialog();
    }
}
