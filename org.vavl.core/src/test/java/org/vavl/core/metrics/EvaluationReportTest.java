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
        final List<Path> files = EvaluationReport.write(dir.resolve("report"), "Demo", e, history);
        // bars, three confusion matrices, training history, report.html
        assertEquals(6, files.size(), files.toString());
        for (Path f : files.subList(0, 5)) {
            final BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(EvaluationReport.WIDTH, img.getWidth(), f.toString());
            assertEquals(EvaluationReport.HEIGHT, img.getHeight(), f.toString());
        }
        assertTrue(Files.exists(dir.resolve("report/confusion-audio-only.png")));
        final String html = Files.readString(files.get(5));
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
        final List<Path> files = EvaluationReport.write(dir, "MSP", e, null);
        assertEquals(2, files.size());
        final String html = Files.readString(files.get(1));
        for (String m : Evaluation.DIMENSIONAL_METRICS) {
            assertTrue(html.contains(">" + m + "<"), m);
        }
    }
}
