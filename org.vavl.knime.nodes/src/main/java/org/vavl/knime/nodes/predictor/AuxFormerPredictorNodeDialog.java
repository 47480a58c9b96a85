package org.vavl.knime.nodes.predictor;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentLabel;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.port.AuxFormerModelFile;
import org.vavl.knime.nodes.port.FeatureSource;
import org.vavl.knime.nodes.port.FeatureSourceDialog;

/** Dialog of the AuxFormer Predictor. */
final class AuxFormerPredictorNodeDialog extends DefaultNodeSettingsPane {

    AuxFormerPredictorNodeDialog() {
        createNewGroup("Model");
        addDialogComponent(new DialogComponentLabel("Model file (used when no model is connected)"));
        addDialogComponent(new DialogComponentFileChooser(AuxFormerPredictorNodeModel.createModelFile(),
            "vavl-auxformer-model", JFileChooser.OPEN_DIALOG, false, AuxFormerModelFile.EXTENSION));
        closeCurrentGroup();
        createNewGroup("Feature sequences");
        FeatureSourceDialog.add(this, new FeatureSource.Settings(), 1);
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(AuxFormerPredictorNodeModel.createBatchSize(), "Batch size", 1));
        addDialogComponent(new DialogComponentNumber(CommonSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentStringSelection(CommonSettings.device(), "Device",
            CommonSettings.DEVICE_VALUES));
        addDialogComponent(new DialogComponentStringSelection(CommonSettings.onError(), "On error",
            CommonSettings.ON_ERROR_VALUES));
        closeCurrentGroup();
    }
}
