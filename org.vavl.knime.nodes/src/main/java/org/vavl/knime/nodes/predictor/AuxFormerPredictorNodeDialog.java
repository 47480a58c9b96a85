package org.vavl.knime.nodes.predictor;

import javax.swing.JFileChooser;

import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.vavl.core.train.AuxFormerPredictor;
import org.vavl.core.train.EmotionTimeline;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.port.AuxFormerModelFile;
import org.vavl.knime.nodes.port.FeatureSource;
import org.vavl.knime.nodes.port.FeatureSourceDialog;

/**
 * Dialog of the AuxFormer Predictor. The model file is enabled when no model is connected; the feature source's
 * columns or folders by its mode.
 */
final class AuxFormerPredictorNodeDialog extends DefaultNodeSettingsPane {

    private final SettingsModelString m_modelFile = AuxFormerPredictorNodeModel.createModelFile();

    private final FeatureSource.Settings m_features = new FeatureSource.Settings();

    AuxFormerPredictorNodeDialog() {
        createNewGroup("Model");
        final DialogComponentFileChooser model = new DialogComponentFileChooser(m_modelFile,
            "vavl-auxformer-model", JFileChooser.OPEN_DIALOG, false, AuxFormerModelFile.EXTENSION);
        model.setBorderTitle("Model file (" + AuxFormerModelFile.EXTENSION + ", used when no model is connected)");
        addDialogComponent(model);
        closeCurrentGroup();
        createNewGroup("Feature sequences");
        FeatureSourceDialog.add(this, m_features, 1);
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(SettingModels.component(AuxFormerPredictor.BATCH_SIZE,
            AuxFormerPredictorNodeModel.createBatchSize()));
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
        addDialogComponent(new DialogComponentNumber(t.m_window, EmotionTimeline.WindowSettings.WINDOW.label(), 0.5));
        addDialogComponent(new DialogComponentNumber(t.m_hop, EmotionTimeline.WindowSettings.HOP.label(), 0.25));
        addDialogComponent(new DialogComponentString(t.m_durationColumn, "Duration column (seconds per clip)"));
        addDialogComponent(new DialogComponentNumber(t.m_images, "Timeline images of the first clips (0 = none)", 1));
        final DialogComponentFileChooser folder = new DialogComponentFileChooser(t.m_folder, "vavl-timeline-folder",
            JFileChooser.SAVE_DIALOG, true);
        folder.setBorderTitle("Folder of the timeline images");
        addDialogComponent(folder);
    }

    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_modelFile.setEnabled(specs == null || specs.length == 0 || specs[0] == null);
        FeatureSourceDialog.updateEnabled(m_features);
    }
}
