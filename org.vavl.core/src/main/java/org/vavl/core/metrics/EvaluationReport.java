package org.vavl.core.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.vavl.core.util.AtomicFiles;

/**
 * Writes an evaluation as files, so batch runs leave it behind: one PNG per chart, the headline as text
 * ({@code summary.txt}, what {@code ./vavl demo} prints) and one HTML page ({@code report.html}) whose first screen
 * answers "how good, how sure, from what" (headline figures per modality with their 95% intervals and the chance
 * level, which modality differences the paired intervals support, what produced the results), then per-class
 * tables, confusion matrices, charts and every figure. Files are written under temporary names and renamed when
 * complete.
 */
public final class EvaluationReport {

    /** Width and height of the PNG files, in pixels. */
    public static final int WIDTH = 800;

    public static final int HEIGHT = 560;

    private EvaluationReport() {
    }

    /**
     * @param folder created when missing
     * @param title heading of the report
     * @param history training curves (may be null)
     * @param keptEpoch the epoch whose weights the model kept (1-based), 0 when unknown
     * @param provenance what produced the results, in display order (e.g. "Data" to "192 clips, ..."); may be
     *            empty
     * @return the files written, the HTML page last
     */
    public static List<Path> write(final Path folder, final String title, final Evaluation evaluation,
        final Map<String, double[]> history, final int keptEpoch, final Map<String, String> provenance)
        throws IOException {
        return write(folder, title, evaluation, history, keptEpoch, provenance, Map.of());
    }

    /**
     * @param extra more charts after the evaluation's own (e.g. emotion-over-time timelines of a few clips), keyed by
     *            file base name
     */
    public static List<Path> write(final Path folder, final String title, final Evaluation evaluation,
        final Map<String, double[]> history, final int keptEpoch, final Map<String, String> provenance,
        final Map<String, JFreeChart> extra) throws IOException {
        Files.createDirectories(folder);
        final List<Path> files = new ArrayList<>();
        final Map<String, JFreeChart> charts = new java.util.LinkedHashMap<>(
            EvaluationCharts.all(evaluation, history, keptEpoch));
        charts.putAll(extra);
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            final Path png = folder.resolve(e.getKey() + ".png");
            AtomicFiles.write(png, part -> ChartUtils.saveChartAsPNG(part.toFile(), e.getValue(), WIDTH, HEIGHT));
            files.add(png);
        }
        final List<String> summary = summary(evaluation, provenance);
        final Path text = folder.resolve("summary.txt");
        AtomicFiles.writeText(text, w -> w.write(String.join("\n", summary) + "\n"));
        files.add(text);
        final Path html = folder.resolve("report.html");
        AtomicFiles.writeText(html, w -> writeHtml(w, title, evaluation, charts.keySet(), keptEpoch, provenance));
        files.add(html);
        return files;
    }

    /**
     * The headline as plain text lines (the console after {@code ./vavl demo}, the node's view): per modality the
     * headline figures with their 95% intervals, the chance level, and which differences the intervals support.
     */
    public static List<String> summary(final Evaluation evaluation) {
        final List<String> lines = new ArrayList<>();
        final List<String> metrics = headlineMetrics(evaluation);
        final StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-12s", "modality"));
        for (String m : metrics) {
            head.append(String.format(Locale.ROOT, " %-22s", m));
        }
        lines.add(head.toString().stripTrailing());
        for (String modality : modalities(evaluation)) {
            final StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-12s", modality));
            for (String m : metrics) {
                final MetricRow r = headlineRow(evaluation, modality, m);
                b.append(String.format(Locale.ROOT, " %-22s", r == null ? "-" : plain(r)));
            }
            lines.add(b.toString().stripTrailing());
        }
        lines.add(chanceSentence(evaluation));
        lines.addAll(differenceSentences(evaluation));
        return lines;
    }

    /** @return {@link #summary(Evaluation)}, then a line "name: value" per provenance entry (summary.txt, the view) */
    public static List<String> summary(final Evaluation evaluation, final Map<String, String> provenance) {
        final List<String> lines = new ArrayList<>(summary(evaluation));
        provenance.forEach((k, v) -> lines.add(k + ": " + v));
        return lines;
    }

    /** @return "Accuracy", "UAR", "F1 macro", or "CCC arousal", ... */
    private static List<String> headlineMetrics(final Evaluation evaluation) {
        if (!evaluation.categorical().isEmpty()) {
            return Evaluation.HEADLINE_CATEGORICAL;
        }
        final List<String> m = new ArrayList<>();
        for (MetricRow r : evaluation.rows()) {
            if (r.metric().equals("CCC") && !m.contains("CCC " + r.target())) {
                m.add("CCC " + r.target());
            }
        }
        return m;
    }

    private static MetricRow headlineRow(final Evaluation evaluation, final String modality, final String metric) {
        return metric.startsWith("CCC ") ? evaluation.row(modality, "CCC", metric.substring(4))
            : evaluation.row(modality, metric, null);
    }

    private static List<String> modalities(final Evaluation evaluation) {
        final List<String> m = new ArrayList<>();
        for (MetricRow r : evaluation.rows()) {
            if (!m.contains(r.modality())) {
                m.add(r.modality());
            }
        }
        return m;
    }

    private static String plain(final MetricRow r) {
        if (Double.isNaN(r.value())) {
            return "undefined";
        }
        return Double.isNaN(r.lower()) ? String.format(Locale.ROOT, "%.3f", r.value())
            : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.value(), r.lower(), r.upper());
    }

    private static String chanceSentence(final Evaluation evaluation) {
        if (evaluation.categorical().isEmpty()) {
            return "Chance: a CCC of 0 (no concordance); " + evaluation.clips() + " clips evaluated.";
        }
        return String.format(Locale.ROOT, "Chance: UAR and F1 macro %.3f (1 / %d classes), accuracy %.3f (always the "
            + "most frequent class); %d clips evaluated.", evaluation.chanceUar(),
            Math.round(1 / evaluation.chanceUar()), evaluation.chanceAccuracy(), evaluation.clips());
    }

    /** One sentence per headline figure saying which modality differences the paired intervals support. */
    static List<String> differenceSentences(final Evaluation evaluation) {
        final List<String> out = new ArrayList<>();
        if (evaluation.resamples() == 0) {
            out.add("No 95% intervals (bootstrap is off): the figures alone cannot say whether the modalities "
                + "differ.");
            return out;
        }
        final Map<String, List<Evaluation.Comparison>> byFigure = new java.util.LinkedHashMap<>();
        for (Evaluation.Comparison c : evaluation.comparisons()) {
            byFigure.computeIfAbsent(c.metric() + (c.target() == null ? "" : " " + c.target()),
                k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<Evaluation.Comparison>> e : byFigure.entrySet()) {
            final List<String> yes = new ArrayList<>();
            final List<String> no = new ArrayList<>();
            for (Evaluation.Comparison c : e.getValue()) {
                final String better = c.difference() >= 0 ? c.first() : c.second();
                final String worse = c.difference() >= 0 ? c.second() : c.first();
                final String d = String.format(Locale.ROOT, "%s %s %s by %.3f [%.3f, %.3f]", better,
                    c.supported() ? "beats" : "vs", worse, Math.abs(c.difference()),
                    c.difference() >= 0 ? c.lower() : -c.upper(), c.difference() >= 0 ? c.upper() : -c.lower());
                (c.supported() ? yes : no).add(d);
            }
            final StringBuilder b = new StringBuilder(e.getKey()).append(": ");
            b.append(yes.isEmpty() ? "no difference between modalities is supported by the data"
                : "supported: " + String.join("; ", yes));
            if (!no.isEmpty()) {
                b.append(yes.isEmpty() ? " (" : "; not supported (the interval includes 0): ")
                    .append(String.join("; ", no)).append(yes.isEmpty() ? ")" : "");
            }
            out.add(b.append('.').toString());
        }
        return out;
    }

    private static String esc(final String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String number(final double v) {
        return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String withInterval(final MetricRow r) {
        if (r == null || Double.isNaN(r.value())) {
            return "&ndash;";
        }
        return Double.isNaN(r.lower()) ? String.format(Locale.ROOT, "%.3f", r.value())
            : String.format(Locale.ROOT, "<b>%.3f</b> <span class=\"ci\">[%.3f, %.3f]</span>", r.value(), r.lower(),
                r.upper());
    }

    private static void writeHtml(final Writer w, final String title, final Evaluation evaluation,
        final Iterable<String> charts, final int keptEpoch, final Map<String, String> provenance) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
            + "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:70em;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #ccc;padding:3px 9px;"
            + "text-align:right}td.t,th.t{text-align:left}th{background:#f4f4f4}"
            + "img{max-width:100%;border:1px solid #eee;margin:0.5em 0}.warn{color:#8a4b00}.ci{color:#555;"
            + "font-size:90%}.headline td{font-size:115%}dl{display:grid;grid-template-columns:max-content auto;"
            + "gap:2px 1em}dt{font-weight:bold}dd{margin:0}</style></head><body>\n");
        w.write("<h1>" + esc(title) + "</h1>\n");
        // first screen: the headline per modality with intervals and chance, what the intervals support
        final List<String> metrics = headlineMetrics(evaluation);
        w.write("<h2>Results</h2>\n<table class=\"headline\"><tr><th class=\"t\">Modality</th>");
        for (String m : metrics) {
            w.write("<th>" + esc(m) + (evaluation.resamples() > 0 ? " [95% interval]" : "") + "</th>");
        }
        w.write("</tr>\n");
        for (String modality : modalities(evaluation)) {
            w.write("<tr><td class=\"t\">" + esc(modality) + "</td>");
            for (String m : metrics) {
                w.write("<td>" + withInterval(headlineRow(evaluation, modality, m)) + "</td>");
            }
            w.write("</tr>\n");
        }
        if (!evaluation.categorical().isEmpty()) {
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\"><i>chance</i></td><td>%.3f</td><td>%.3f</td>"
                + "<td>%.3f</td></tr>%n", evaluation.chanceAccuracy(), evaluation.chanceUar(), evaluation.chanceUar()));
        }
        w.write("</table>\n<p>" + esc(chanceSentence(evaluation)) + (evaluation.resamples() > 0
            ? " Intervals: 95% percentile bootstrap over the clips, " + evaluation.resamples()
                + " resamples, the same resamples for every modality (paired)."
            : "") + "</p>\n<ul>\n");
        for (String sentence : differenceSentences(evaluation)) {
            w.write("<li>" + esc(sentence) + "</li>\n");
        }
        w.write("</ul>\n");
        if (!provenance.isEmpty() || keptEpoch > 0) {
            w.write("<h2>What produced these results</h2>\n<dl>\n");
            for (Map.Entry<String, String> e : provenance.entrySet()) {
                w.write("<dt>" + esc(e.getKey()) + "</dt><dd>" + esc(e.getValue()) + "</dd>\n");
            }
            if (keptEpoch > 0 && !provenance.containsKey("Epoch kept") && !provenance.containsKey("Training")) {
                w.write("<dt>Epoch kept</dt><dd>" + keptEpoch + " (best on the Development split)</dd>\n");
            }
            w.write("</dl>\n");
        }
        if (!evaluation.warnings().isEmpty()) {
            w.write("<h2>Warnings</h2><ul>\n");
            for (String warning : evaluation.warnings()) {
                w.write("<li class=\"warn\">" + esc(warning) + "</li>\n");
            }
            w.write("</ul>\n");
        }
        writeContributions(w, evaluation);
        writeCalibration(w, evaluation);
        for (Map.Entry<String, CategoricalScores> e : evaluation.categorical().entrySet()) {
            writePerClass(w, e.getKey(), evaluation);
            writeConfusion(w, e.getKey(), e.getValue().matrix());
        }
        w.write("<h2>Charts</h2>\n");
        for (String c : charts) {
            w.write("<img src=\"" + esc(c) + ".png\" alt=\"" + esc(c) + "\">\n");
        }
        w.write("<h2>Every figure</h2>\n<table><tr><th class=\"t\">Modality</th><th class=\"t\">Metric</th>"
            + "<th class=\"t\">Class / attribute</th><th>Value</th>"
            + (evaluation.resamples() > 0 ? "<th>95% CI lower</th><th>95% CI upper</th>" : "") + "</tr>\n");
        for (MetricRow r : evaluation.rows()) {
            w.write("<tr><td class=\"t\">" + esc(r.modality()) + "</td><td class=\"t\">" + esc(r.metric())
                + "</td><td class=\"t\">" + esc(r.target()) + "</td><td>"
                + (r.metric().equals("Support") ? Long.toString((long)r.value()) : number(r.value())) + "</td>"
                + (evaluation.resamples() > 0 ? "<td>" + number(r.lower()) + "</td><td>" + number(r.upper()) + "</td>"
                    : "")
                + "</tr>\n");
        }
        w.write("</table>\n<p>Written by VAVL for KNIME.</p></body></html>\n");
    }

    private static void writeContributions(final Writer w, final Evaluation evaluation) throws IOException {
        if (evaluation.contributions().isEmpty()) {
            return;
        }
        w.write("<h2>What the voice and the face contribute</h2>\n<p>Per true class, the mean probability of the"
            + " true class with both modalities, with the audio removed (the model's visual-only path) and with the"
            + " visual input removed (its audio-only path). The drop when a modality is removed is what it carried."
            + "</p>\n<table><tr><th class=\"t\">Class</th><th>Clips</th><th>Both</th><th>Without the voice</th>"
            + "<th>Without the face</th><th class=\"t\">The voice carries</th></tr>\n");
        for (ModalityContributions.ClassContribution c : evaluation.contributions()) {
            final double share = c.voiceShare();
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%d</td><td>%.3f</td><td>%.3f</td>"
                + "<td>%.3f</td><td class=\"t\">%s</td></tr>%n", esc(c.cls()), c.clips(), c.audiovisual(),
                c.withoutAudio(), c.withoutVisual(), Double.isNaN(share) ? "&ndash; (neither removal lowers it)"
                    : String.format(Locale.ROOT, "%.0f%% of the decision (the face %.0f%%)", 100 * share,
                        100 * (1 - share))));
        }
        w.write("</table>\n");
    }

    private static void writeCalibration(final Writer w, final Evaluation evaluation) throws IOException {
        if (evaluation.calibration().isEmpty()) {
            return;
        }
        w.write("<h2>How sure: calibration of the probabilities</h2>\n<p>Expected calibration error (ECE, "
            + CalibrationScores.BINS + " bins of the highest probability: 0 means a prediction made with probability p"
            + " is right p of the time) and the Brier score (0 perfect, 2 worst). The Learner calibrates each head"
            + " with a temperature fitted on the Development clips; the reliability chart shows accuracy per"
            + " confidence bin.</p>\n<table><tr><th class=\"t\">Modality</th><th>ECE</th><th>Brier score</th></tr>\n");
        for (Map.Entry<String, CalibrationScores> e : evaluation.calibration().entrySet()) {
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%.3f</td><td>%.3f</td></tr>%n",
                esc(e.getKey()), e.getValue().ece(), e.getValue().brier()));
        }
        w.write("</table>\n");
    }

    private static void writePerClass(final Writer w, final String modality, final Evaluation evaluation)
        throws IOException {
        final CategoricalScores s = evaluation.categorical().get(modality);
        w.write("<h2>Per class (" + esc(modality) + ")</h2>\n<table><tr><th class=\"t\">Class</th><th>Precision</th>"
            + "<th>Recall</th><th>F1</th><th>Support</th></tr>\n");
        for (int c = 0; c < s.classes().size(); c++) {
            final String cls = s.classes().get(c);
            w.write("<tr><td class=\"t\">" + esc(cls) + "</td><td>"
                + withInterval(evaluation.row(modality, "Precision", cls)) + "</td><td>"
                + withInterval(evaluation.row(modality, "Recall", cls)) + "</td><td>"
                + withInterval(evaluation.row(modality, "F1", cls)) + "</td><td>" + s.support(c) + "</td></tr>\n");
        }
        w.write("</table>\n");
    }

    private static void writeConfusion(final Writer w, final String modality, final ConfusionMatrix m)
        throws IOException {
        w.write("<h3>Confusion matrix (" + esc(modality) + ")</h3>\n<table><tr><th class=\"t\">true \\ predicted</th>");
        for (String c : m.classes()) {
            w.write("<th>" + esc(c) + "</th>");
        }
        w.write("</tr>\n");
        for (int t = 0; t < m.classes().size(); t++) {
            w.write("<tr><th class=\"t\">" + esc(m.classes().get(t)) + "</th>");
            for (int p = 0; p < m.classes().size(); p++) {
                w.write("<td>" + m.count(t, p) + "</td>");
            }
            w.write("</tr>\n");
        }
        w.write("</table>\n");
    }
}
