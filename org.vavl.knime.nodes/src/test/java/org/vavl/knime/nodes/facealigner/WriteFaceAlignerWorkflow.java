package org.vavl.knime.nodes.facealigner;

import java.nio.file.Path;

import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the test workflow {@code test-workflows/Face Aligner} (Video Reader -> Face Aligner; run once by hand when
 * the node's settings change: {@code java ... WriteFaceAlignerWorkflow <repo>/test-workflows/Face Aligner}); the
 * committed folder is what {@link FaceAlignerWorkflowTest} executes.
 */
public final class WriteFaceAlignerWorkflow {

    private WriteFaceAlignerWorkflow() {
    }

    /** The folder name under test-workflows/. */
    static final String NAME = "Face Aligner";

    /** @return the workflow as committed */
    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> {
            s.addString("folder", "knime://knime.workflow/clips");
            s.addInt("threads", 1);
        });
        final int aligner = b.node("Face Aligner", new FaceAlignerNodeFactory(), s -> {
            s.addString("output folder", "knime://knime.workflow/face-tracks");
            s.addString("missing face", "repeat last face");
            s.addInt("output size", 112);
            s.addInt("threads", 2);
            s.addString("on error", "skip");
        });
        b.connect(reader, 1, aligner, 1);
        b.bindVariable(reader, "clip_folder", "folder");
        b.bindVariable(aligner, "face_folder", "output folder");
        b.workflowVariable("clip_folder", "knime://knime.workflow/clips");
        b.workflowVariable("face_folder", "knime://knime.workflow/face-tracks");
        return b;
    }

    public static void main(final String[] args) throws Exception {
        workflow().write(Path.of(args[0]));
    }
}
