package org.vavl.knime.nodes.facealigner;

import static org.vavl.core.face.FaceAlignerSettings.ALIGNMENT;
import static org.vavl.core.face.FaceAlignerSettings.CROP_SCALE;
import static org.vavl.core.face.FaceAlignerSettings.DETECTION_INTERVAL;
import static org.vavl.core.face.FaceAlignerSettings.DETECTOR;
import static org.vavl.core.face.FaceAlignerSettings.FORMAT;
import static org.vavl.core.face.FaceAlignerSettings.FRAME_STEP;
import static org.vavl.core.face.FaceAlignerSettings.MAIN_FACE;
import static org.vavl.core.face.FaceAlignerSettings.MIN_FACE_FRACTION;
import static org.vavl.core.face.FaceAlignerSettings.MISSING_FACE;
import static org.vavl.core.face.FaceAlignerSettings.OUTPUT_SIZE;
import static org.vavl.core.face.FaceAlignerSettings.PNG_FOLDER;
import static org.vavl.core.face.FaceAlignerSettings.TRACKING;
import static org.vavl.core.face.FaceAlignerSettings.YUNET_MODEL;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.vavl.core.face.FaceDetectorKind;
import org.vavl.core.settings.Setting;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.EnablingSettingsPane;
import org.vavl.knime.nodes.common.SettingModels;

/**
 * The Face Aligner's dialog: tabs Options (clips, face detection and alignment), Face tracks and Execution. The YuNet
 * model file is enabled with the YuNet detector, the detection interval with tracking. The engine's settings are
 * edited with their labels and descriptions ({@link AlignmentSettings}).
 */
final class FaceAlignerNodeDialog extends EnablingSettingsPane {

    private final AlignmentSettings m_alignment = new AlignmentSettings();

    @SuppressWarnings("unchecked")
    FaceAlignerNodeDialog() {
        createNewGroup("Clips");
        addDialogComponent(new DialogComponentColumnNameSelection(FaceAlignerSettings.pathColumn(),
            "Path column", 0, true, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(FaceAlignerSettings.clipColumn(),
            "Clip id column", 0, false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Face detection");
        buttons(DETECTOR, "Haar cascade (built in)", "YuNet (ONNX model file)", "CNN (tiny face detector, built in)");
        file(YUNET_MODEL, "vavl.face.yunet", JFileChooser.OPEN_DIALOG, false, ".onnx");
        buttons(ALIGNMENT, "Eyes (eye cascade, or YuNet's eyes)", "Landmarks (68 points, built-in network)");
        number(MIN_FACE_FRACTION, 0.05);
        widget(MAIN_FACE);
        number(FRAME_STEP, 1);
        widget(TRACKING);
        number(DETECTION_INTERVAL, 1);
        widget(MISSING_FACE);
        closeCurrentGroup();

        createNewTab("Face tracks");
        final DialogComponentFileChooser output = new DialogComponentFileChooser(FaceAlignerSettings.outputFolder(),
            "vavl.face.output", JFileChooser.SAVE_DIALOG, true);
        output.setBorderTitle("Output folder for the face-track videos");
        addDialogComponent(output);
        number(CROP_SCALE, 0.05);
        number(OUTPUT_SIZE, 16);
        widget(FORMAT);
        addDialogComponent(new DialogComponentStringSelection(FaceAlignerSettings.overwrite(), "Overwrite face tracks",
            CommonSettings.OVERWRITE_VALUES));
        file(PNG_FOLDER, "vavl.face.png", JFileChooser.SAVE_DIALOG, true);

        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.lowRatio(),
            "Warn about clips with a face ratio under", 0.05));
        addDialogComponent(new DialogComponentNumber(FaceAlignerSettings.threads(),
            "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(FaceAlignerSettings.onError(), "On error", false,
            new String[] {"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));

        m_alignment.model(DETECTOR).addChangeListener(e -> updateEnabled());
        m_alignment.model(TRACKING).addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    private void widget(final Setting<?> setting) {
        addDialogComponent(SettingModels.component(setting, m_alignment.model(setting)));
    }

    private void number(final Setting<?> setting, final double step) {
        addDialogComponent(new DialogComponentNumber((SettingsModelNumber)m_alignment.model(setting),
            setting.label(), step));
    }

    /** A button per choice, showing {@code texts} (in the choices' order), saving the choices' labels. */
    private <T> void buttons(final Setting<T> setting, final String... texts) {
        addDialogComponent(new DialogComponentButtonGroup((SettingsModelString)m_alignment.model(setting),
            setting.label(), false, texts,
            setting.choices().stream().map(setting::choiceLabel).toArray(String[]::new)));
    }

    private void file(final Setting<?> setting, final String history, final int type, final boolean folder,
        final String... extensions) {
        final DialogComponentFileChooser c = new DialogComponentFileChooser(
            (SettingsModelString)m_alignment.model(setting), history, type, folder, extensions);
        c.setBorderTitle(setting.label());
        addDialogComponent(c);
    }

    /** Settings saved before the alignment setting existed show (and keep) "eyes", what they did then. */
    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_alignment.loaded(settings);
        super.loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    protected void updateEnabled() {
        final String detector = ((SettingsModelString)m_alignment.model(DETECTOR)).getStringValue();
        m_alignment.model(YUNET_MODEL).setEnabled(FaceDetectorKind.YUNET.settingValue().equals(detector));
        m_alignment.model(DETECTION_INTERVAL)
            .setEnabled(((SettingsModelBoolean)m_alignment.model(TRACKING)).getBooleanValue());
    }
}
