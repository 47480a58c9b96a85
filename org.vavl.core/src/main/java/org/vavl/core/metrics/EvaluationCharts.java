package org.vavl.core.metrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Evaluator's charts, made with JFreeChart: the confusion-matrix heat map of a modality, the
 * modalities' main figures side by side as bars, and the training curves of the AuxFormer Learner's
 * history. The same charts appear in the node's view and in the PNG files of the report.
 */
public final class EvaluationCharts {

    /** Overall figures shown as bars for categorical evaluations. */
    static final List<String> BAR_METRICS_CATEGORICAL = List.of("Accuracy", "UAR", "F1 macro", "F1 micro");

    private EvaluationCharts() {
    }

    /**
     * Heat map of the row-normalised confusion matrix, each cell labelled with its count and row share.
     * Rows (y) are the true classes, columns (x) the predicted ones.
     */
    public static JFreeChart confusionMatrix(final String modality, final CategoricalScores scores) {
        final ConfusionMatrix m = scores.matrix();
        final List<String> classes = m.classes();
        final int k = classes.size();
        final double[][] xyz = new double[3][k * k];
        int i = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                xyz[0][i] = p;
                xyz[1][i] = k - 1 - t; // first class at the top
                xyz[2][i] = m.rowNormalised(t, p);
                i++;
            }
        }
        final DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share of the true class", xyz);
        final String[] names = classes.toArray(String[]::new);
        final String[] reversed = new String[k];
        for (int t = 0; t < k; t++) {
            reversed[t] = names[k - 1 - t];
        }
        final SymbolAxis xAxis = new SymbolAxis("Predicted class", names);
        final SymbolAxis yAxis = new SymbolAxis("True class", reversed);
        final XYBlockRenderer renderer = new XYBlockRenderer();
        final LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int s = 0; s <= 20; s++) {
            final double v = s / 20.0;
            scale.add(v, new Color((int)(255 - 215 * v), (int)(255 - 160 * v), (int)(255 - 75 * v)));
        }
        renderer.setPaintScale(scale);
        final XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, k > 8 ? 9 : 12);
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                final double share = m.rowNormalised(t, p);
                final XYTextAnnotation a = new XYTextAnnotation(
                    String.format(Locale.ROOT, "%d (%.0f%%)", m.count(t, p), share * 100), p, k - 1 - t);
                a.setFont(font);
                a.setPaint(share > 0.6 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(a);
            }
        }
        final JFreeChart chart = new JFreeChart("Confusion matrix (" + modality + ")", plot);
        chart.removeLegend();
        final NumberAxis scaleAxis = new NumberAxis("share of the true class");
        scaleAxis.setRange(0, 1);
        final PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Bars of the main figures per modality: accuracy, UAR, F1 macro and micro (categorical) or the CCC
     * of each attribute (dimensional), with the modalities side by side.
     */
    public static JFreeChart modalityBars(final Evaluation evaluation) {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final boolean categorical = !evaluation.categorical().isEmpty();
        for (MetricRow r : evaluation.rows()) {
            final boolean shown = categorical ? r.target() == null && BAR_METRICS_CATEGORICAL.contains(r.metric())
                : r.metric().equals("CCC");
            if (shown) {
                final String column = categorical ? r.metric() : "CCC " + r.target();
                data.addValue(Double.isNaN(r.value()) ? null : r.value(), r.modality(), column);
            }
        }
        final JFreeChart chart = ChartFactory.createBarChart(categorical ? "Main figures per modality"
            : "CCC per attribute and modality", null, "value", data, PlotOrientation.VERTICAL, true, false, false);
        final CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(categorical ? 0 : Math.min(0, minValue(data)), 1);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final BarRenderer renderer = (BarRenderer)plot.getRenderer();
        renderer.setDrawBarOutline(false);
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static double minValue(final DefaultCategoryDataset data) {
        double min = 0;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                final Number v = data.getValue(r, c);
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                }
            }
        }
        return min;
    }

    /**
     * Training curves: one line per series (e.g. each step's loss, the development metric), x = epoch
     * (1-based). Series that are all missing are left out.
     */
    public static JFreeChart trainingCurves(final Map<String, double[]> history) {
        final XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[]> e : history.entrySet()) {
            final XYSeries s = new XYSeries(e.getKey());
            final double[] v = e.getValue();
            for (int epoch = 0; epoch < v.length; epoch++) {
                if (!Double.isNaN(v[epoch])) {
                    s.add(epoch + 1, v[epoch]);
                }
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
            }
        }
        final JFreeChart chart = ChartFactory.createXYLineChart("Training history", "epoch", "value", data,
            PlotOrientation.VERTICAL, true, false, false);
        final XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis)plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** @return all charts of an evaluation, in report order, keyed by their file base name */
    public static Map<String, JFreeChart> all(final Evaluation evaluation, final Map<String, double[]> history) {
        final Map<String, JFreeChart> charts = new java.util.LinkedHashMap<>();
        charts.put("modalities", modalityBars(evaluation));
        final List<String> used = new ArrayList<>();
        for (Map.Entry<String, CategoricalScores> e : evaluation.categorical().entrySet()) {
            String name = "confusion-" + e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            while (used.contains(name)) {
                name += "-";
            }
            used.add(name);
            charts.put(name, confusionMatrix(e.getKey(), e.getValue()));
        }
        if (history != null && !history.isEmpty()) {
            charts.put("training-history", trainingCurves(history));
        }
        return charts;
    }
}
