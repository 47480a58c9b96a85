package org.vavl.knime.nodes.audioencoder;

import java.nio.file.Path;

import org.vavl.knime.nodes.audioextractor.AudioExtractorNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the test workflow {@code test-workflows/Audio Encoder} (run by hand when the node's settings change:
 * {@code java ... WriteAudioEncoderWorkflow "<repo>/test-workflows/Audio Encoder"}); the committed folder is what
 * {@link AudioEncoderWorkflowTest} executes.
 *
 * <p>Video Reader -> Audio Extractor -> two Audio Encoders: the built-in log-mel filterbank and a speech model
 * file (flow variable {@code model_file}, per-utterance normalisation, 2 clips per batch). Folders are flow
 * variables.
 */
public final class WriteAudioEncoderWorkflow {

    private WriteAudioEncoderWorkflow() {
    }

    /** The folder name under test-workflows/. */
    static final String NAME = "Audio Encoder";

    /** @return the workflow as committed */
    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> {
            s.addString("folder", "knime://knime.workflow/clips");
            s.addInt("threads", 2);
        });
        final int audio = b.node("Audio Extractor", new AudioExtractorNodeFactory(), s -> {
            s.addString("output folder", "knime://knime.workflow/vavl-data/audio");
            s.addInt("threads", 2);
        });
        final int mel = b.node("Audio Encoder", new AudioEncoderNodeFactory(), s -> {
            s.addString("output folder", "knime://knime.workflow/vavl-data/audio-features");
            s.addInt("threads", 2);
        });
        final int model = b.node("Audio Encoder", new AudioEncoderNodeFactory(), s -> {
            s.addString("encoder", "model file");
            s.addString("model file", "knime://knime.workflow/wav2vec2.pt");
            s.addString("waveform normalisation", "per utterance");
            s.addInt("clips per batch", 2);
            s.addString("device", "cpu");
            s.addString("output folder", "knime://knime.workflow/vavl-data/audio-features-model");
            s.addInt("threads", 1);
        });
        b.connect(reader, 1, audio, 1);
        b.connect(audio, 1, mel, 1);
        b.connect(audio, 1, model, 1);
        b.bindVariable(reader, "clip_folder", "folder");
        b.bindVariable(audio, "audio_folder", "output folder");
        b.bindVariable(mel, "mel_folder", "output folder");
        b.bindVariable(model, "model_file", "model file");
        b.bindVariable(model, "model_folder", "output folder");
        b.workflowVariable("clip_folder", "knime://knime.workflow/clips");
        b.workflowVariable("audio_folder", "knime://knime.workflow/vavl-data/audio");
        b.workflowVariable("mel_folder", "knime://knime.workflow/vavl-data/audio-features");
        b.workflowVariable("model_file", "knime://knime.workflow/wav2vec2.pt");
        b.workflowVariable("model_folder", "knime://knime.workflow/vavl-data/audio-features-model");
        return b;
    }

    public static void main(final String[] args) throws Exception {
        workflow().write(Path.of(args[0]));
    }
}
