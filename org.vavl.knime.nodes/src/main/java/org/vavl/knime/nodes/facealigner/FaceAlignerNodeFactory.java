package org.vavl.knime.nodes.facealigner;

import org.knime.core.node.NodeDialogPane;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the Face Aligner node (description in FaceAlignerNodeFactory.xml). */
public final class FaceAlignerNodeFactory extends ClassicNodeFactory<FaceAlignerNodeModel> {

    @Override
    public FaceAlignerNodeModel createNodeModel() {
        return new FaceAlignerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new FaceAlignerNodeDialog();
    }
}
