package org.vavl.knime.nodes.faceencoder;

import org.knime.core.node.NodeDialogPane;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the Face Encoder node (description in FaceEncoderNodeFactory.xml). */
public final class FaceEncoderNodeFactory extends ClassicNodeFactory<FaceEncoderNodeModel> {

    @Override
    public FaceEncoderNodeModel createNodeModel() {
        return new FaceEncoderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new FaceEncoderNodeDialog();
    }
}
