package org.vavl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Compares the engine's figures with scikit-learn's (fixtures made by tools/metrics/make_fixtures.py). */
class MetricsAgainstSklearnTest {

    private static final double EPS = 1e-12;

    private static List<JsonObject> cases() throws Exception {
        try (InputStreamReader r = new InputStreamReader(
            MetricsAgainstSklearnTest.class.getResourceAsStream("sklearn-fixtures.json"), StandardCharsets.UTF_8)) {
            final List<JsonObject> cases = new ArrayList<>();
            JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("cases")
                .forEach(e -> cases.add(e.getAsJsonObject()));
            return cases;
        }
    }

    private static JsonObject named(final String name) throws Exception {
        return cases().stream().filter(c -> c.get("name").getAsString().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> strings(final JsonArray a) {
        final List<String> r = new ArrayList<>();
        a.forEach(e -> r.add(e.getAsString()));
        return r;
    }

    private static double[] doubles(final JsonArray a) {
        final double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).getAsDouble();
        }
        return r;
    }

    @Test
    void categoricalFiguresMatchSklearn() throws Exception {
        for (JsonObject c : cases()) {
            if (!c.get("kind").getAsString().equals("categorical")) {
                continue;
            }
            final String name = c.get("name").getAsString();
            final CategoricalScores s =
                CategoricalScores.of(strings(c.getAsJsonArray("truth")), strings(c.getAsJsonArray("pred")), null);
            assertEquals(strings(c.getAsJsonArray("labels")), s.classes(), name);
            assertEquals(c.get("accuracy").getAsDouble(), s.accuracy(), EPS, name);
            assertEquals(c.get("uar").getAsDouble(), s.uar(), EPS, name + ": UAR = balanced_accuracy_score");
            assertEquals(c.get("f1_macro").getAsDouble(), s.f1Macro(), EPS, name);
            assertEquals(c.get("f1_micro").getAsDouble(), s.f1Micro(), EPS, name);
            assertEquals(c.get("f1_weighted").getAsDouble(), s.f1Weighted(), EPS, name);
            assertEquals(c.get("precision_macro").getAsDouble(), s.precisionMacro(), EPS, name);
            assertEquals(c.get("precision_micro").getAsDouble(), s.precisionMicro(), EPS, name);
            assertEquals(c.get("recall_macro").getAsDouble(), s.recallMacro(), EPS, name);
            assertEquals(c.get("recall_micro").getAsDouble(), s.recallMicro(), EPS, name);
            final double[] p = doubles(c.getAsJsonArray("per_class_precision"));
            final double[] r = doubles(c.getAsJsonArray("per_class_recall"));
            final double[] f = doubles(c.getAsJsonArray("per_class_f1"));
            final double[] support = doubles(c.getAsJsonArray("support"));
            final JsonArray cm = c.getAsJsonArray("confusion");
            for (int k = 0; k < s.classes().size(); k++) {
                assertEquals(p[k], s.precision(k), EPS, name);
                assertEquals(r[k], s.recall(k), EPS, name);
                assertEquals(f[k], s.f1(k), EPS, name);
                assertEquals((long)support[k], s.support(k), name);
                final JsonArray row = cm.get(k).getAsJsonArray();
                for (int j = 0; j < row.size(); j++) {
                    assertEquals(row.get(j).getAsLong(), s.matrix().count(k, j), name);
                }
            }
        }
    }

    @Test
    void classNeverPredictedHasZeroF1AndAWarning() throws Exception {
        final JsonObject c = named("a class never predicted");
        final CategoricalScores s =
            CategoricalScores.of(strings(c.getAsJsonArray("truth")), strings(c.getAsJsonArray("pred")), null);
        final int fear = s.classes().indexOf("fear");
        assertEquals(0.0, s.f1(fear));
        assertEquals(0.0, s.precision(fear));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("'fear'") && w.contains("never predicted")),
            s.warnings().toString());
    }

    @Test
    void singleClassTruth() throws Exception {
        final JsonObject c = named("a single class in the truth");
        final Map<String, List<String>> preds = new LinkedHashMap<>();
        preds.put("audiovisual", strings(c.getAsJsonArray("pred")));
        final Evaluation e = Evaluation.categorical(strings(c.getAsJsonArray("truth")), preds, null, 0, 1);
        assertEquals(c.get("f1_macro").getAsDouble(), e.value("audiovisual", "F1 macro", null), EPS);
        assertEquals(c.get("accuracy").getAsDouble(), e.value("audiovisual", "Accuracy", null), EPS);
        assertTrue(e.warnings().stream().anyMatch(w -> w.contains("single class")), e.warnings().toString());
        // 'sad' never occurs in the truth: recall undefined -> 0 with a warning
        assertTrue(e.warnings().stream().anyMatch(w -> w.contains("'sad'") && w.contains("never occurs")));
    }

    @Test
    void dimensionalFiguresMatchNumpyAndSklearn() throws Exception {
        for (JsonObject c : cases()) {
            if (!c.get("kind").getAsString().equals("dimensional")) {
                continue;
            }
            final String name = c.get("name").getAsString();
            final DimensionalScores s =
                DimensionalScores.of(doubles(c.getAsJsonArray("truth")), doubles(c.getAsJsonArray("pred")), "arousal");
            final JsonElement ccc = c.get("ccc");
            if (ccc.isJsonNull()) {
                assertTrue(Double.isNaN(s.ccc()), name);
                assertTrue(s.warnings().contains("CCC of 'arousal' is undefined: truth and prediction are the same"
                    + " constant."), name + " " + s.warnings());
            } else {
                assertEquals(ccc.getAsDouble(), s.ccc(), 1e-9, name);
                assertTrue(s.ccc() >= -1 && s.ccc() <= 1, name);
            }
            assertEquals(c.get("rmse").getAsDouble(), s.rmse(), 1e-9, name);
            assertEquals(c.get("mae").getAsDouble(), s.mae(), 1e-9, name);
            final JsonElement pearson = c.get("pearson");
            if (pearson.isJsonNull()) {
                assertTrue(Double.isNaN(s.pearson()), name);
                assertTrue(s.warnings().stream().anyMatch(w -> w.contains("Pearson") && w.contains("constant")));
            } else {
                assertEquals(pearson.getAsDouble(), s.pearson(), 1e-9, name);
                assertTrue(s.pearson() >= -1 && s.pearson() <= 1, name);
            }
        }
        final DimensionalScores constant = DimensionalScores.of(
            doubles(named("constant prediction").getAsJsonArray("truth")),
            doubles(named("constant prediction").getAsJsonArray("pred")), "arousal");
        assertEquals(0.0, constant.ccc(), 1e-12);
    }

    @Test
    void uarIgnoresAClassPredictedButAbsentFromTheTruth() throws Exception {
        final JsonObject c = named("a predicted class absent from the truth");
        final Map<String, List<String>> preds = new LinkedHashMap<>();
        preds.put("audiovisual", strings(c.getAsJsonArray("pred")));
        final Evaluation e = Evaluation.categorical(strings(c.getAsJsonArray("truth")), preds, null, 0, 1);
        // 24 of 25 right, the wrong one an 'angry' clip (recall 6/7) predicted as 'fear'
        assertEquals((6 / 7.0 + 1 + 1 + 1) / 4, e.value("audiovisual", "UAR", null), EPS);
        assertEquals(c.get("uar").getAsDouble(), e.value("audiovisual", "UAR", null), EPS);
        assertEquals(c.get("recall_macro").getAsDouble(), e.value("audiovisual", "Recall macro", null), EPS);
    }

    @Test
    void constancyIsExactAndTheWarningsSayWhy() {
        final double[] truth = {0.3, 0.9, 0.1, 0.5, 0.7, 0.2, 0.8, 0.4, 0.6, 0.05};
        final double[] tenth = new double[10];
        java.util.Arrays.fill(tenth, 0.1);
        final DimensionalScores p = DimensionalScores.of(truth, tenth, "valence");
        assertEquals(0.0, p.ccc());
        assertTrue(Double.isNaN(p.pearson()));
        assertEquals(List.of("CCC of 'valence' is 0 because the prediction is constant (every value equal): there is"
            + " no concordance to measure.", "Pearson's r of 'valence' is undefined because the prediction is constant"
            + " (every value equal); it is left missing."), p.warnings());
        final DimensionalScores same = DimensionalScores.of(tenth, tenth.clone(), "valence");
        assertTrue(Double.isNaN(same.ccc()) && Double.isNaN(same.pearson()));
        assertEquals(0.0, same.rmse());
    }

    @Test
    void nonFiniteValuesAreRefusedNamingTheClip() {
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> DimensionalScores.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.1, Double.NaN, 0.3}, "arousal"));
        assertEquals("The prediction of 'arousal' of clip 2 is NaN, not a finite number: leave such clips out.",
            e.getMessage());
        final IllegalArgumentException t = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> DimensionalScores.of(new double[] {0.1, Double.NEGATIVE_INFINITY},
                new double[] {0.1, 0.2}, "arousal"));
        assertEquals("The truth of 'arousal' of clip 2 is -Infinity, not a finite number: leave such clips out.",
            t.getMessage());
    }

    @Test
    void intervalsStayWithinTheMetricsRange() throws Exception {
        final JsonObject c = named("perfect prediction");
        final Map<String, double[]> truth = Map.of("arousal", doubles(c.getAsJsonArray("truth")));
        final Map<String, Map<String, double[]>> preds = Map.of("audiovisual",
            Map.of("arousal", doubles(c.getAsJsonArray("pred"))));
        final Evaluation e = Evaluation.dimensional(truth, preds, 300, 3);
        for (MetricRow r : e.rows()) {
            if (r.metric().equals("CCC") || r.metric().equals("Pearson r")) {
                assertTrue(r.value() <= 1 && r.upper() <= 1 && r.lower() >= -1, r.toString());
            }
        }
    }

    @Test
    void bootstrapIntervalsContainTheValueAndAreReproducible() throws Exception {
        final JsonObject c = named("six classes, 300 clips");
        final Map<String, List<String>> preds = new LinkedHashMap<>();
        preds.put("audiovisual", strings(c.getAsJsonArray("pred")));
        preds.put("audio-only", strings(named("a class never predicted").getAsJsonArray("pred")));
        final List<String> truth = strings(c.getAsJsonArray("truth"));
        final Evaluation a = Evaluation.categorical(truth, preds, null, 200, 7);
        final Evaluation b = Evaluation.categorical(truth, preds, null, 200, 7);
        assertEquals(a.rows(), b.rows());
        for (MetricRow r : a.rows()) {
            if (r.metric().equals("Support")) {
                continue;
            }
            assertTrue(r.lower() <= r.value() + 1e-9 && r.value() <= r.upper() + 1e-9, r.toString());
        }
        final MetricRow acc = a.rows().stream()
            .filter(r -> r.modality().equals("audiovisual") && r.metric().equals("Accuracy")).findFirst().orElseThrow();
        // 300 clips at ~0.6 accuracy: the 95% interval is about +-0.055 wide
        assertTrue(acc.upper() - acc.lower() > 0.06 && acc.upper() - acc.lower() < 0.16, acc.toString());
    }
}
