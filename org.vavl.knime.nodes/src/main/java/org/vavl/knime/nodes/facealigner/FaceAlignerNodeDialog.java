package org.vavl.knime.nodes.facealigner;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.CommonSettings;

/** The Face Aligner's dialog. */
final class FaceAlignerNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    FaceAlignerNodeDialog() {
        createNewGroup("Clips");
        addDialogComponent(new DialogComponentColumnNameSelection(FaceAlignerSettings.pathColumn(),
            "Path column", 0, true, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(FaceAlignerSettings.clipColumn(),
            "Clip id column", 0, false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Face detection");
        addDialogComponent(new DialogComponentButtonGroup(FaceAlignerSettings.detector(), "Detector", false,
            new String[] {"Haar cascade (built in)", "YuNet (ONNX model file)"},
            FaceAlignerSettings.DETECTORS.toArray(new String[0])));
        addDialogComponent(new DialogComponentFileChooser(FaceAlignerSettings.yunetModel(), "vavl.face.yunet",
            JFileChooser.OPEN_DIALOG, false, ".onnx"));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.minFace(),
            "Minimum face size (fraction of the frame's shorter side)", 0.05));
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.mainFace(), "Main face",
            FaceAlignerSettings.MAIN_FACES));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.frameStep(), "Frame step (every Nth frame)",
            1));
        addDialogComponent(new DialogComponentBoolean(FaceAlignerSettings.tracking(),
            "Track the face between detections"));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.detectionInterval(),
            "Detection interval (frames, when tracking)", 1));
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.missingFace(),
            "Frames without a face", FaceAlignerSettings.MISSING_FACES));
        closeCurrentGroup();
        createNewGroup("Face tracks");
        addDialogComponent(new DialogComponentFileChooser(FaceAlignerSettings.outputFolder(), "vavl.face.output",
            JFileChooser.SAVE_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.cropScale(), "Crop scale (face box x)", 0.05));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.outputSize(), "Output size (pixels)", 16));
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.format(), "Format",
            FaceAlignerSettings.FORMATS));
        addDialogComponent(new DialogComponentFileChooser(FaceAlignerSettings.pngFolder(), "vavl.face.png",
            JFileChooser.SAVE_DIALOG, true));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.lowRatio(),
            "Warn about clips with a face ratio under", 0.05));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(FaceAlignerSettings.onError(), "On error", false,
            new String[] {"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.overwrite(), "Overwrite face tracks",
            CommonSettings.OVERWRITE_VALUES));
        closeCurrentGroup();
    }
}
