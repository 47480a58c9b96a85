package org.vavl.core.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Writes an evaluation as files, so batch runs leave it behind: one PNG per chart and one HTML page
 * ({@code report.html}) with every figure, the warnings and the charts. Files are written under temporary
 * names and renamed when complete.
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
     * @return the files written, the HTML page last
     */
    public static List<Path> write(final Path folder, final String title, final Evaluation evaluation,
        final Map<String, double[]> history) throws IOException {
        Files.createDirectories(folder);
        final List<Path> files = new ArrayList<>();
        final Map<String, JFreeChart> charts = EvaluationCharts.all(evaluation, history);
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            final Path png = folder.resolve(e.getKey() + ".png");
            final Path tmp = Files.createTempFile(folder, "." + e.getKey(), ".png.tmp");
            try {
                ChartUtils.saveChartAsPNG(tmp.toFile(), e.getValue(), WIDTH, HEIGHT);
                Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            files.add(png);
        }
        final Path html = folder.resolve("report.html");
        final Path tmp = Files.createTempFile(folder, ".report", ".html.tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writeHtml(w, title, evaluation, charts.keySet());
            }
            Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        files.add(html);
        return files;
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

    private static void writeHtml(final Writer w, final String title, final Evaluation evaluation,
        final Iterable<String> charts) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
            + "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
            + "td.t,th.t{text-align:left}img{max-width:100%;border:1px solid #eee;margin:0.5em 0}"
            + ".warn{color:#a40}</style></head><body>\n");
        w.write("<h1>" + esc(title) + "</h1>\n");
        if (!evaluation.warnings().isEmpty()) {
            w.write("<h2>Warnings</h2><ul>\n");
            for (String warning : evaluation.warnings()) {
                w.write("<li class=\"warn\">" + esc(warning) + "</li>\n");
            }
            w.write("</ul>\n");
        }
        w.write("<h2>Charts</h2>\n");
        for (String c : charts) {
            w.write("<img src=\"" + esc(c) + ".png\" alt=\"" + esc(c) + "\">\n");
        }
        w.write("<h2>Figures</h2>\n<table><tr><th class=\"t\">Modality</th><th class=\"t\">Metric</th>"
            + "<th class=\"t\">Class / attribute</th><th>Value</th><th>95% CI lower</th><th>95% CI upper</th></tr>\n");
        for (MetricRow r : evaluation.rows()) {
            w.write("<tr><td class=\"t\">" + esc(r.modality()) + "</td><td class=\"t\">" + esc(r.metric())
                + "</td><td class=\"t\">" + esc(r.target()) + "</td><td>"
                + (r.metric().equals("Support") ? Long.toString((long)r.value()) : number(r.value())) + "</td><td>"
                + number(r.lower()) + "</td><td>" + number(r.upper()) + "</td></tr>\n");
        }
        w.write("</table>\n");
        for (Map.Entry<String, CategoricalScores> e : evaluation.categorical().entrySet()) {
            final ConfusionMatrix m = e.getValue().matrix();
            w.write("<h2>Confusion matrix (" + esc(e.getKey()) + ")</h2>\n<table><tr><th class=\"t\">true \\ predicted</th>");
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
        w.write("<p>Written by VAVL for KNIME.</p></body></html>\n");
    }
}
