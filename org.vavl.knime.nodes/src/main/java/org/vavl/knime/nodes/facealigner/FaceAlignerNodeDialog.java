package org.vavl.knime.nodes.facealigner;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

import org.vavl.core.face.FaceDetectorKind;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.EnablingSettingsPane;

/**
 * The Face Aligner's dialog: tabs Options (clips, face detection and alignment), Face tracks and Execution. The YuNet
 * model file is enabled with the YuNet detector, the detection interval with tracking.
 */
final class FaceAlignerNodeDialog extends EnablingSettingsPane {

    private final SettingsModelString m_detector = FaceAlignerSettings.detector();

    private final SettingsModelString m_yunetModel = FaceAlignerSettings.yunetModel();

    private final SettingsModelString m_alignment = FaceAlignerSettings.alignment();

    private final SettingsModelBoolean m_tracking = FaceAlignerSettings.tracking();

    private final SettingsModelIntegerBounded m_detectionInterval = FaceAlignerSettings.detectionInterval();

    @SuppressWarnings("unchecked")
    FaceAlignerNodeDialog() {
        createNewGroup("Clips");
        addDialogComponent(new DialogComponentColumnNameSelection(FaceAlignerSettings.pathColumn(),
            "Path column", 0, true, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(FaceAlignerSettings.clipColumn(),
            "Clip id column", 0, false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Face detection");
        addDialogComponent(new DialogComponentButtonGroup(m_detector, "Detector", false,
            new String[] {"Haar cascade (built in)", "YuNet (ONNX model file)", "CNN (tiny face detector, built in)"},
            FaceAlignerSettings.DETECTORS.toArray(new String[0])));
        final DialogComponentFileChooser yunet = new DialogComponentFileChooser(m_yunetModel, "vavl.face.yunet",
            JFileChooser.OPEN_DIALOG, false, ".onnx");
        yunet.setBorderTitle("YuNet model file (.onnx, for the YuNet detector)");
        addDialogComponent(yunet);
        addDialogComponent(new DialogComponentButtonGroup(m_alignment, "Level and place the face by",
            false, new String[] {"Eyes (eye cascade, or YuNet's eyes)", "Landmarks (68 points, built-in network)"},
            FaceAlignerSettings.ALIGNMENTS.toArray(new String[0])));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.minFace(),
            "Minimum face size (fraction of the frame's shorter side)", 0.05));
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.mainFace(), "Main face",
            FaceAlignerSettings.MAIN_FACES));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.frameStep(), "Frame step (every Nth frame)",
            1));
        addDialogComponent(new DialogComponentBoolean(m_tracking, "Track the face between detections"));
        addDialogComponent(new DialogComponentNumber(m_detectionInterval,
            "Detection interval (frames, when tracking)", 1));
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.missingFace(),
            "Frames without a face", FaceAlignerSettings.MISSING_FACES));
        closeCurrentGroup();

        createNewTab("Face tracks");
        final DialogComponentFileChooser output = new DialogComponentFileChooser(FaceAlignerSettings.outputFolder(),
            "vavl.face.output", JFileChooser.SAVE_DIALOG, true);
        output.setBorderTitle("Output folder for the face-track videos");
        addDialogComponent(output);
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.cropScale(), "Crop scale (face box x)", 0.05));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.outputSize(), "Output size (pixels)", 16));
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.format(), "Format",
            FaceAlignerSettings.FORMATS));
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.overwrite(), "Overwrite face tracks",
            CommonSettings.OVERWRITE_VALUES));
        final DialogComponentFileChooser png = new DialogComponentFileChooser(FaceAlignerSettings.pngFolder(),
            "vavl.face.png", JFileChooser.SAVE_DIALOG, true);
        png.setBorderTitle("Also write PNG frames into this folder (empty: none)");
        addDialogComponent(png);

        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.lowRatio(),
            "Warn about clips with a face ratio under", 0.05));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.threads(),
            "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(FaceAlignerSettings.onError(), "On error", false,
            new String[] {"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));

        m_detector.addChangeListener(e -> updateEnabled());
        m_tracking.addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    /** Settings saved before the alignment setting existed show (and keep) "eyes", what they did then. */
    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        FaceAlignerSettings.keepOldAlignment(settings, m_alignment);
        super.loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    protected void updateEnabled() {
        m_yunetModel.setEnabled(FaceDetectorKind.YUNET.settingValue().equals(m_detector.getStringValue()));
        m_detectionInterval.setEnabled(m_tracking.getBooleanValue());
    }
}
