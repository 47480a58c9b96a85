package org.vavl.knime.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.vavl.core.media.ClipRecorder;
import org.vavl.knime.nodes.port.AuxFormerPortObject;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowRunner;

/**
 * Runs the committed test workflow {@code test-workflows/AuxFormer Learner and Predictor} over clips, features and
 * labels made here (paths given as workflow variables), with the model port passed through its serializer.
 */
class AuxFormerWorkflowTest {

    @TempDir
    Path dir;

    static Path workflow() {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "test-workflows", "AuxFormer Learner and Predictor");
    }

    @Test
    void learnsAndPredictsThroughTheWorkflow() throws Exception {
        final List<Object[]> rows = SyntheticClips.categorical(dir, 90, 7, "Train", "Train", "Development", "Test");
        final Path clips = Files.createDirectories(dir.resolve("clips"));
        final StringBuilder labels = new StringBuilder("FileName,Emotion,Split_Set\n");
        for (Object[] r : rows) {
            // a tiny video per clip, only so that the Video Reader lists it; the features are made above
            ClipRecorder.writeTestClip(clips.resolve(r[0] + ".mp4"), ClipRecorder.Format.MP4_H264_AAC, 32, 24, 5, 0.4,
                0, 0);
            labels.append(r[0]).append(',').append(r[3]).append(',').append(r[4]).append('\n');
        }
        final Path labelFile = dir.resolve("labels.csv");
        Files.writeString(labelFile, labels);

        final WorkflowRunner.Options o = WorkflowRunner.Options.of(workflow()).variable("clip_folder", clips.toString())
            .variable("label_file", labelFile.toString()).variable("audio_features", dir.resolve("audio").toString())
            .variable("visual_features", dir.resolve("visual").toString()).saveLoad(true);
        final List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(System.out, System.err).execute(o);
        assertEquals(List.of("Video Reader (#1)", "Label Joiner (#2)", "AuxFormer Learner (#3)",
            "AuxFormer Predictor (#4)"), runs.stream().map(WorkflowRunner.NodeRun::name).toList());
        final WorkflowRunner.NodeRun learner = runs.get(2);
        assertNull(learner.warning());
        final AuxFormerPortObject model = (AuxFormerPortObject)learner.outputs().get(0);
        assertEquals(List.of("angry", "happy", "sad"), model.getSpec().labels());
        assertEquals("48", model.model().info().get("Training clips"));
        assertEquals("21", model.model().info().get("Development clips"));
        final BufferedDataTable history = (BufferedDataTable)learner.outputs().get(1);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), Tables.column(history, "Epoch"));
        assertEquals(1, Collections.frequency(Tables.column(history, "Selected"), Boolean.TRUE));

        final BufferedDataTable out = (BufferedDataTable)runs.get(3).outputs().get(0);
        assertEquals(90, out.size());
        int test = 0;
        int hits = 0;
        for (int i = 0; i < out.size(); i++) {
            assertEquals("audiovisual", Tables.value(out, i, "Input used"));
            assertNull(Tables.value(out, i, "Prediction error"));
            if ("Test".equals(Tables.value(out, i, "Split"))) {
                test++;
                if (Tables.value(out, i, "Emotion").equals(Tables.value(out, i, "Predicted class (audiovisual)"))) {
                    hits++;
                }
            }
        }
        assertEquals(21, test);
        System.out.println("workflow: held-out accuracy " + (double)hits / test);
        assertTrue(hits >= 0.9 * test, hits + " of " + test);
    }

    /** The committed folder is exactly what {@link WriteAuxFormerWorkflow} writes (dates aside). */
    @Test
    void committedFolderIsWhatTheWriterWrites(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path tmp)
        throws Exception {
        org.vavl.knime.nodes.workflows.TestWorkflowFolders.assertCommittedIsWritten(WriteAuxFormerWorkflow.NAME, WriteAuxFormerWorkflow.workflow(), tmp,
            WriteAuxFormerWorkflow.class);
    }
}
