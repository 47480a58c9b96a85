package org.vavl.knime.nodes.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

class EvaluatorNodeModelTest {

    @TempDir
    Path dir;

    private static final DataTableSpec CATEGORICAL = Tables.spec("Clip", StringCell.TYPE, "Emotion", StringCell.TYPE,
        "Predicted class (audiovisual)", StringCell.TYPE, "Predicted class (audio-only)", StringCell.TYPE,
        "Predicted class (visual-only)", StringCell.TYPE);

    private static BufferedDataTable categoricalTable() {
        return Tables.table(CATEGORICAL, new Object[][] {
            {"c1", "angry", "angry", "angry", "sad"},
            {"c2", "sad", "sad", "angry", "sad"},
            {"c3", "happy", "happy", "happy", "happy"},
            {"c4", "happy", "happy", "sad", "happy"},
            {"c5", "sad", "sad", "sad", "angry"},
            {"c6", "angry", "sad", "angry", "angry"}});
    }

    private NodeTester<EvaluatorNodeModel> tester(final String reportFolder) throws Exception {
        final NodeTester<EvaluatorNodeModel> t = NodeTester.of(new EvaluatorNodeFactory());
        t.settings(s -> s.addString("report folder", reportFolder));
        return t;
    }

    private static double metric(final BufferedDataTable metrics, final String modality, final String metric,
        final String target) {
        for (int i = 0; i < metrics.size(); i++) {
            if (modality.equals(Tables.value(metrics, i, "Modality")) && metric.equals(Tables.value(metrics, i, "Metric"))
                && java.util.Objects.equals(target, Tables.value(metrics, i, "Class or attribute"))) {
                final Object v = Tables.value(metrics, i, "Value");
                return v == null ? Double.NaN : (Double)v;
            }
        }
        throw new AssertionError("no row " + modality + "/" + metric + "/" + target);
    }

    @Test
    void predictorColumnsAreFoundAndScoredSideBySide() throws Exception {
        final Path report = dir.resolve("report");
        try (NodeTester<EvaluatorNodeModel> t = tester(report.toString())) {
            final PortObject[] out = t.execute(categoricalTable(), null, null);
            final BufferedDataTable metrics = (BufferedDataTable)out[0];
            // audiovisual: 5 of 6 right
            assertEquals(5 / 6.0, metric(metrics, "audiovisual", "Accuracy", null), 1e-12);
            assertEquals(4 / 6.0, metric(metrics, "audio-only", "Accuracy", null), 1e-12);
            assertEquals(4 / 6.0, metric(metrics, "visual-only", "Accuracy", null), 1e-12);
            // audiovisual recall of angry = 1/2, sad = 2/2, happy = 2/2 -> UAR 5/6
            assertEquals((0.5 + 1 + 1) / 3, metric(metrics, "audiovisual", "UAR", null), 1e-12);
            for (int i = 0; i < metrics.size(); i++) {
                // support as an integer: 2 clips of angry in the truth, 6 clips for the overall figures
                if ("angry".equals(Tables.value(metrics, i, "Class or attribute"))) {
                    assertEquals(2L, Tables.value(metrics, i, "Support"));
                } else if (Tables.value(metrics, i, "Class or attribute") == null) {
                    assertEquals(6L, Tables.value(metrics, i, "Support"));
                }
                assertFalse("Support".equals(Tables.value(metrics, i, "Metric")));
            }
            final BufferedDataTable confusion = (BufferedDataTable)out[1];
            assertEquals(3 * 9, confusion.size()); // classes in alphabetical order: angry, happy, sad
            assertEquals(List.of("audiovisual", "angry", "sad", 1L, 0.5), Tables.values(Tables.rows(confusion).get(2))
                .subList(0, 5));
            assertNull(t.warning());
            assertTrue(Files.exists(report.resolve("report.html")));
            assertTrue(Files.exists(report.resolve("confusion-visual-only.png")));
            assertEquals(4, t.model().charts().size(), t.model().charts().keySet().toString());
        }
    }

    @Test
    void withoutBootstrapNoIntervalColumnsAndTheProvenanceNamesThePredictorsModelAndFeatures() throws Exception {
        try (NodeTester<EvaluatorNodeModel> t = NodeTester.of(new EvaluatorNodeFactory())) {
            t.settings(s -> {
                s.addString("report folder", "");
                s.addBoolean("bootstrap", false);
            });
            // as the AuxFormer Predictor pushes them (TrainedAuxFormer.provenance())
            t.flowVariable("vavl model", "VAVL (2023), 1,234 trainable parameters");
            t.flowVariable("vavl features", "audio: built-in log-mel v1, 80 values per frame, 100 frames/s");
            final BufferedDataTable metrics = (BufferedDataTable)t.execute(categoricalTable(), null, null)[0];
            assertEquals(List.of("Modality", "Metric", "Class or attribute", "Value", "Support"),
                List.of(metrics.getDataTableSpec().getColumnNames()));
            assertTrue(t.model().summary().contains("Model: VAVL (2023), 1,234 trainable parameters"),
                t.model().summary().toString());
            assertTrue(t.model().summary().contains(
                "Features: audio: built-in log-mel v1, 80 values per frame, 100 frames/s"), t.model().summary().toString());
        }
    }

    @Test
    void classNeverPredictedWarns() throws Exception {
        final BufferedDataTable table = Tables.table(CATEGORICAL, new Object[][] {
            {"c1", "angry", "sad", "sad", "sad"}, {"c2", "sad", "sad", "sad", "sad"}});
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            final BufferedDataTable metrics = (BufferedDataTable)t.execute(table, null, null)[0];
            assertEquals(0.0, metric(metrics, "audiovisual", "F1", "angry"), 0);
            assertTrue(t.warning().contains("'angry' is never predicted"), t.warning());
        }
    }

    @Test
    void missingValuesFailNamingTheRowOrAreSkipped() throws Exception {
        final List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"c1", "angry", "angry", "angry", "angry"});
        rows.add(new Object[] {"c2", "sad", null, "sad", "sad"});
        rows.add(new Object[] {"c3", "sad", "sad", "sad", "sad"});
        final BufferedDataTable table = Tables.table(CATEGORICAL, rows.toArray(Object[][]::new));
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            final Exception e = assertThrows(Exception.class, () -> t.execute(table, null, null));
            assertTrue(e.getMessage().contains("Predicted class (audiovisual)") && e.getMessage().contains("skip rows"),
                e.getMessage());
        }
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            t.settings(s -> s.addString("missing values", "skip rows"));
            final BufferedDataTable metrics = (BufferedDataTable)t.execute(table, null, null)[0];
            assertEquals(1.0, metric(metrics, "audiovisual", "Accuracy", null), 0);
            assertTrue(t.warning().contains("1 row(s) with missing or non-finite values were left out: Row1."),
                t.warning());
        }
    }

    @Test
    void differentClassNamesAreAClearError() throws Exception {
        final BufferedDataTable table = Tables.table(CATEGORICAL, new Object[][] {
            {"c1", "angry", "Angry", "angry", "angry"}, {"c2", "sad", "Sad", "sad", "sad"}});
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            final Exception e = assertThrows(Exception.class, () -> t.execute(table, null, null));
            assertTrue(e.getMessage().contains("[Angry, Sad]") && e.getMessage().contains("[angry, sad]"), e.getMessage());
        }
    }

    @Test
    void dimensionalWithConstantPredictionAndHistory() throws Exception {
        final DataTableSpec spec = Tables.spec("arousal", DoubleCell.TYPE, "valence", DoubleCell.TYPE,
            "arousal (audiovisual)", DoubleCell.TYPE, "valence (audiovisual)", DoubleCell.TYPE);
        final BufferedDataTable table = Tables.table(spec, new Object[][] {
            {0.1, 0.2, 0.15, 0.5}, {0.5, 0.6, 0.45, 0.5}, {0.9, 0.3, 0.8, 0.5}, {0.3, 0.9, 0.35, 0.5}});
        final BufferedDataTable history = Tables.table(Tables.spec("Epoch", IntCell.TYPE, "Fusion loss",
            DoubleCell.TYPE, "Development CCC sum", DoubleCell.TYPE, "Seconds", DoubleCell.TYPE),
            new Object[][] {{1, 0.9, 0.5, 3.0}, {2, 0.7, 0.9, 3.1}});
        final Path report = dir.resolve("dim");
        try (NodeTester<EvaluatorNodeModel> t = tester(report.toString())) {
            final PortObject[] out = t.execute(table, history, null);
            final BufferedDataTable metrics = (BufferedDataTable)out[0];
            assertEquals(0.0, metric(metrics, "audiovisual", "CCC", "valence"), 1e-12);
            assertTrue(Double.isNaN(metric(metrics, "audiovisual", "Pearson r", "valence")));
            assertTrue(metric(metrics, "audiovisual", "CCC", "arousal") > 0.9);
            assertEquals(0, ((BufferedDataTable)out[1]).size());
            assertTrue(t.warning().contains("Pearson"), t.warning());
            assertTrue(Files.exists(report.resolve("training-history.png")));
            assertEquals(List.of("Fusion loss", "Development CCC sum"),
                List.copyOf(EvaluatorNodeModel.history(history).keySet()));
        }
    }

    @Test
    void nonFiniteValuesAreRefusedNamingTheRowOrSkippedAndCounted() throws Exception {
        final DataTableSpec spec = Tables.spec("arousal", DoubleCell.TYPE, "arousal (audiovisual)", DoubleCell.TYPE);
        final BufferedDataTable table = Tables.table(spec, new Object[][] {
            {0.1, 0.15}, {0.5, Double.NaN}, {0.9, 0.8}, {Double.POSITIVE_INFINITY, 0.3}, {0.3, 0.35}, {0.7, 0.6}});
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            final Exception e = assertThrows(Exception.class, () -> t.execute(table, null, null));
            assertEquals("Row 'Row1' has the value NaN (not a finite number) in column 'arousal (audiovisual)'. Set"
                + " 'missing values' to 'skip rows' to leave such rows out.", e.getMessage());
        }
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            t.settings(s -> s.addString("missing values", "skip rows"));
            final BufferedDataTable metrics = (BufferedDataTable)t.execute(table, null, null)[0];
            assertEquals("2 row(s) with missing or non-finite values were left out: Row1, Row3.", t.warning());
            // the four finite rows only: numpy's CCC of [0.1, 0.9, 0.3, 0.7] and [0.15, 0.8, 0.35, 0.6]
            final double[] y = {0.1, 0.9, 0.3, 0.7};
            final double[] p = {0.15, 0.8, 0.35, 0.6};
            assertEquals(org.vavl.core.metrics.DimensionalScores.concordance(y, p),
                metric(metrics, "audiovisual", "CCC", "arousal"), 1e-12);
            assertEquals(0.9612403100775193, metric(metrics, "audiovisual", "CCC", "arousal"), 1e-12);
        }
    }

    @Test
    void onlyTheEvaluatedSplitIsScored() throws Exception {
        final DataTableSpec spec = Tables.spec("Emotion", StringCell.TYPE, "Split", StringCell.TYPE,
            "Predicted class (audiovisual)", StringCell.TYPE);
        final BufferedDataTable table = Tables.table(spec, new Object[][] {
            {"angry", "Train", "sad"}, {"sad", "Test", "sad"}, {"angry", "Test", "angry"}, {"sad", "Development", "angry"}});
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            assertEquals(1.0, metric((BufferedDataTable)t.execute(table, null, null)[0], "audiovisual", "Accuracy", null), 0);
        }
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            t.settings(s -> s.addString("evaluated split", ""));
            assertEquals(0.5, metric((BufferedDataTable)t.execute(table, null, null)[0], "audiovisual", "Accuracy", null), 0);
        }
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            t.settings(s -> s.addString("evaluated split", "test"));
            final Exception e = assertThrows(Exception.class, () -> t.execute(table, null, null));
            assertTrue(e.getMessage().contains("[Train, Test, Development]"), e.getMessage());
        }
    }

    @Test
    void missingTruthColumnIsNamedAtConfigure() throws Exception {
        final DataTableSpec spec = Tables.spec("Label", StringCell.TYPE, "Predicted class (audiovisual)", StringCell.TYPE);
        try (NodeTester<EvaluatorNodeModel> t = tester("")) {
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> t.configure(spec, null, null));
            assertTrue(e.getMessage().contains("'Emotion'") && e.getMessage().contains("Label"), e.getMessage());
        }
    }
}
