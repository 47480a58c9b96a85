package org.vavl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @TempDir
    Path dir;

    @Test
    void categoricalReportHasChartsOfTheExpectedSizeAndNamesEveryMetric() throws Exception {
        final List<String> truth = List.of("angry", "sad", "happy", "happy", "sad", "angry", "neutral", "neutral");
        final Map<String, List<String>> preds = new LinkedHashMap<>();
        preds.put("audiovisual", List.of("angry", "sad", "happy", "happy", "sad", "sad", "neutral", "happy"));
        preds.put("audio-only", List.of("angry", "angry", "happy", "sad", "sad", "sad", "neutral", "happy"));
        preds.put("visual-only", List.of("sad", "sad", "happy", "happy", "angry", "angry", "happy", "happy"));
        final Evaluation e = Evaluation.categorical(truth, preds, List.of("angry", "sad", "neutral", "happy"), 50, 3);
        final Map<String, double[]> history = new LinkedHashMap<>();
        history.put("fusion loss", new double[] {1.7, 1.2, 0.9});
        history.put("development loss", new double[] {1.8, 1.4, 1.3});
        final List<Path> files = EvaluationReport.write(dir.resolve("report"), "Demo", e, history, 2,
            Map.of("Data", "8 clips of split 'Test'"));
        // bars, three confusion matrices, training history, summary.txt, report.html
        assertEquals(7, files.size(), files.toString());
        for (Path f : files.subList(0, 5)) {
            final BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(EvaluationReport.WIDTH, img.getWidth(), f.toString());
            assertEquals(EvaluationReport.HEIGHT, img.getHeight(), f.toString());
        }
        assertTrue(Files.exists(dir.resolve("report/confusion-audio-only.png")));
        final String html = Files.readString(files.get(6));
        // the first screen: headline with intervals and chance, then what the intervals support, then provenance
        final int results = html.indexOf("<h2>Results</h2>");
        assertTrue(results > 0 && results < html.indexOf("<h2>What produced these results</h2>")
            && html.indexOf("<h2>What produced these results</h2>") < html.indexOf("<h2>Charts</h2>"), html);
        assertTrue(html.contains("<td class=\"t\"><i>chance</i></td><td>0.250</td><td>0.250</td><td>0.250</td>"),
            "majority share 2/8 and 1/4 classes");
        assertTrue(html.contains("<dt>Data</dt><dd>8 clips of split &#39;Test&#39;</dd>")
            || html.contains("<dt>Data</dt><dd>8 clips of split 'Test'</dd>"), html);
        assertTrue(html.contains("<dt>Epoch kept</dt><dd>2 (best on the Development split)</dd>"), html);
        assertTrue(html.contains("<h2>Per class (audiovisual)</h2>"), html);
        final List<String> summary = Files.readAllLines(files.get(5));
        assertEquals(EvaluationReport.summary(e), summary.subList(0, summary.size() - 1));
        assertEquals("Data: 8 clips of split 'Test'", summary.get(summary.size() - 1));
        for (String m : Evaluation.CATEGORICAL_METRICS) {
            assertTrue(html.contains(">" + m + "<"), m);
        }
        for (String m : Evaluation.PER_CLASS_METRICS) {
            assertTrue(html.contains(">" + m + "<"), m);
        }
        assertTrue(html.contains("training-history.png"));
        assertTrue(html.contains("never predicted"), "warnings are in the report");
        try (var s = Files.list(dir.resolve("report"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void dimensionalReportNamesEveryMetric() throws Exception {
        final Map<String, double[]> truth = new LinkedHashMap<>();
        truth.put("arousal", new double[] {0.1, 0.4, 0.5, 0.9});
        truth.put("valence", new double[] {0.3, 0.2, 0.8, 0.6});
        final Map<String, Map<String, double[]>> preds = new LinkedHashMap<>();
        preds.put("audiovisual", Map.of("arousal", new double[] {0.2, 0.3, 0.6, 0.8}, "valence",
            new double[] {0.5, 0.5, 0.5, 0.5}));
        final Evaluation e = Evaluation.dimensional(truth, preds, 0, 1);
        assertEquals(0.0, e.value("audiovisual", "CCC", "valence"), 1e-12);
        assertTrue(Double.isNaN(e.value("audiovisual", "Pearson r", "valence")));
        final List<Path> files = EvaluationReport.write(dir, "MSP", e, null, 0, Map.of());
        assertEquals(3, files.size(), "bars, summary.txt, report.html");
        final String html = Files.readString(files.get(2));
        for (String m : Evaluation.DIMENSIONAL_METRICS) {
            assertTrue(html.contains(">" + m + "<"), m);
        }
    }

    @Test
    void theSummarySaysWhichDifferencesTheIntervalsSupport() {
        // 120 clips of 3 classes: audiovisual always right, visual-only right on 119, audio-only on every other clip
        final List<String> classes = List.of("angry", "sad", "happy");
        final List<String> truth = new java.util.ArrayList<>();
        final List<String> av = new java.util.ArrayList<>();
        final List<String> v = new java.util.ArrayList<>();
        final List<String> a = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            final String t = classes.get(i % 3);
            truth.add(t);
            av.add(t);
            v.add(i == 5 ? classes.get((i + 1) % 3) : t);
            a.add(i % 2 == 0 ? t : classes.get((i + 1) % 3));
        }
        final Map<String, List<String>> preds = new LinkedHashMap<>();
        preds.put("audiovisual", av);
        preds.put("audio-only", a);
        preds.put("visual-only", v);
        final Evaluation e = Evaluation.categorical(truth, preds, classes, 1000, 0);
        final List<String> lines = EvaluationReport.summary(e);
        assertEquals("  modality     Accuracy               UAR                    F1 macro", lines.get(0));
        assertTrue(lines.get(1).startsWith("  audiovisual  1.000 [1.000, 1.000]"), lines.get(1));
        assertEquals("Chance: UAR and F1 macro 0.333 (1 / 3 classes), accuracy 0.333 (always the most frequent class);"
            + " 120 clips evaluated.", lines.get(4));
        final String uar = lines.stream().filter(l -> l.startsWith("UAR: ")).findFirst().orElseThrow();
        assertTrue(uar.contains("supported: audiovisual beats audio-only by 0.500"), uar);
        assertTrue(uar.contains("visual-only beats audio-only"), uar);
        assertTrue(uar.contains("not supported (the interval includes 0): audiovisual vs visual-only by 0.008"), uar);
        final Evaluation none = Evaluation.categorical(truth, preds, classes, 0, 0);
        assertTrue(EvaluationReport.summary(none).get(5).startsWith("No 95% intervals"));
    }
}
