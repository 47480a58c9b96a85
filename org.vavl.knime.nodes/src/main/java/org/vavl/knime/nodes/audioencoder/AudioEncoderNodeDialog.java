package org.vavl.knime.nodes.audioencoder;

import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.ClipEncoderNodeDialog;

/** The Audio Encoder's dialog. */
final class AudioEncoderNodeDialog extends ClipEncoderNodeDialog {

    AudioEncoderNodeDialog() {
        super("vavl.audioencoder", AudioEncoderSettings.audioColumn(), "Audio (WAV) column",
            AudioEncoderSettings.BUILT_IN, "Built-in log-mel filterbank (no weights)", "knime://knime.workflow/vavl-data/audio-features");

        createNewTab("Built-in log-mel");
        addDialogComponent(new DialogComponentNumber(AudioEncoderSettings.mels(), "Mel filters", 8));
        addDialogComponent(new DialogComponentNumber(AudioEncoderSettings.windowMs(), "Window (ms)", 5));
        addDialogComponent(new DialogComponentNumber(AudioEncoderSettings.hopMs(), "Hop (ms)", 5));
        addDialogComponent(new DialogComponentNumber(AudioEncoderSettings.logFloor(), "Log floor", 1e-6));

        createNewTab("Model file");
        createNewGroup("Waveform normalisation");
        addDialogComponent(new DialogComponentStringSelection(AudioEncoderSettings.normalisation(), "Normalisation",
            AudioEncoderSettings.NORMALISATIONS));
        addDialogComponent(new DialogComponentButtonGroup(AudioEncoderSettings.statisticsSource(), "Statistics from",
            false, new String[]{"Mean and std below", "The input clips"},
            new String[]{AudioEncoderSettings.STATS_FROM_SETTINGS, AudioEncoderSettings.STATS_FROM_CLIPS}));
        addDialogComponent(new DialogComponentNumber(AudioEncoderSettings.mean(), "Mean", 0.001));
        addDialogComponent(new DialogComponentNumber(AudioEncoderSettings.std(), "Std", 0.001));
        addDialogComponent(new DialogComponentString(AudioEncoderSettings.splitColumn(),
            "Only rows whose column (empty: all rows)", false, 12));
        addDialogComponent(new DialogComponentString(AudioEncoderSettings.splitValue(), "equals", false, 12));
        closeCurrentGroup();
        createNewGroup("Long audio");
        addDialogComponent(new DialogComponentButtonGroup(AudioEncoderSettings.longAudio(), "Longer than the maximum",
            false, new String[]{"Cut", "Chunks"}, AudioEncoderSettings.LONG_AUDIO_VALUES.toArray(new String[0])));
        addDialogComponent(new DialogComponentNumber(AudioEncoderSettings.maxSeconds(), "Maximum (s, 0 = none)", 1));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentNumber(AudioEncoderSettings.clipsPerBatch(), "Clips per batch", 1));
        addDevice();

        addExecutionTab();
    }
}
