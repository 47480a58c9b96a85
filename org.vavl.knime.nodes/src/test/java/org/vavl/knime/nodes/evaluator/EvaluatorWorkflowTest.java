package org.vavl.knime.nodes.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.vavl.core.media.ClipRecorder;
import org.vavl.knime.nodes.workflows.TestWorkflowFolders;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowRunner;

/**
 * Runs the committed test workflow {@code test-workflows/Evaluator} (Video Reader -> Emotion Label Joiner ->
 * Evaluator) on a copy of the folder, with a label file made here that carries the truth and two modalities'
 * predictions, and checks every figure against values computed by hand.
 */
class EvaluatorWorkflowTest {

    /**
     * Clip, truth, audiovisual, audio-only, split. The Train and Development rows are wrong on purpose and bring a
     * fourth class: the Evaluator must leave them out (evaluated split: Test).
     */
    private static final String[][] ROWS = {
        {"t1", "angry", "angry", "angry", "Test"},
        {"t2", "angry", "angry", "sad", "Test"},
        {"t3", "angry", "sad", "sad", "Test"},
        {"t4", "happy", "happy", "angry", "Test"},
        {"t5", "happy", "happy", "sad", "Test"},
        {"t6", "sad", "sad", "sad", "Test"},
        {"t7", "sad", "sad", "sad", "Test"},
        {"t8", "sad", "happy", "sad", "Test"},
        {"x1", "happy", "angry", "angry", "Train"},
        {"x2", "neutral", "sad", "happy", "Train"},
        {"x3", "angry", "neutral", "neutral", "Development"}};

    @TempDir
    Path dir;

    private static Object cell(final BufferedDataTable metrics, final String modality, final String metric,
        final String target, final String column) {
        for (int i = 0; i < metrics.size(); i++) {
            if (modality.equals(Tables.value(metrics, i, "Modality")) && metric.equals(Tables.value(metrics, i, "Metric"))
                && Objects.equals(target, Tables.value(metrics, i, "Class or attribute"))) {
                return Tables.value(metrics, i, column);
            }
        }
        throw new AssertionError("no row " + modality + "/" + metric + "/" + target);
    }

    private static double metric(final BufferedDataTable metrics, final String modality, final String metric,
        final String target) {
        for (int i = 0; i < metrics.size(); i++) {
            if (modality.equals(Tables.value(metrics, i, "Modality")) && metric.equals(Tables.value(metrics, i, "Metric"))
                && Objects.equals(target, Tables.value(metrics, i, "Class or attribute"))) {
                return (Double)Tables.value(metrics, i, "Value");
            }
        }
        throw new AssertionError("no row " + modality + "/" + metric + "/" + target);
    }

    @Test
    void scoresKnownPredictionsAndWritesTheReport() throws Exception {
        final Path clips = Files.createDirectories(dir.resolve("clips"));
        final StringBuilder csv = new StringBuilder(
            "FileName,Emotion,Predicted class (audiovisual),Predicted class (audio-only),Split_Set\n");
        for (String[] r : ROWS) {
            // a tiny silent video per clip, only so that the Video Reader lists it
            ClipRecorder.writeTestClip(clips.resolve(r[0] + ".mp4"), ClipRecorder.Format.MP4_H264_AAC, 32, 24, 5, 0.4,
                0, 0);
            csv.append(String.join(",", r)).append('\n');
        }
        final Path labelFile = dir.resolve("labels.csv");
        Files.writeString(labelFile, csv, StandardCharsets.UTF_8);
        final Path wf = TestWorkflowFolders.copy(TestWorkflowFolders.committed(WriteEvaluatorWorkflow.NAME),
            dir.resolve(WriteEvaluatorWorkflow.NAME));

        final List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(System.out, System.err).execute(
            WorkflowRunner.Options.of(wf).variable("clip_folder", clips.toString())
                .variable("label_file", labelFile.toString()));
        assertEquals(List.of("Video Reader (#1)", "Emotion Label Joiner (#2)", "Evaluator (#3)"),
            runs.stream().map(WorkflowRunner.NodeRun::name).toList());
        assertNull(runs.get(0).warning());
        assertNull(runs.get(1).warning());
        final BufferedDataTable joined = (BufferedDataTable)runs.get(1).outputs().get(0);
        assertEquals(11, joined.size());
        assertEquals(List.of("Test", "Test", "Test", "Test", "Test", "Test", "Test", "Test", "Train", "Train",
            "Development"), Tables.column(joined, "Split"));
        // audio-only never predicts happy on the Test rows: scikit-learn's zero_division=0, and a warning
        assertEquals("audio-only: Class 'happy' is never predicted: its precision is set to 0.", runs.get(2).warning());

        final BufferedDataTable metrics = (BufferedDataTable)runs.get(2).outputs().get(0);
        // audiovisual on the 8 Test rows: 6 right; recall angry 2/3, happy 2/2, sad 2/3;
        // precision angry 2/2, happy 2/3 (t8), sad 2/3 (t3); F1 angry 0.8, happy 0.8, sad 2/3
        assertEquals(6 / 8.0, metric(metrics, "audiovisual", "Accuracy", null), 1e-12);
        assertEquals(7 / 9.0, metric(metrics, "audiovisual", "UAR", null), 1e-12);
        assertEquals(34 / 45.0, metric(metrics, "audiovisual", "F1 macro", null), 1e-12);
        assertEquals(6 / 8.0, metric(metrics, "audiovisual", "F1 micro", null), 1e-12);
        assertEquals((3 * 0.8 + 2 * 0.8 + 3 * 2 / 3.0) / 8, metric(metrics, "audiovisual", "F1 weighted", null), 1e-12);
        assertEquals(7 / 9.0, metric(metrics, "audiovisual", "Precision macro", null), 1e-12);
        assertEquals(7 / 9.0, metric(metrics, "audiovisual", "Recall macro", null), 1e-12);
        assertEquals(1.0, metric(metrics, "audiovisual", "Precision", "angry"), 1e-12);
        assertEquals(2 / 3.0, metric(metrics, "audiovisual", "Precision", "happy"), 1e-12);
        assertEquals(2 / 3.0, metric(metrics, "audiovisual", "Recall", "sad"), 1e-12);
        assertEquals(0.8, metric(metrics, "audiovisual", "F1", "happy"), 1e-12);
        assertEquals(2 / 3.0, metric(metrics, "audiovisual", "F1", "sad"), 1e-12);
        // support: an integer column, the class's clips for per-class figures, all clips for the others
        assertEquals(3L, cell(metrics, "audiovisual", "Recall", "angry", "Support"));
        assertEquals(2L, cell(metrics, "audiovisual", "F1", "happy", "Support"));
        assertEquals(8L, cell(metrics, "audiovisual", "UAR", null, "Support"));
        assertEquals(org.knime.core.data.def.LongCell.TYPE,
            metrics.getDataTableSpec().getColumnSpec("Support").getType());
        // audio-only: 4 right; recall angry 1/3, happy 0, sad 3/3; precision angry 1/2, happy 0 (never
        // predicted), sad 3/6; F1 angry 0.4, happy 0, sad 2/3
        assertEquals(4 / 8.0, metric(metrics, "audio-only", "Accuracy", null), 1e-12);
        assertEquals(4 / 9.0, metric(metrics, "audio-only", "UAR", null), 1e-12);
        assertEquals(16 / 45.0, metric(metrics, "audio-only", "F1 macro", null), 1e-12);
        assertEquals(0.0, metric(metrics, "audio-only", "Precision", "happy"), 0);
        assertEquals(0.5, metric(metrics, "audio-only", "Precision", "sad"), 1e-12);
        assertEquals(0.4, metric(metrics, "audio-only", "F1", "angry"), 1e-12);
        assertEquals(1 / 3.0, metric(metrics, "audio-only", "Precision macro", null), 1e-12);
        // no visual-only predictions in the table: no such rows; bootstrap on by default (1,000 resamples): every
        // figure but the support has its 95% interval around it, within the metric's range
        for (DataRow r : Tables.rows(metrics)) {
            final List<Object> v = Tables.values(r);
            assertTrue(List.of("audiovisual", "audio-only").contains(v.get(0)), v.toString());
            assertFalse(v.get(1).equals("Support"), "support is a column, not a row: " + v);
            final double value = (Double)v.get(3);
            assertTrue((Double)v.get(4) <= value + 1e-12 && value <= (Double)v.get(5) + 1e-12, v.toString());
            assertTrue((Double)v.get(4) >= 0 && (Double)v.get(5) <= 1, v.toString());
        }

        // confusion matrices: the Test rows only (no 'neutral'), classes alphabetical, true class by predicted
        final BufferedDataTable confusion = (BufferedDataTable)runs.get(2).outputs().get(1);
        final List<String> cells = new ArrayList<>();
        for (DataRow r : Tables.rows(confusion)) {
            final List<Object> v = Tables.values(r);
            cells.add(v.get(0) + " " + v.get(1) + ">" + v.get(2) + " " + v.get(3));
        }
        assertEquals(List.of(
            "audiovisual angry>angry 2", "audiovisual angry>happy 0", "audiovisual angry>sad 1",
            "audiovisual happy>angry 0", "audiovisual happy>happy 2", "audiovisual happy>sad 0",
            "audiovisual sad>angry 0", "audiovisual sad>happy 1", "audiovisual sad>sad 2",
            "audio-only angry>angry 1", "audio-only angry>happy 0", "audio-only angry>sad 2",
            "audio-only happy>angry 1", "audio-only happy>happy 0", "audio-only happy>sad 1",
            "audio-only sad>angry 0", "audio-only sad>happy 0", "audio-only sad>sad 3"), cells);
        assertEquals(2 / 3.0, (Double)Tables.value(confusion, 0, "Share of true class"), 1e-12);
        assertEquals(0.5, (Double)Tables.value(confusion, 12, "Share of true class"), 1e-12);

        // the report: one chart of the figures, one confusion heat map per modality, and report.html
        final Path report = wf.resolve("vavl-data/evaluation-report");
        for (String png : List.of("modalities.png", "confusion-audiovisual.png", "confusion-audio-only.png")) {
            final byte[] head = Files.readAllBytes(report.resolve(png));
            assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', png);
        }
        assertTrue(Files.notExists(report.resolve("training-history.png")), "no history connected");
        final String html = Files.readString(report.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Test workflow: Evaluator"), html);
        assertTrue(html.contains("confusion-audio-only.png") && html.contains("modalities.png"), html);
        assertTrue(html.contains("never predicted"), "the warning is in the report");
        assertTrue(html.indexOf("<h2>Results</h2>") < html.indexOf("<h2>Charts</h2>"), "headline first");
        assertTrue(html.contains("95% percentile bootstrap over the clips, 1000 resamples"), html);
        final List<String> summary = Files.readAllLines(report.resolve("summary.txt"), StandardCharsets.UTF_8);
        assertTrue(summary.get(1).startsWith("  audiovisual  0.750 ["), summary.toString());
        assertTrue(summary.contains("Data: 8 clips evaluated of split 'Test'"), summary.toString());
    }

    @Test
    void committedFolderIsWhatTheWriterWrites() throws Exception {
        TestWorkflowFolders.assertCommittedIsWritten(WriteEvaluatorWorkflow.NAME, WriteEvaluatorWorkflow.workflow(),
            dir, WriteEvaluatorWorkflow.class);
    }
}
