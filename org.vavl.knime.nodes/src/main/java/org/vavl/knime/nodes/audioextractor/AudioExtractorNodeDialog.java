package org.vavl.knime.nodes.audioextractor;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.vavl.core.media.AudioExtractionSettings;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.RecordModels;
import org.vavl.knime.nodes.common.SettingModels;

/** The Audio Extractor's dialog: tabs Options and Execution. */
final class AudioExtractorNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    AudioExtractorNodeDialog() {
        createNewGroup("Clips");
        addDialogComponent(new DialogComponentColumnNameSelection(CommonSettings.pathColumn(),
            "Media file column", 0, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(CommonSettings.clipIdColumn(),
            "Clip id column (names the WAV files)", 0, false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Audio");
        final RecordModels<AudioExtractionSettings> audio = AudioExtractorSettings.extraction();
        addDialogComponent(new DialogComponentNumber(
            (SettingsModelNumber)audio.model(AudioExtractionSettings.SAMPLE_RATE),
            AudioExtractionSettings.SAMPLE_RATE.label(), 1000));
        addDialogComponent(SettingModels.component(AudioExtractionSettings.SAMPLE_FORMAT,
            audio.model(AudioExtractionSettings.SAMPLE_FORMAT)));
        addDialogComponent(new DialogComponentNumber(
            (SettingsModelNumber)audio.model(AudioExtractionSettings.MAX_SECONDS),
            AudioExtractionSettings.MAX_SECONDS.label(), 1.0));
        closeCurrentGroup();
        createNewGroup("Files");
        final DialogComponentFileChooser output = new DialogComponentFileChooser(
            CommonSettings.outputFolder(AudioExtractorSettings.DEFAULT_OUTPUT_FOLDER), "vavl-audio-output-folder",
            JFileChooser.SAVE_DIALOG, true);
        output.setBorderTitle("Output folder for the WAV files");
        addDialogComponent(output);
        addDialogComponent(new DialogComponentStringSelection(CommonSettings.overwrite(),
            "Overwrite existing WAV files", CommonSettings.OVERWRITE_VALUES));
        closeCurrentGroup();
        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(CommonSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentStringSelection(CommonSettings.onError(),
            "On error", CommonSettings.ON_ERROR_VALUES));
    }
}
