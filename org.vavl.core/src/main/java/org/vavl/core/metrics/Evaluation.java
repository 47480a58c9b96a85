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

    /** The per-class figure that is a count: the class's clips in the truth. */
    public static final String SUPPORT = "Support";

    /** Dimensional metrics per attribute, in table order. */
    public static final List<String> DIMENSIONAL_METRICS = List.of("CCC", "Pearson r", "RMSE", "MAE");

    private final List<MetricRow> m_rows;

    private final Map<String, CategoricalScores> m_categorical;

    private final List<String> m_warnings;

    private final List<Comparison> m_comparisons;

    private final int m_clips;

    private final int m_resamples;

    /** Headline figures: the first screen of the report and the console summary; compared between modalities. */
    public static final List<String> HEADLINE_CATEGORICAL = List.of("Accuracy", "UAR", "F1 macro");

    /**
     * A paired bootstrap comparison of two modalities on one figure: the difference {@code first - second} on all
     * clips and its 95% percentile interval over the same resamples.
     *
     * @param metric e.g. "UAR"
     * @param target the attribute for dimensional figures, else null
     */
    public record Comparison(String metric, String target, String first, String second, double difference,
        double lower, double upper) {

        /** @return true when the interval excludes 0: the data support a difference */
        public boolean supported() {
            return !Double.isNaN(lower) && (lower > 0 || upper < 0);
        }
    }

    private final Map<String, CalibrationScores> m_calibration;

    /**
     * @param calibration per modality how well its probabilities are calibrated
     * @return this evaluation with the calibration figures (rows "ECE" and "Brier score" per modality, no interval)
     */
    public Evaluation withCalibration(final Map<String, CalibrationScores> calibration) {
        final List<MetricRow> rows = new ArrayList<>(m_rows);
        calibration.forEach((m, c) -> {
            rows.add(new MetricRow(m, "ECE", null, c.ece(), Double.NaN, Double.NaN));
            rows.add(new MetricRow(m, "Brier score", null, c.brier(), Double.NaN, Double.NaN));
        });
        return new Evaluation(rows, m_categorical, m_warnings, m_comparisons, m_clips, m_resamples, calibration,
            m_contributions);
    }

    private final List<ModalityContributions.ClassContribution> m_contributions;

    /** @return this evaluation with the modality contributions per class (for the report) */
    public Evaluation withContributions(final List<ModalityContributions.ClassContribution> contributions) {
        return new Evaluation(m_rows, m_categorical, m_warnings, m_comparisons, m_clips, m_resamples, m_calibration,
            contributions);
    }

    /** @return the modality contributions per class; empty when the three modalities' probabilities were not given */
    public List<ModalityContributions.ClassContribution> contributions() {
        return m_contributions;
    }

    /** @return per modality its calibration figures; empty when the probabilities were not given */
    public Map<String, CalibrationScores> calibration() {
        return m_calibration;
    }

    private Evaluation(final List<MetricRow> rows, final Map<String, CategoricalScores> categorical,
        final List<String> warnings, final List<Comparison> comparisons, final int clips, final int resamples) {
        this(rows, categorical, warnings, comparisons, clips, resamples, Map.of(), List.of());
    }

    private Evaluation(final List<MetricRow> rows, final Map<String, CategoricalScores> categorical,
        final List<String> warnings, final List<Comparison> comparisons, final int clips, final int resamples,
        final Map<String, CalibrationScores> calibration,
        final List<ModalityContributions.ClassContribution> contributions) {
        m_calibration = Collections.unmodifiableMap(new LinkedHashMap<>(calibration));
        m_contributions = List.copyOf(contributions);
        m_rows = Collections.unmodifiableList(rows);
        m_categorical = Collections.unmodifiableMap(categorical);
        m_warnings = Collections.unmodifiableList(warnings);
        m_comparisons = Collections.unmodifiableList(comparisons);
        m_clips = clips;
        m_resamples = resamples;
    }

    /** @return the paired comparisons of every two modalities on the headline figures (empty without bootstrap) */
    public List<Comparison> comparisons() {
        return m_comparisons;
    }

    /**
     * @return the clips a figure is computed on, as scikit-learn's {@code support}: for a per-class figure the
     *         clips of that class in the truth, else every evaluated clip
     */
    public long support(final MetricRow r) {
        final CategoricalScores s = m_categorical.get(r.modality());
        if (s != null && r.target() != null) {
            final int c = s.classes().indexOf(r.target());
            if (c >= 0) {
                return s.support(c);
            }
        }
        return m_clips;
    }

    /** @return the number of clips evaluated */
    public int clips() {
        return m_clips;
    }

    /** @return bootstrap resamples, 0 when there are no intervals */
    public int resamples() {
        return m_resamples;
    }

    /**
     * @return the chance level of UAR and F1 macro: 1 / the number of classes in the truth (what a constant or a
     *         uniformly random guess scores); NaN when dimensional
     */
    public double chanceUar() {
        if (m_categorical.isEmpty()) {
            return Double.NaN;
        }
        final CategoricalScores any = m_categorical.values().iterator().next();
        int present = 0;
        for (int c = 0; c < any.classes().size(); c++) {
            present += any.support(c) > 0 ? 1 : 0;
        }
        return 1.0 / present;
    }

    /** @return the accuracy of always predicting the most frequent true class; NaN when dimensional */
    public double chanceAccuracy() {
        if (m_categorical.isEmpty()) {
            return Double.NaN;
        }
        final CategoricalScores any = m_categorical.values().iterator().next();
        long max = 0;
        for (int c = 0; c < any.classes().size(); c++) {
            max = Math.max(max, any.support(c));
        }
        return (double)max / m_clips;
    }

    /** @return the row of one figure, or null */
    public MetricRow row(final String modality, final String metric, final String target) {
        for (MetricRow r : m_rows) {
            if (r.modality().equals(modality) && r.metric().equals(metric)
                && java.util.Objects.equals(r.target(), target)) {
                return r;
            }
        }
        return null;
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
        final MetricRow r = row(modality, metric, target);
        return r == null ? Double.NaN : r.value();
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
        final Map<String, List<CategoricalScores>> resampledBy = new LinkedHashMap<>();
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
            resampledBy.put(modality, resampled);
            for (String metric : CATEGORICAL_METRICS) {
                final ToDoubleFunction<CategoricalScores> f = overall(metric);
                rows.add(row(modality, metric, null, f, full, resampled));
            }
            for (int c = 0; c < own.size(); c++) {
                final int cls = c;
                rows.add(row(modality, "Precision", own.get(c), x -> x.precision(cls), full, resampled));
                rows.add(row(modality, "Recall", own.get(c), x -> x.recall(cls), full, resampled));
                rows.add(row(modality, "F1", own.get(c), x -> x.f1(cls), full, resampled));
                rows.add(new MetricRow(modality, SUPPORT, own.get(c), full.support(c), Double.NaN, Double.NaN));
            }
        }
        final List<Comparison> comparisons = new ArrayList<>();
        for (String metric : HEADLINE_CATEGORICAL) {
            comparisons.addAll(compare(metric, null, scores, resampledBy, overall(metric)));
        }
        return new Evaluation(rows, scores, warnings, comparisons, truth.size(), Math.max(0, resamples));
    }

    /** Paired comparisons of every two modalities (in display order) on one figure. */
    private static <S> List<Comparison> compare(final String metric, final String target, final Map<String, S> full,
        final Map<String, List<S>> resampled, final ToDoubleFunction<S> f) {
        final List<Comparison> out = new ArrayList<>();
        final List<String> modalities = new ArrayList<>(full.keySet());
        for (int a = 0; a < modalities.size(); a++) {
            for (int b = a + 1; b < modalities.size(); b++) {
                final List<S> ra = resampled.get(modalities.get(a));
                final List<S> rb = resampled.get(modalities.get(b));
                if (ra.isEmpty()) {
                    continue;
                }
                final double[] d = new double[ra.size()];
                int n = 0;
                for (int i = 0; i < ra.size(); i++) {
                    final double v = f.applyAsDouble(ra.get(i)) - f.applyAsDouble(rb.get(i));
                    if (!Double.isNaN(v)) {
                        d[n++] = v;
                    }
                }
                final double[] sorted = java.util.Arrays.copyOf(d, n);
                java.util.Arrays.sort(sorted);
                out.add(new Comparison(metric, target, modalities.get(a), modalities.get(b),
                    f.applyAsDouble(full.get(modalities.get(a))) - f.applyAsDouble(full.get(modalities.get(b))),
                    percentile(sorted, 2.5), percentile(sorted, 97.5)));
            }
        }
        return out;
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
        final Map<String, Map<String, DimensionalScores>> fullBy = new LinkedHashMap<>();
        final Map<String, Map<String, List<DimensionalScores>>> resampledBy = new LinkedHashMap<>();
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
                fullBy.computeIfAbsent(attribute, x -> new LinkedHashMap<>()).put(modality, s);
                resampledBy.computeIfAbsent(attribute, x -> new LinkedHashMap<>()).put(modality, resampled);
                rows.add(row(modality, "CCC", attribute, DimensionalScores::ccc, s, resampled));
                rows.add(row(modality, "Pearson r", attribute, DimensionalScores::pearson, s, resampled));
                rows.add(row(modality, "RMSE", attribute, DimensionalScores::rmse, s, resampled));
                rows.add(row(modality, "MAE", attribute, DimensionalScores::mae, s, resampled));
            }
        }
        final List<Comparison> comparisons = new ArrayList<>();
        for (String attribute : truth.keySet()) {
            comparisons.addAll(compare("CCC", attribute, fullBy.get(attribute), resampledBy.get(attribute),
                DimensionalScores::ccc));
        }
        return new Evaluation(rows, Map.of(), warnings, comparisons, n, Math.max(0, resamples));
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
