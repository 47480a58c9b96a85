package org.vavl.knime.nodes.audioencoder;

import org.knime.core.node.NodeDialogPane;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the Audio Encoder node (description in AudioEncoderNodeFactory.xml). */
public final class AudioEncoderNodeFactory extends ClassicNodeFactory<AudioEncoderNodeModel> {

    @Override
    public AudioEncoderNodeModel createNodeModel() {
        return new AudioEncoderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new AudioEncoderNodeDialog();
    }
}
