package org.vavl.knime.nodes.faceencoder;

import java.nio.file.Path;

import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the test workflow {@code test-workflows/Face Encoder} (run by hand when the node's settings change:
 * {@code java ... WriteFaceEncoderWorkflow "<repo>/test-workflows/Face Encoder"}); the committed folder is what
 * {@link FaceEncoderWorkflowTest} executes.
 *
 * <p>Video Reader (a folder of face tracks, {@code *.mkv}) feeds two Face Encoders: the built-in HOG and a model
 * file (flow variable {@code model_file}, input size 32); output folders are flow variables too.
 */
public final class WriteFaceEncoderWorkflow {

    private WriteFaceEncoderWorkflow() {
    }

    /** The folder name under test-workflows/. */
    static final String NAME = "Face Encoder";

    /** @return the workflow as committed */
    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> {
            s.addString("folder", "knime://knime.workflow/face_tracks");
            s.addString("file pattern", "*.mkv");
            s.addInt("threads", 2);
        });
        b.bindVariable(reader, "track_folder", "folder");
        final int hog = b.node("Face Encoder", new FaceEncoderNodeFactory(), s -> {
            s.addString("face track column", "Path");
            s.addString("output folder", "knime://knime.workflow/Face_features");
            s.addInt("threads", 2);
        });
        b.bindVariable(hog, "hog_folder", "output folder");
        final int model = b.node("Face Encoder", new FaceEncoderNodeFactory(), s -> {
            s.addString("face track column", "Path");
            s.addString("encoder", "model file");
            s.addString("model file", "knime://knime.workflow/model.onnx");
            s.addInt("input size", 32);
            s.addInt("frames per batch", 4);
            s.addString("device", "cpu");
            s.addString("output folder", "knime://knime.workflow/Face_features_model");
            s.addInt("threads", 1);
        });
        b.bindVariable(model, "model_file", "model file");
        b.bindVariable(model, "model_folder", "output folder");
        b.connect(reader, 1, hog, 1);
        b.connect(reader, 1, model, 1);
        b.workflowVariable("track_folder", "knime://knime.workflow/face_tracks");
        b.workflowVariable("hog_folder", "knime://knime.workflow/Face_features");
        b.workflowVariable("model_file", "knime://knime.workflow/model.onnx");
        b.workflowVariable("model_folder", "knime://knime.workflow/Face_features_model");
        return b;
    }

    public static void main(final String[] args) throws Exception {
        workflow().write(Path.of(args[0]));
    }
}
