package org.vavl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** ECE, Brier score and reliability bins against numpy (fixtures made by tools/metrics/make_fixtures.py). */
class CalibrationScoresTest {

    @Test
    void eceAndBrierMatchNumpy() throws Exception {
        final JsonObject c;
        try (InputStreamReader r = new InputStreamReader(
            CalibrationScoresTest.class.getResourceAsStream("sklearn-fixtures.json"), StandardCharsets.UTF_8)) {
            JsonObject found = null;
            for (JsonElement e : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("cases")) {
                if (e.getAsJsonObject().get("kind").getAsString().equals("calibration")) {
                    found = e.getAsJsonObject();
                }
            }
            c = found;
        }
        final List<double[]> p = new ArrayList<>();
        for (JsonElement row : c.getAsJsonArray("probabilities")) {
            final JsonArray a = row.getAsJsonArray();
            final double[] v = new double[a.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = a.get(k).getAsDouble();
            }
            p.add(v);
        }
        final JsonArray t = c.getAsJsonArray("truth");
        final int[] truth = new int[t.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = t.get(i).getAsInt();
        }
        final CalibrationScores s = CalibrationScores.of(p, truth);
        assertEquals(c.get("ece").getAsDouble(), s.ece(), 1e-12);
        assertEquals(c.get("brier").getAsDouble(), s.brier(), 1e-12);
        assertEquals(truth.length, s.bins().stream().mapToInt(CalibrationScores.Bin::clips).sum());
        assertTrue(s.ece() > 0.1, "the fixture is over-confident: " + s.ece());
    }

    @Test
    void perfectAndWorstCasesByHand() {
        // two clips, both right with certainty: ECE 0, Brier 0
        final CalibrationScores sure = CalibrationScores.of(List.of(new double[] {1, 0}, new double[] {0, 1}),
            new int[] {0, 1});
        assertEquals(0, sure.ece(), 0);
        assertEquals(0, sure.brier(), 0);
        // both wrong with certainty: ECE 1, Brier 2
        final CalibrationScores wrong = CalibrationScores.of(List.of(new double[] {1, 0}, new double[] {0, 1}),
            new int[] {1, 0});
        assertEquals(1, wrong.ece(), 0);
        assertEquals(2, wrong.brier(), 0);
        // 0.6 confident, right 3 of 5 times: calibrated, one bin (0.533, 0.6]
        final List<double[]> p = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            p.add(new double[] {0.6, 0.4});
        }
        final CalibrationScores fair = CalibrationScores.of(p, new int[] {0, 0, 0, 1, 1});
        assertEquals(0, fair.ece(), 1e-12);
        assertEquals(1, fair.bins().size());
        assertEquals(8 / 15.0, fair.bins().get(0).lower(), 1e-12);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> CalibrationScores.of(List.of(new double[] {Double.NaN, 1}), new int[] {0}));
        assertEquals("The probability of class 1 of clip 1 is NaN, not a finite number.", e.getMessage());
    }
}
