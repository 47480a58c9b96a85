package org.vavl.knime.nodes.videoreader;

import java.nio.file.Path;

import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the test workflow {@code test-workflows/Video Reader} (run once by hand when the node's settings
 * change: {@code java ... WriteVideoReaderWorkflow <repo>/test-workflows/Video Reader}); the committed folder is
 * what {@link VideoReaderWorkflowTest} executes.
 */
public final class WriteVideoReaderWorkflow {

    private WriteVideoReaderWorkflow() {
    }

    /** The folder name under test-workflows/. */
    static final String NAME = "Video Reader";

    /** @return the workflow as committed */
    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> {
            s.addString(VideoReaderSettings.FOLDER, "knime://knime.workflow/clips");
            s.addInt("threads", 2);
        });
        b.bindVariable(reader, "clip_folder", VideoReaderSettings.FOLDER);
        b.workflowVariable("clip_folder", "knime://knime.workflow/clips");
        return b;
    }

    public static void main(final String[] args) throws Exception {
        workflow().write(Path.of(args[0]));
    }
}
