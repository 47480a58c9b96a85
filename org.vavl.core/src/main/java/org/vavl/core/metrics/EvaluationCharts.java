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
    static final List<String> BAR_METRICS_CATEGORICAL = Evaluation.HEADLINE_CATEGORICAL;

    /**
     * Okabe and Ito's colour-blind-safe palette (blue, orange, bluish green, reddish purple, sky blue, vermilion,
     * yellow): series are told apart with every common colour-vision deficiency.
     */
    public static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442)};

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
     * Bars of the headline figures per modality: accuracy, UAR and F1 macro (categorical) or the CCC of each
     * attribute (dimensional), with the modalities side by side, the 95% bootstrap interval as an error bar when
     * there is one, and the chance level of UAR and F1 macro as a dashed line.
     */
    public static JFreeChart modalityBars(final Evaluation evaluation) {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final Map<String, MetricRow> shownRows = new java.util.HashMap<>();
        final boolean categorical = !evaluation.categorical().isEmpty();
        for (MetricRow r : evaluation.rows()) {
            final boolean shown = categorical ? r.target() == null && BAR_METRICS_CATEGORICAL.contains(r.metric())
                : r.metric().equals("CCC");
            if (shown) {
                final String column = categorical ? r.metric() : "CCC " + r.target();
                data.addValue(Double.isNaN(r.value()) ? null : r.value(), r.modality(), column);
                shownRows.put(r.modality() + "|" + column, r);
            }
        }
        final JFreeChart chart = ChartFactory.createBarChart(categorical ? "Headline figures per modality"
            + (evaluation.resamples() > 0 ? " (95% intervals)" : "") : "CCC per attribute and modality", null,
            "value", data, PlotOrientation.VERTICAL, true, false, false);
        final CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(categorical ? 0 : Math.min(0, minValue(data)), 1);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final BarRenderer renderer = new IntervalBars(shownRows);
        plot.setRenderer(renderer);
        renderer.setDrawBarOutline(false);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        if (categorical) {
            final org.jfree.chart.plot.ValueMarker chance = new org.jfree.chart.plot.ValueMarker(
                evaluation.chanceUar(), Color.DARK_GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            chance.setLabel(String.format(Locale.ROOT, "chance (UAR, F1 macro) %.2f", evaluation.chanceUar()));
            chance.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            chance.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(chance);
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Bars with the figure's 95% interval drawn over each bar (a vertical line with caps). */
    private static final class IntervalBars extends BarRenderer {

        private static final long serialVersionUID = 1L;

        private final transient Map<String, MetricRow> m_rows;

        IntervalBars(final Map<String, MetricRow> rows) {
            m_rows = rows;
        }

        @Override
        public void drawItem(final java.awt.Graphics2D g2, final org.jfree.chart.renderer.category.CategoryItemRendererState state,
            final java.awt.geom.Rectangle2D dataArea, final CategoryPlot plot,
            final org.jfree.chart.axis.CategoryAxis domainAxis, final org.jfree.chart.axis.ValueAxis rangeAxis,
            final org.jfree.data.category.CategoryDataset dataset, final int row, final int column, final int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            final MetricRow r = m_rows.get(dataset.getRowKey(row) + "|" + dataset.getColumnKey(column));
            if (r == null || Double.isNaN(r.lower()) || pass != 0) {
                return;
            }
            final double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                + state.getBarWidth() / 2;
            final double lo = rangeAxis.valueToJava2D(r.lower(), dataArea, plot.getRangeAxisEdge());
            final double hi = rangeAxis.valueToJava2D(r.upper(), dataArea, plot.getRangeAxisEdge());
            final double cap = Math.min(6, state.getBarWidth() / 4);
            g2.setPaint(Color.BLACK);
            g2.setStroke(new BasicStroke(1.5f));
            g2.draw(new java.awt.geom.Line2D.Double(x, lo, x, hi));
            g2.draw(new java.awt.geom.Line2D.Double(x - cap, lo, x + cap, lo));
            g2.draw(new java.awt.geom.Line2D.Double(x - cap, hi, x + cap, hi));
        }
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
     * Training history in two panels over the same epochs (1-based): the losses above (each optimisation step's
     * training loss and the development loss; their scale is 0..3 or more), the development figure below (accuracy or
     * CCC, 0..1), and the kept epoch marked in both. Series whose name contains "loss" go to the upper panel;
     * series that are all missing are left out.
     *
     * @param keptEpoch the epoch whose weights the model kept, 0 when unknown
     */
    public static JFreeChart trainingCurves(final Map<String, double[]> history, final int keptEpoch) {
        final XYSeriesCollection losses = new XYSeriesCollection();
        final XYSeriesCollection figures = new XYSeriesCollection();
        for (Map.Entry<String, double[]> e : history.entrySet()) {
            final XYSeries s = new XYSeries(e.getKey());
            final double[] v = e.getValue();
            for (int epoch = 0; epoch < v.length; epoch++) {
                if (!Double.isNaN(v[epoch])) {
                    s.add(epoch + 1, v[epoch]);
                }
            }
            if (s.getItemCount() > 0) {
                (e.getKey().toLowerCase(Locale.ROOT).contains("loss") ? losses : figures).addSeries(s);
            }
        }
        final NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        final org.jfree.chart.plot.CombinedDomainXYPlot plot = new org.jfree.chart.plot.CombinedDomainXYPlot(epochs);
        plot.setGap(12);
        int colour = 0;
        for (XYSeriesCollection data : List.of(losses, figures)) {
            if (data.getSeriesCount() == 0) {
                continue;
            }
            final NumberAxis axis = new NumberAxis(data == losses ? "loss (lower is better)"
                : "development figure (higher is better)");
            axis.setAutoRangeIncludesZero(data == losses);
            final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            for (int s = 0; s < data.getSeriesCount(); s++) {
                renderer.setSeriesStroke(s, new BasicStroke(2f));
                renderer.setSeriesPaint(s, PALETTE[colour++ % PALETTE.length]);
            }
            final XYPlot sub = new XYPlot(data, null, axis, renderer);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setRangeGridlinePaint(Color.LIGHT_GRAY);
            sub.setDomainGridlinePaint(Color.LIGHT_GRAY);
            if (keptEpoch > 0) {
                final org.jfree.chart.plot.ValueMarker kept = new org.jfree.chart.plot.ValueMarker(keptEpoch,
                    Color.DARK_GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
                        new float[] {6, 4}, 0));
                if (data == losses) {
                    kept.setLabel("kept: epoch " + keptEpoch);
                    kept.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                    kept.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                }
                sub.addDomainMarker(kept);
            }
            plot.add(sub, data == losses ? 3 : 2);
        }
        final JFreeChart chart = new JFreeChart("Training history", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Reliability diagram: per modality, accuracy against mean confidence in each confidence bin (points sized by
     * nothing, joined by lines), the diagonal being perfect calibration; the legend gives each modality's ECE.
     */
    public static JFreeChart reliability(final Map<String, CalibrationScores> calibration) {
        final XYSeriesCollection data = new XYSeriesCollection();
        final XYSeries diagonal = new XYSeries("perfectly calibrated");
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        data.addSeries(diagonal);
        for (Map.Entry<String, CalibrationScores> e : calibration.entrySet()) {
            final XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s (ECE %.3f)", e.getKey(), e.getValue().ece()));
            for (CalibrationScores.Bin b : e.getValue().bins()) {
                s.add(b.confidence(), b.accuracy());
            }
            data.addSeries(s);
        }
        final JFreeChart chart = ChartFactory.createXYLineChart("Reliability: accuracy per confidence bin",
            "confidence (highest probability)", "accuracy", data, PlotOrientation.VERTICAL, true, false, false);
        final XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis)plot.getDomainAxis()).setRange(0, 1);
        ((NumberAxis)plot.getRangeAxis()).setRange(0, 1);
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Color.GRAY);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
            new float[] {4, 4}, 0));
        for (int s = 1; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE[(s - 1) % PALETTE.length]);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * @param keptEpoch the epoch the model kept (1-based), 0 when unknown
     * @return all charts of an evaluation, in report order, keyed by their file base name
     */
    public static Map<String, JFreeChart> all(final Evaluation evaluation, final Map<String, double[]> history,
        final int keptEpoch) {
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
        if (!evaluation.calibration().isEmpty()) {
            charts.put("reliability", reliability(evaluation.calibration()));
        }
        if (history != null && !history.isEmpty()) {
            charts.put("training-history", trainingCurves(history, keptEpoch));
        }
        return charts;
    }
}
