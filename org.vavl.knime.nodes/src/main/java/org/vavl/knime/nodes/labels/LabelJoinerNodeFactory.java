package org.vavl.knime.nodes.labels;

import org.knime.core.node.NodeDialogPane;
import org.vavl.knime.nodes.common.ClassicNodeFactory;

/** Factory of the Emotion Label Joiner node (description in LabelJoinerNodeFactory.xml). */
public final class LabelJoinerNodeFactory extends ClassicNodeFactory<LabelJoinerNodeModel> {

    @Override
    public LabelJoinerNodeModel createNodeModel() {
        return new LabelJoinerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeDialogPane createDialog() {
        return new LabelJoinerNodeDialog();
    }
}
