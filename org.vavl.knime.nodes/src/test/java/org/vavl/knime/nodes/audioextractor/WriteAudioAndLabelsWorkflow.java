package org.vavl.knime.nodes.audioextractor;

import java.nio.file.Path;

import org.vavl.knime.nodes.labels.LabelJoinerNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the test workflow {@code test-workflows/Audio and Labels}: Video Reader -> Emotion Label Joiner (CREMA-D
 * partition 1, shipped) -> Audio Extractor (on error: skip). Run once by hand when a node's settings change:
 * {@code java ... WriteAudioAndLabelsWorkflow "<repo>/test-workflows/Audio and Labels"}; the committed folder is
 * what {@link AudioAndLabelsWorkflowTest} executes.
 */
public final class WriteAudioAndLabelsWorkflow {

    private WriteAudioAndLabelsWorkflow() {
    }

    /** The folder name under test-workflows/. */
    static final String NAME = "Audio and Labels";

    /** @return the workflow as committed */
    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> {
            s.addString("folder", "knime://knime.workflow/clips");
            s.addInt("threads", 2);
        });
        final int labels = b.node("Emotion Label Joiner", new LabelJoinerNodeFactory(), s -> {
            s.addString("label source", "shipped partition");
            s.addString("corpus", "CREMA-D");
            s.addInt("partition", 1);
        });
        final int audio = b.node("Audio Extractor", new AudioExtractorNodeFactory(), s -> {
            s.addString("output folder", "knime://knime.workflow/vavl-data/audio");
            s.addString("on error", "skip");
            s.addInt("threads", 2);
        });
        b.connect(reader, 1, labels, 1);
        b.connect(labels, 1, audio, 1);
        b.bindVariable(reader, "clip_folder", "folder");
        b.bindVariable(audio, "audio_folder", "output folder");
        b.workflowVariable("clip_folder", "knime://knime.workflow/clips");
        b.workflowVariable("audio_folder", "knime://knime.workflow/vavl-data/audio");
        return b;
    }

    public static void main(final String[] args) throws Exception {
        workflow().write(Path.of(args[0]));
    }
}
