package org.vavl.knime.nodes.predictor;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentLabel;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
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
        createNewTab("Emotion over time");
        final TimelineSettings t = new TimelineSettings();
        addDialogComponent(new DialogComponentBoolean(t.m_enabled,
            "Predict over sliding windows (second output: one row per clip, window and modality)"));
        addDialogComponent(new DialogComponentNumber(t.m_window, "Window (s)", 0.5));
        addDialogComponent(new DialogComponentNumber(t.m_hop, "Hop (s)", 0.25));
        addDialogComponent(new DialogComponentString(t.m_durationColumn, "Duration column (seconds per clip)"));
        addDialogComponent(new DialogComponentNumber(t.m_images, "Timeline images of the first clips (0 = none)", 1));
        addDialogComponent(new DialogComponentLabel("Folder of the timeline images"));
        addDialogComponent(new DialogComponentFileChooser(t.m_folder, "vavl-timeline-folder",
            JFileChooser.SAVE_DIALOG, true));
    }
}
