package org.vavl.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The evaluation of one or more modalities' predictions against the same truth, as the Evaluator node
 * shows it: one {@link MetricRow} per metric, modality and class / attribute, side by side, with optional
 * bootstrap 95% confidence intervals (percentile method; the same resampled clips for every modality, so
 * modalities are compared on paired samples).
 */
public final class Evaluation {

    /** Overall categorical metrics, in table order. */
    public static final List<String> CATEGORICAL_METRICS = List.of("Accuracy", "UAR", "F1 macro", "F1 micro",
        "F1 weighted", "Precision macro", "Precision micro", "Recall macro", "Recall micro");

    /** Per-class categorical metrics, in table order. */
    public static final List<String> PER_CLASS_METRICS = List.of("Precision", "Recall", "F1", "Support");

    /** Dimensional metrics per attribute, in table order. */
    public static final List<String> DIMENSIONAL_METRICS = List.of("CCC", "Pearson r", "RMSE", "MAE");

    private final List<MetricRow> m_rows;

    private final Map<String, CategoricalScores> m_categorical;

    private final List<String> m_warnings;

    private Evaluation(final List<MetricRow> rows, final Map<String, CategoricalScores> categorical,
        final List<String> warnings) {
        m_rows = Collections.unmodifiableList(rows);
        m_categorical = Collections.unmodifiableMap(categorical);
        m_warnings = Collections.unmodifiableList(warnings);
    }

    /** @return every figure, modality after modality */
    public List<MetricRow> rows() {
        return m_rows;
    }

    /** @return per modality the categorical scores (confusion matrix included); empty when dimensional */
    public Map<String, CategoricalScores> categorical() {
        return m_categorical;
    }

    /** @return warnings (undefined figures), each naming the modality */
    public List<String> warnings() {
        return m_warnings;
    }

    /** @return the value of one figure, or NaN when there is no such row */
    public double value(final String modality, final String metric, final String target) {
        for (MetricRow r : m_rows) {
            if (r.modality().equals(modality) && r.metric().equals(metric)
                && java.util.Objects.equals(r.target(), target)) {
                return r.value();
            }
        }
        return Double.NaN;
    }

    /**
     * Categorical evaluation.
     *
     * @param truth true class per clip
     * @param predictions per modality (in display order) the predicted class per clip
     * @param classOrder preferred class order (e.g. the model's), may be null
     * @param resamples bootstrap resamples, 0 for none
     * @param seed bootstrap seed
     */
    public static Evaluation categorical(final List<String> truth, final Map<String, List<String>> predictions,
        final List<String> classOrder, final int resamples, final long seed) {
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("No clips to evaluate: the table has no rows with a truth and a prediction.");
        }
        final List<String> all = new ArrayList<>(truth);
        predictions.values().forEach(all::addAll);
        final List<String> classes = CategoricalScores.classesOf(all, List.of(), classOrder);
        final int[][] boot = resamples(truth.size(), resamples, seed);
        final List<MetricRow> rows = new ArrayList<>();
        final Map<String, CategoricalScores> scores = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();
        if (new java.util.HashSet<>(truth).size() == 1) {
            warnings.add("The truth has a single class ('" + truth.get(0)
                + "'): UAR is that class's recall; F1, precision and recall macro average over the predicted"
                + " classes too.");
        }
        for (Map.Entry<String, List<String>> e : predictions.entrySet()) {
            final String modality = e.getKey();
            // scikit-learn's default label set per modality: classes in the truth or in these predictions
            final CategoricalScores full = CategoricalScores.of(truth, e.getValue(), classes);
            final List<String> own = full.classes();
            scores.put(modality, full);
            full.warnings().forEach(w -> warnings.add(modality + ": " + w));
            final int[] t = CategoricalScores.indices(truth, own);
            final int[] p = CategoricalScores.indices(e.getValue(), own);
            final List<CategoricalScores> resampled = new ArrayList<>();
            for (int[] rowsOfResample : boot) {
                resampled.add(CategoricalScores.resample(own, t, p, rowsOfResample));
            }
            for (String metric : CATEGORICAL_METRICS) {
                final ToDoubleFunction<CategoricalScores> f = overall(metric);
                rows.add(row(modality, metric, null, f, full, resampled));
            }
            for (int c = 0; c < own.size(); c++) {
                final int cls = c;
                rows.add(row(modality, "Precision", own.get(c), x -> x.precision(cls), full, resampled));
                rows.add(row(modality, "Recall", own.get(c), x -> x.recall(cls), full, resampled));
                rows.add(row(modality, "F1", own.get(c), x -> x.f1(cls), full, resampled));
                rows.add(new MetricRow(modality, "Support", own.get(c), full.support(c), Double.NaN, Double.NaN));
            }
        }
        return new Evaluation(rows, scores, warnings);
    }

    /**
     * Dimensional evaluation.
     *
     * @param truth per attribute the true values per clip
     * @param predictions per modality, per attribute the predicted values per clip
     */
    public static Evaluation dimensional(final Map<String, double[]> truth,
        final Map<String, Map<String, double[]>> predictions, final int resamples, final long seed) {
        final int n = truth.values().iterator().next().length;
        final int[][] boot = resamples(n, resamples, seed);
        final List<MetricRow> rows = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, Map<String, double[]>> e : predictions.entrySet()) {
            final String modality = e.getKey();
            for (Map.Entry<String, double[]> a : truth.entrySet()) {
                final String attribute = a.getKey();
                final double[] p = e.getValue().get(attribute);
                if (p == null) {
                    throw new IllegalArgumentException(
                        "No prediction of attribute '" + attribute + "' for " + modality + ".");
                }
                final DimensionalScores s = DimensionalScores.of(a.getValue(), p, attribute);
                s.warnings().forEach(w -> warnings.add(modality + ": " + w));
                final List<DimensionalScores> resampled = new ArrayList<>();
                for (int[] r : boot) {
                    resampled.add(DimensionalScores.resample(a.getValue(), p, r));
                }
                rows.add(row(modality, "CCC", attribute, DimensionalScores::ccc, s, resampled));
                rows.add(row(modality, "Pearson r", attribute, DimensionalScores::pearson, s, resampled));
                rows.add(row(modality, "RMSE", attribute, DimensionalScores::rmse, s, resampled));
                rows.add(row(modality, "MAE", attribute, DimensionalScores::mae, s, resampled));
            }
        }
        return new Evaluation(rows, Map.of(), warnings);
    }

    private static ToDoubleFunction<CategoricalScores> overall(final String metric) {
        switch (metric) {
            case "Accuracy":
                return CategoricalScores::accuracy;
            case "UAR":
                return CategoricalScores::uar;
            case "F1 macro":
                return CategoricalScores::f1Macro;
            case "F1 micro":
                return CategoricalScores::f1Micro;
            case "F1 weighted":
                return CategoricalScores::f1Weighted;
            case "Precision macro":
                return CategoricalScores::precisionMacro;
            case "Precision micro":
                return CategoricalScores::precisionMicro;
            case "Recall macro":
                return CategoricalScores::recallMacro;
            case "Recall micro":
                return CategoricalScores::recallMicro;
            default:
                throw new IllegalArgumentException(metric);
        }
    }

    private static <S> MetricRow row(final String modality, final String metric, final String target,
        final ToDoubleFunction<S> f, final S full, final List<S> resampled) {
        final double value = f.applyAsDouble(full);
        if (resampled.isEmpty()) {
            return new MetricRow(modality, metric, target, value, Double.NaN, Double.NaN);
        }
        final double[] v = resampled.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return new MetricRow(modality, metric, target, value, percentile(v, 2.5), percentile(v, 97.5));
    }

    /** Percentile with linear interpolation between closest ranks (numpy's default). */
    static double percentile(final double[] sorted, final double pct) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        final double pos = pct / 100 * (sorted.length - 1);
        final int lo = (int)Math.floor(pos);
        final int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static int[][] resamples(final int n, final int resamples, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final int[][] r = new int[Math.max(0, resamples)][n];
        for (int[] rows : r) {
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
        }
        return r;
    }
}
