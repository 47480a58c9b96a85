package org.vavl.knime.nodes.evaluator;

import java.nio.file.Path;

import org.vavl.knime.nodes.labels.LabelJoinerNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the test workflow {@code test-workflows/Evaluator} (run by hand when a node's settings change:
 * {@code java ... WriteEvaluatorWorkflow "<repo>/test-workflows/Evaluator"}); the committed folder is what
 * {@link EvaluatorWorkflowTest} executes and checks against this class.
 *
 * <p>Known truth and predictions without a model: Video Reader (clips in a folder) -> Emotion Label Joiner (a
 * generic label file whose label columns are the truth {@code Emotion} and the predictions
 * {@code Predicted class (audiovisual)} and {@code Predicted class (audio-only)}, named as the AuxFormer Predictor
 * names them, plus {@code Split_Set}) -> Evaluator (its defaults: the Predictor's columns found automatically, the
 * Test split, the report in the workflow's {@code vavl-data/evaluation-report}). The clip folder and the label
 * file are workflow variables.
 */
public final class WriteEvaluatorWorkflow {

    static final String NAME = "Evaluator";

    private WriteEvaluatorWorkflow() {
    }

    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        b.description("Test workflow: the Evaluator on truth and predictions from a label file (no model), "
            + "joined to the clips of a folder.");
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> {
            s.addString("folder", "knime://knime.workflow/data/clips");
            s.addInt("threads", 1);
        });
        final int labels = b.node("Emotion Label Joiner", new LabelJoinerNodeFactory(), s -> {
            s.addString("label source", "label file");
            s.addString("label file", "knime://knime.workflow/data/labels.csv");
            s.addString("file format", "generic");
            s.addString("id column", "FileName");
            s.addString("label columns", "Emotion, Predicted class (audiovisual), Predicted class (audio-only)");
            s.addString("split column", "Split_Set");
        });
        final int evaluator = b.node("Evaluator", new EvaluatorNodeFactory(), s -> {
            s.addString("report title", "Test workflow: Evaluator");
        });
        b.connect(reader, 1, labels, 1).connect(labels, 1, evaluator, 1);
        b.bindVariable(reader, "clip_folder", "folder");
        b.bindVariable(labels, "label_file", "label file");
        b.workflowVariable("clip_folder", "knime://knime.workflow/data/clips");
        b.workflowVariable("label_file", "knime://knime.workflow/data/labels.csv");
        return b;
    }

    public static void main(final String[] args) throws Exception {
        workflow().write(Path.of(args[0]));
    }
}
