package org.vavl.knime.nodes.audioextractor;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.CommonSettings;

/** The Audio Extractor's dialog: tabs Options and Execution. */
final class AudioExtractorNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    AudioExtractorNodeDialog() {
        createNewGroup("Clips");
        addDialogComponent(new DialogComponentColumnNameSelection(AudioExtractorSettings.pathColumn(),
            "Media file column", 0, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(AudioExtractorSettings.clipColumn(),
            "Clip id column (names the WAV files)", 0, false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Audio");
        addDialogComponent(new DialogComponentNumber(AudioExtractorSettings.sampleRate(), "Sample rate (Hz)", 1000));
        addDialogComponent(new DialogComponentStringSelection(AudioExtractorSettings.sampleFormat(), "Sample format",
            AudioExtractorSettings.SAMPLE_FORMATS));
        addDialogComponent(new DialogComponentNumber(AudioExtractorSettings.maxDuration(),
            "Maximum duration (s, 0 = no limit)", 1.0));
        closeCurrentGroup();
        createNewGroup("Files");
        final DialogComponentFileChooser output = new DialogComponentFileChooser(
            AudioExtractorSettings.outputFolder(), "vavl-audio-output-folder", JFileChooser.SAVE_DIALOG, true);
        output.setBorderTitle("Output folder for the WAV files");
        addDialogComponent(output);
        addDialogComponent(new DialogComponentStringSelection(AudioExtractorSettings.overwrite(),
            "Overwrite existing WAV files", CommonSettings.OVERWRITE_VALUES));
        closeCurrentGroup();
        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(AudioExtractorSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentStringSelection(AudioExtractorSettings.onError(),
            "On error", CommonSettings.ON_ERROR_VALUES));
    }
}
