package org.vavl.knime.nodes.demo;

import java.nio.file.Path;

import org.vavl.knime.nodes.labels.LabelJoinerNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the test workflow {@code test-workflows/Demo Dataset} (run by hand when a node's settings change:
 * {@code java ... WriteDemoDatasetWorkflow "<repo>/test-workflows/Demo Dataset"}); the committed folder is what
 * {@link DemoDatasetWorkflowTest} executes and checks against this class.
 *
 * <p>Demo Dataset (4 speakers, the fewest the default split allows: 2 Test, 1 Development, 1 Train; 1 clip per
 * emotion, so 24 clips, into the workflow's {@code vavl-data/demo-dataset}) -> Video Reader (its Path column) ->
 * Emotion Label Joiner (the label file bound to the Demo Dataset's flow variable {@code demo_label_file}), as in
 * the demo workflow.
 */
public final class WriteDemoDatasetWorkflow {

    static final String NAME = "Demo Dataset";

    private WriteDemoDatasetWorkflow() {
    }

    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        b.description("Test workflow: the Demo Dataset node on 4 speakers x 6 emotions x 1 clip, read back by the "
            + "Video Reader and labelled by the Emotion Label Joiner from the label file it writes.");
        final int demo = b.node("Demo Dataset", new DemoDatasetNodeFactory(), s -> {
            s.addInt("speakers", 4);
            s.addInt("clips per emotion", 1);
            s.addInt("threads", 2);
        });
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> {
            s.addString("path column", "Path");
            s.addInt("threads", 2);
        });
        final int labels = b.node("Emotion Label Joiner", new LabelJoinerNodeFactory(), s -> {
            s.addString("label source", "label file");
            s.addString("label file", "knime://knime.workflow/vavl-data/demo-dataset/label_consensus.csv");
        });
        b.connect(demo, 1, reader, 1).connect(reader, 1, labels, 1);
        b.bindVariable(labels, "demo_label_file", "label file");
        return b;
    }

    public static void main(final String[] args) throws Exception {
        workflow().write(Path.of(args[0]));
    }
}
