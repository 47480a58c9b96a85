package org.vavl.knime.nodes.predictor;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the AuxFormer Predictor. */
final class AuxFormerPredictorNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    AuxFormerPredictorNodeDialog() {
        createNewGroup("Feature sequences");
        addDialogComponent(new DialogComponentColumnNameSelection(AuxFormerPredictorNodeModel.createAudioColumn(),
            "Audio features", 1, false, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(AuxFormerPredictorNodeModel.createVisualColumn(),
            "Visual features", 1, false, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(AuxFormerPredictorNodeModel.createClipColumn(),
            "Clip", 1, false, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(AuxFormerPredictorNodeModel.createBatchSize(), "Batch size", 1));
        addDialogComponent(new DialogComponentNumber(AuxFormerPredictorNodeModel.createThreads(), "Threads", 1));
        addDialogComponent(new DialogComponentStringSelection(AuxFormerPredictorNodeModel.createDevice(), "Device",
            AuxFormerPredictorNodeModel.DEVICES));
        addDialogComponent(new DialogComponentStringSelection(AuxFormerPredictorNodeModel.createOnError(), "On error",
            AuxFormerPredictorNodeModel.ON_ERROR));
        closeCurrentGroup();
    }
}
