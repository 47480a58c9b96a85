package org.vavl.knime.nodes.learner;

import java.nio.file.Path;

import org.vavl.knime.nodes.labels.LabelJoinerNodeFactory;
import org.vavl.knime.nodes.predictor.AuxFormerPredictorNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the test workflow {@code test-workflows/AuxFormer Learner and Predictor} (run by hand when the nodes'
 * settings change: {@code java ... WriteAuxFormerWorkflow "<repo>/test-workflows/AuxFormer Learner and Predictor"});
 * the committed folder is what {@link AuxFormerWorkflowTest} executes.
 *
 * <p>Video Reader (clips in a folder) -> Label Joiner (a generic label file: FileName, Emotion, Split_Set) ->
 * AuxFormer Learner (features from folders of {@code <clip>.npy}, a small network) -> AuxFormer Predictor. The
 * folders and the label file are workflow variables.
 */
public final class WriteAuxFormerWorkflow {

    private WriteAuxFormerWorkflow() {
    }

    /** The folder name under test-workflows/. */
    static final String NAME = "AuxFormer Learner and Predictor";

    /** @return the workflow as committed */
    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> {
            s.addString("folder", "knime://knime.workflow/data/clips");
            s.addInt("threads", 1);
        });
        b.bindVariable(reader, "clip_folder", "folder");
        final int labels = b.node("Label Joiner", new LabelJoinerNodeFactory(), s -> {
            s.addString("label source", "label file");
            s.addString("label file", "knime://knime.workflow/data/labels.csv");
            s.addString("file format", "generic");
            s.addString("id column", "FileName");
            s.addString("label columns", "Emotion");
            s.addString("split column", "Split_Set");
        });
        b.bindVariable(labels, "label_file", "label file");
        final int learner = b.node("AuxFormer Learner", new AuxFormerLearnerNodeFactory(), s -> {
            s.addString("feature source", "folders");
            s.addString("audio features folder", "knime://knime.workflow/data/audio");
            s.addString("visual features folder", "knime://knime.workflow/data/visual");
            AuxFormerNodesTest.small(s);
        });
        b.bindVariable(learner, "audio_features", "audio features folder");
        b.bindVariable(learner, "visual_features", "visual features folder");
        final int predictor = b.node("AuxFormer Predictor", new AuxFormerPredictorNodeFactory(), s -> {
            s.addString("feature source", "folders");
            s.addString("audio features folder", "knime://knime.workflow/data/audio");
            s.addString("visual features folder", "knime://knime.workflow/data/visual");
            s.addInt("batch size", 8);
            s.addInt("threads", 1);
            s.addString("device", "cpu");
        });
        b.bindVariable(predictor, "audio_features", "audio features folder");
        b.bindVariable(predictor, "visual_features", "visual features folder");
        b.connect(reader, 1, labels, 1);
        b.connect(labels, 1, learner, 1);
        b.connect(learner, 1, predictor, 1);
        b.connect(labels, 1, predictor, 2);
        b.workflowVariable("clip_folder", "knime://knime.workflow/data/clips");
        b.workflowVariable("label_file", "knime://knime.workflow/data/labels.csv");
        b.workflowVariable("audio_features", "knime://knime.workflow/data/audio");
        b.workflowVariable("visual_features", "knime://knime.workflow/data/visual");
        return b;
    }

    public static void main(final String[] args) throws Exception {
        workflow().write(Path.of(args[0]));
    }
}
