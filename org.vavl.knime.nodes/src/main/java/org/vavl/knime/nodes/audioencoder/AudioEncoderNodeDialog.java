package org.vavl.knime.nodes.audioencoder;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.EncoderSettings;

/** The Audio Encoder's dialog. */
final class AudioEncoderNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    AudioEncoderNodeDialog() {
        createNewGroup("Input");
        addDialogComponent(new DialogComponentColumnNameSelection(EncoderSettings.clipColumn(), "Clip id column", 0,
            true, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(AudioEncoderSettings.audioColumn(),
            "Audio (WAV) column", 0, false, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Encoder");
        addDialogComponent(new DialogComponentButtonGroup(AudioEncoderSettings.encoder(), "Encoder", true,
            new String[]{"Built-in log-mel filterbank (no weights)", "Model file (TorchScript .pt or ONNX .onnx)",
                "Existing feature files (<clip>.npy)"},
            AudioEncoderSettings.ENCODERS.toArray(new String[0])));
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.modelFile(), "vavl.audioencoder.model",
            JFileChooser.OPEN_DIALOG, false, ".pt|.onnx|.pth"));
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.existingFolder(),
            "vavl.audioencoder.existing", JFileChooser.OPEN_DIALOG, true));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentFileChooser(EncoderSettings.outputFolder("vavl-data/audio-features"),
            "vavl.audioencoder.output", JFileChooser.SAVE_DIALOG, true));
        addDialogComponent(new DialogComponentButtonGroup(CommonSettings.overwrite(), "Existing outputs", false,
            new String[]{"Keep", "Make again if the settings or model changed", "Always make again"},
            CommonSettings.OVERWRITE_VALUES.toArray(new String[0])));
        closeCurrentGroup();

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
        addDialogComponent(new DialogComponentStringSelection(CommonSettings.device(), "Device",
            CommonSettings.DEVICE_VALUES));

        createNewTab("Execution");
        addDialogComponent(new DialogComponentNumber(CommonSettings.threads(), "Threads (0 = one per processor)", 1));
        addDialogComponent(new DialogComponentButtonGroup(CommonSettings.onError(), "On error", false,
            new String[]{"Fail", "Skip and report"}, CommonSettings.ON_ERROR_VALUES.toArray(new String[0])));
    }
}
