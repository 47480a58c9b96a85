package org.vavl.knime.nodes.evaluator;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vavl.core.metrics.BootstrapSettings;
import org.vavl.core.metrics.CategoricalScores;
import org.vavl.core.metrics.ConfusionMatrix;
import org.vavl.core.metrics.Evaluation;
import org.vavl.core.metrics.EvaluationCharts;
import org.vavl.core.metrics.EvaluationReport;
import org.vavl.core.metrics.MetricRow;
import org.vavl.core.train.Vocabulary;
import org.vavl.knime.nodes.common.SettingsNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;
import org.vavl.knime.nodes.port.AuxFormerNodes;

/**
 * Evaluator: the paper's metrics and more, for the audiovisual, audio-only and visual-only predictions side
 * by side; a metrics table, a confusion-matrix table, a view, and PNG charts plus an HTML report in a folder.
 */
final class EvaluatorNodeModel extends SettingsNodeModel {

    /** The AuxFormer Predictor's modalities (its outputs), in display order. */
    static final List<String> MODALITIES = Vocabulary.Output.labels();

    private static final String INTERNAL_CHARTS = "charts";

    private final SettingsModelString m_task = EvaluatorSettings.task();

    private final SettingsModelString m_truth = EvaluatorSettings.truthColumns();

    private final SettingsModelString m_predictions = EvaluatorSettings.predictionColumns();

    private final SettingsModelString m_missing = EvaluatorSettings.missingValues();

    private final SettingsModelString m_splitColumn = EvaluatorSettings.splitColumn();

    private final SettingsModelString m_split = EvaluatorSettings.evaluatedSplit();

    private final SettingsModelBoolean m_bootstrap = EvaluatorSettings.bootstrap();

    private final SettingsModelIntegerBounded m_resamples = EvaluatorSettings.resamples();

    private final SettingsModelIntegerBounded m_seed = EvaluatorSettings.seed();

    private final SettingsModelString m_reportFolder = EvaluatorSettings.reportFolder();

    private final SettingsModelString m_reportTitle = EvaluatorSettings.reportTitle();

    private final List<SettingsModel> m_all = List.of(m_task, m_truth, m_predictions, m_missing, m_splitColumn, m_split, m_bootstrap,
        m_resamples, m_seed, m_reportFolder, m_reportTitle);

    /** Charts of the last execution, for the view (title -> image). */
    private final Map<String, BufferedImage> m_charts = new LinkedHashMap<>();

    private final List<String> m_summary = new ArrayList<>();

    EvaluatorNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    /** What to compare: task, truth column(s), and per modality the prediction column(s). */
    record Plan(boolean categorical, List<String> truth, Map<String, List<String>> predictions) {
    }

    /**
     * The metrics table: one row per figure with its support (the clips it is computed on: of the class for a
     * per-class figure, else all evaluated clips) as an integer, and the interval columns only when bootstrap is on
     * (they would be empty otherwise). Support itself is this column, not a row of its own.
     */
    static DataTableSpec metricsSpec(final boolean intervals) {
        final List<DataColumnSpec> cols = new ArrayList<>(List.of(col("Modality", StringCell.TYPE),
            col("Metric", StringCell.TYPE), col("Class or attribute", StringCell.TYPE), col("Value", DoubleCell.TYPE)));
        if (intervals) {
            cols.add(col("95% CI lower", DoubleCell.TYPE));
            cols.add(col("95% CI upper", DoubleCell.TYPE));
        }
        cols.add(col("Support", LongCell.TYPE));
        return new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
    }

    private boolean intervals() {
        return m_bootstrap.getBooleanValue();
    }

    static DataTableSpec confusionSpec() {
        return new DataTableSpec(col("Modality", StringCell.TYPE), col("True class", StringCell.TYPE),
            col("Predicted class", StringCell.TYPE), col("Count", LongCell.TYPE),
            col("Share of true class", DoubleCell.TYPE));
    }

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        plan((DataTableSpec)inSpecs[0]);
        resolveReportFolder();
        return new PortObjectSpec[] {metricsSpec(intervals()), confusionSpec()};
    }

    /** Finds the columns to compare, or fails naming what is missing. */
    Plan plan(final DataTableSpec spec) throws InvalidSettingsException {
        final List<String> userPredictions = list(m_predictions.getStringValue());
        final List<String> userTruth = list(m_truth.getStringValue());
        String task = m_task.getStringValue();
        if (EvaluatorSettings.TASK_AUTO.equals(task)) {
            final boolean hasClasses = Arrays.stream(Vocabulary.Output.values())
                .anyMatch(o -> spec.containsName(Vocabulary.predictedClass(o)));
            if (!userPredictions.isEmpty()) {
                task = isStringColumn(spec, userPredictions.get(0)) ? EvaluatorSettings.TASK_CATEGORICAL
                    : EvaluatorSettings.TASK_DIMENSIONAL;
            } else {
                task = hasClasses ? EvaluatorSettings.TASK_CATEGORICAL : EvaluatorSettings.TASK_DIMENSIONAL;
            }
        }
        final boolean categorical = EvaluatorSettings.TASK_CATEGORICAL.equals(task);
        if (!categorical && !EvaluatorSettings.TASK_DIMENSIONAL.equals(task)) {
            throw new InvalidSettingsException("Unknown task '" + task + "': use auto, categorical or dimensional.");
        }
        final Map<String, List<String>> predictions = new LinkedHashMap<>();
        final List<String> truth;
        if (categorical) {
            truth = userTruth.isEmpty() ? List.of(defaultClassColumn(spec)) : userTruth;
            if (truth.size() != 1) {
                throw new InvalidSettingsException("A categorical evaluation takes one truth column, not " + truth + ".");
            }
            requireColumn(spec, truth.get(0), true);
            if (userPredictions.isEmpty()) {
                for (Vocabulary.Output m : Vocabulary.Output.values()) {
                    final String c = Vocabulary.predictedClass(m);
                    if (spec.containsName(c)) {
                        predictions.put(m.label(), List.of(c));
                    }
                }
                if (predictions.isEmpty()) {
                    throw new InvalidSettingsException("No prediction column found: the AuxFormer Predictor's columns '"
                        + Vocabulary.predictedClass(Vocabulary.Output.AUDIOVISUAL) + "' etc. are missing. Choose the"
                        + " prediction column(s) in the dialog.");
                }
            } else {
                for (String c : userPredictions) {
                    requireColumn(spec, c, true);
                    predictions.put(c, List.of(c));
                }
            }
        } else {
            if (userPredictions.isEmpty()) {
                final Set<String> attributes = new LinkedHashSet<>();
                for (String c : spec.getColumnNames()) {
                    for (Vocabulary.Output o : Vocabulary.Output.values()) {
                        Vocabulary.attributeOf(c, o).filter(a -> spec.containsName(a)
                            && (userTruth.isEmpty() || userTruth.contains(a))).ifPresent(attributes::add);
                    }
                }
                if (attributes.isEmpty()) {
                    throw new InvalidSettingsException("No prediction column found: expected the AuxFormer Predictor's "
                        + "'<attribute> (audiovisual)' columns next to truth columns of the same attribute name"
                        + " (e.g. 'arousal' and 'arousal (audiovisual)'). Choose the columns in the dialog.");
                }
                truth = new ArrayList<>(attributes);
                for (Vocabulary.Output m : Vocabulary.Output.values()) {
                    final List<String> cols = new ArrayList<>();
                    for (String a : truth) {
                        cols.add(Vocabulary.attribute(a, m));
                    }
                    if (cols.stream().allMatch(spec::containsName)) {
                        predictions.put(m.label(), cols);
                    }
                }
            } else {
                truth = userTruth;
                if (truth.size() != userPredictions.size()) {
                    throw new InvalidSettingsException("Give one prediction column per truth column: truth " + truth
                        + ", predictions " + userPredictions + ".");
                }
                predictions.put("prediction", userPredictions);
            }
            for (String c : truth) {
                requireColumn(spec, c, false);
            }
            for (List<String> cols : predictions.values()) {
                for (String c : cols) {
                    requireColumn(spec, c, false);
                }
            }
        }
        return new Plan(categorical, truth, predictions);
    }

    private static String defaultClassColumn(final DataTableSpec spec) throws InvalidSettingsException {
        if (spec.containsName("Emotion")) {
            return "Emotion";
        }
        throw new InvalidSettingsException("No truth column 'Emotion' in the input; choose the truth column in the "
            + "dialog. String columns: " + columnsOfKind(spec, true) + ".");
    }

    private static boolean isStringColumn(final DataTableSpec spec, final String name) {
        final DataColumnSpec c = spec.getColumnSpec(name);
        return c != null && c.getType().isCompatible(StringValue.class)
            && !c.getType().isCompatible(DoubleValue.class);
    }

    private static List<String> columnsOfKind(final DataTableSpec spec, final boolean strings) {
        final List<String> r = new ArrayList<>();
        for (int i = 0; i < spec.getNumColumns(); i++) {
            final DataType t = spec.getColumnSpec(i).getType();
            if (strings ? t.isCompatible(StringValue.class) : t.isCompatible(DoubleValue.class)) {
                r.add(spec.getColumnSpec(i).getName());
            }
        }
        return r;
    }

    private static void requireColumn(final DataTableSpec spec, final String name, final boolean string)
        throws InvalidSettingsException {
        final DataColumnSpec c = spec.getColumnSpec(name);
        if (c == null) {
            throw new InvalidSettingsException("Column '" + name + "' is not in the input table. Available "
                + (string ? "string" : "numeric") + " columns: " + columnsOfKind(spec, string) + ".");
        }
        final boolean ok = string ? c.getType().isCompatible(StringValue.class)
            : c.getType().isCompatible(DoubleValue.class);
        if (!ok) {
            throw new InvalidSettingsException("Column '" + name + "' must be " + (string ? "a string" : "a numeric")
                + " column, it is " + c.getType() + ".");
        }
    }

    private static List<String> list(final String s) {
        final List<String> r = new ArrayList<>();
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                r.add(p.trim());
            }
        }
        return r;
    }

    private Path resolveReportFolder() throws InvalidSettingsException {
        final String f = m_reportFolder.getStringValue();
        return f == null || f.isBlank() ? null : WorkflowPaths.resolveFolder(f, "report folder");
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable input = (BufferedDataTable)inObjects[0];
        final Plan plan = plan(input.getDataTableSpec());
        final BufferedDataTable table = rowsOfSplit(input, exec);
        final boolean skipMissing = EvaluatorSettings.MISSING_SKIP.equals(m_missing.getStringValue());
        final BootstrapSettings bootstrap = EvaluatorSettings.bootstrap(m_bootstrap, m_resamples, m_seed);
        final int resamples = bootstrap.drawn();
        final long seed = bootstrap.seed();
        exec.setMessage("Reading truth and predictions");
        final Evaluation evaluation = plan.categorical()
            ? categorical(table, plan, skipMissing, resamples, seed, exec)
            : dimensional(table, plan, skipMissing, resamples, seed, exec);
        exec.setProgress(0.6, "Writing tables");
        final boolean intervals = intervals();
        final BufferedDataContainer metrics = exec.createDataContainer(metricsSpec(intervals));
        long row = 0;
        for (MetricRow r : evaluation.rows()) {
            if (Evaluation.SUPPORT.equals(r.metric())) {
                continue; // the Support column of the class's rows
            }
            final List<DataCell> cells = new ArrayList<>(List.of(new StringCell(r.modality()),
                new StringCell(r.metric()), r.target() == null ? DataType.getMissingCell() : new StringCell(r.target()),
                number(r.value())));
            if (intervals) {
                cells.add(number(r.lower()));
                cells.add(number(r.upper()));
            }
            cells.add(new LongCell(evaluation.support(r)));
            metrics.addRowToTable(new DefaultRow("Row" + row++, cells.toArray(DataCell[]::new)));
        }
        metrics.close();
        final BufferedDataContainer confusion = exec.createDataContainer(confusionSpec());
        row = 0;
        for (Map.Entry<String, CategoricalScores> e : evaluation.categorical().entrySet()) {
            final ConfusionMatrix m = e.getValue().matrix();
            for (int t = 0; t < m.classes().size(); t++) {
                for (int p = 0; p < m.classes().size(); p++) {
                    confusion.addRowToTable(new DefaultRow("Row" + row++, new StringCell(e.getKey()),
                        new StringCell(m.classes().get(t)), new StringCell(m.classes().get(p)),
                        new LongCell(m.count(t, p)), number(m.rowNormalised(t, p))));
                }
            }
        }
        confusion.close();
        exec.setProgress(0.7, "Drawing charts");
        final BufferedDataTable historyTable = (BufferedDataTable)inObjects[1];
        final Map<String, double[]> history = historyTable == null ? null : history(historyTable);
        final int kept = historyTable == null ? 0 : keptEpoch(historyTable);
        m_charts.clear();
        final Map<String, JFreeChart> timelines = inObjects.length > 2 && inObjects[2] != null
            ? timelines((BufferedDataTable)inObjects[2], table) : Map.of();
        final Map<String, JFreeChart> charts = new LinkedHashMap<>(EvaluationCharts.all(evaluation, history, kept));
        charts.putAll(timelines);
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            m_charts.put(e.getValue().getTitle().getText(),
                e.getValue().createBufferedImage(EvaluationReport.WIDTH, EvaluationReport.HEIGHT));
        }
        final Map<String, String> provenance = provenance(table, evaluation, history, kept, resamples, seed);
        m_summary.clear();
        m_summary.addAll(EvaluationReport.summary(evaluation, provenance));
        final Path folder = resolveReportFolder();
        if (folder != null) {
            exec.setProgress(0.8, "Writing the report to " + folder);
            EvaluationReport.write(folder, m_reportTitle.getStringValue(), evaluation, history, kept, provenance,
                timelines);
        }
        if (!evaluation.warnings().isEmpty()) {
            setWarningMessage(String.join("\n", evaluation.warnings()));
        }
        return new PortObject[] {metrics.getTable(), confusion.getTable()};
    }

    /** The rows of the evaluated split, or all rows when no split is set or the table has no split column. */
    private BufferedDataTable rowsOfSplit(final BufferedDataTable table, final ExecutionContext exec)
        throws CanceledExecutionException {
        final String split = m_split.getStringValue();
        final int col = table.getDataTableSpec().findColumnIndex(m_splitColumn.getStringValue());
        if (split == null || split.isBlank() || col < 0) {
            return table;
        }
        final BufferedDataContainer c = exec.createDataContainer(table.getDataTableSpec());
        final Set<String> seen = new LinkedHashSet<>();
        for (DataRow r : table) {
            exec.checkCanceled();
            final DataCell cell = r.getCell(col);
            final String v = cell.isMissing() ? "" : cell.toString();
            seen.add(v);
            if (v.equals(split)) {
                c.addRowToTable(r);
            }
        }
        c.close();
        if (c.getTable().size() == 0) {
            throw new IllegalArgumentException("No row of split '" + split + "' in column '"
                + m_splitColumn.getStringValue() + "' (values there: " + seen
                + "). Set 'evaluated split' to one of them, or empty to evaluate every row.");
        }
        return c.getTable();
    }

    private static DataCell number(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    private Evaluation categorical(final BufferedDataTable table, final Plan plan, final boolean skipMissing,
        final int resamples, final long seed, final ExecutionMonitor exec) throws CanceledExecutionException {
        final DataTableSpec spec = table.getDataTableSpec();
        final String truthColumn = plan.truth().get(0);
        final int truthIndex = spec.findColumnIndex(truthColumn);
        final Map<String, Integer> predIndex = new LinkedHashMap<>();
        plan.predictions().forEach((m, cols) -> predIndex.put(m, spec.findColumnIndex(cols.get(0))));
        final List<String> truth = new ArrayList<>();
        final Map<String, List<String>> predictions = new LinkedHashMap<>();
        predIndex.keySet().forEach(m -> predictions.put(m, new ArrayList<>()));
        final List<String> skipped = new ArrayList<>();
        final List<String> classOrder = modelClassOrder(spec);
        final Map<String, int[]> probColumns = probabilityColumns(spec, classOrder, predIndex.keySet());
        final Map<String, List<double[]>> probabilities = new LinkedHashMap<>();
        probColumns.keySet().forEach(m -> probabilities.put(m, new ArrayList<>()));
        for (DataRow r : table) {
            exec.checkCanceled();
            final String missing = firstMissing(r, truthIndex, predIndex.values(), spec);
            if (missing != null) {
                if (!skipMissing) {
                    throw new IllegalArgumentException("Row '" + r.getKey() + "' has a missing value in column '"
                        + missing + "'. Set 'missing values' to 'skip rows' to leave such rows out.");
                }
                skipped.add(r.getKey().getString());
                continue;
            }
            truth.add(((StringValue)r.getCell(truthIndex)).getStringValue());
            predIndex.forEach((m, i) -> predictions.get(m).add(((StringValue)r.getCell(i)).getStringValue()));
            probColumns.forEach((m, cols) -> probabilities.get(m).add(values(r, cols)));
        }
        final Set<String> known = new LinkedHashSet<>(truth);
        known.addAll(classOrder);
        for (Map.Entry<String, List<String>> e : predictions.entrySet()) {
            final Set<String> unknown = new LinkedHashSet<>(e.getValue());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Truth column '" + truthColumn + "' and prediction column '"
                    + plan.predictions().get(e.getKey()).get(0) + "' use different class names: predicted but not in "
                    + "the truth " + unknown + "; truth classes " + new LinkedHashSet<>(truth)
                    + ". Map them to the same names (e.g. with KNIME's String Manipulation or Cell Replacer node).");
            }
        }
        final Evaluation e = Evaluation.categorical(truth, predictions, classOrder.isEmpty() ? null : classOrder,
            resamples, seed);
        return withSkipWarning(withProbabilityFigures(e, truth, classOrder, probabilities), skipped);
    }

    /**
     * Per modality the columns {@code P(<class>) (<modality>)} of every class in the model's order, for modalities
     * that have them all.
     */
    private static Map<String, int[]> probabilityColumns(final DataTableSpec spec, final List<String> classes,
        final Iterable<String> modalities) {
        final Map<String, int[]> m = new LinkedHashMap<>();
        if (classes.isEmpty()) {
            return m;
        }
        for (String modality : modalities) {
            final int[] cols = new int[classes.size()];
            boolean all = true;
            for (int c = 0; c < cols.length && all; c++) {
                cols[c] = spec.findColumnIndex(Vocabulary.probability(classes.get(c), modality));
                all = cols[c] >= 0 && spec.getColumnSpec(cols[c]).getType().isCompatible(DoubleValue.class);
            }
            if (all) {
                m.put(modality, cols);
            }
        }
        return m;
    }

    /** @return the row's values in the columns, or null when one is missing or not finite */
    private static double[] values(final DataRow r, final int[] cols) {
        final double[] v = new double[cols.length];
        for (int i = 0; i < cols.length; i++) {
            final DataCell c = r.getCell(cols[i]);
            v[i] = c.isMissing() ? Double.NaN : ((DoubleValue)c).getDoubleValue();
            if (!Double.isFinite(v[i])) {
                return null;
            }
        }
        return v;
    }

    /**
     * Adds what the Predictor's probabilities tell: per modality the calibration (ECE, Brier score, reliability), and
     * the voice's and the face's contributions per class when all three modalities are there.
     */
    private static Evaluation withProbabilityFigures(final Evaluation e, final List<String> truth,
        final List<String> classes, final Map<String, List<double[]>> probabilities) {
        if (probabilities.isEmpty()) {
            return e;
        }
        final Map<String, org.vavl.core.metrics.CalibrationScores> calibration = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> m : probabilities.entrySet()) {
            final List<double[]> rows = new ArrayList<>();
            final List<Integer> y = new ArrayList<>();
            for (int i = 0; i < truth.size(); i++) {
                final int c = classes.indexOf(truth.get(i));
                if (c >= 0 && m.getValue().get(i) != null) {
                    rows.add(m.getValue().get(i));
                    y.add(c);
                }
            }
            if (!rows.isEmpty()) {
                calibration.put(m.getKey(), org.vavl.core.metrics.CalibrationScores.of(rows,
                    y.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        Evaluation out = e.withCalibration(calibration);
        final List<double[]> av = probabilities.get(MODALITIES.get(0));
        final List<double[]> a = probabilities.get(MODALITIES.get(1));
        final List<double[]> v = probabilities.get(MODALITIES.get(2));
        if (av != null && a != null && v != null) {
            final List<double[]> av2 = new ArrayList<>();
            final List<double[]> a2 = new ArrayList<>();
            final List<double[]> v2 = new ArrayList<>();
            final List<Integer> y = new ArrayList<>();
            for (int i = 0; i < truth.size(); i++) {
                final int c = classes.indexOf(truth.get(i));
                if (c >= 0 && av.get(i) != null && a.get(i) != null && v.get(i) != null) {
                    av2.add(av.get(i));
                    a2.add(a.get(i));
                    v2.add(v.get(i));
                    y.add(c);
                }
            }
            out = out.withContributions(org.vavl.core.metrics.ModalityContributions.of(classes,
                y.stream().mapToInt(Integer::intValue).toArray(), av2, a2, v2));
        }
        return out;
    }

    /** Warns that rows were left out, naming the first ten. */
    private Evaluation withSkipWarning(final Evaluation e, final List<String> skipped) {
        if (!skipped.isEmpty()) {
            setWarningMessage(skipped.size() + " row(s) with missing or non-finite values were left out: "
                + String.join(", ", skipped.subList(0, Math.min(10, skipped.size())))
                + (skipped.size() > 10 ? ", ..." : "") + ".");
        }
        return e;
    }

    /** The class order of the model, from the Predictor's 'P(<class>) (audiovisual)' columns. */
    private static List<String> modelClassOrder(final DataTableSpec spec) {
        return Vocabulary.classesOf(spec.getColumnNames(), Vocabulary.Output.AUDIOVISUAL.label());
    }

    private static String firstMissing(final DataRow r, final int truthIndex, final Iterable<Integer> indices,
        final DataTableSpec spec) {
        if (r.getCell(truthIndex).isMissing()) {
            return spec.getColumnSpec(truthIndex).getName();
        }
        for (int i : indices) {
            if (r.getCell(i).isMissing()) {
                return spec.getColumnSpec(i).getName();
            }
        }
        return null;
    }

    private Evaluation dimensional(final BufferedDataTable table, final Plan plan, final boolean skipMissing,
        final int resamples, final long seed, final ExecutionMonitor exec) throws CanceledExecutionException {
        final DataTableSpec spec = table.getDataTableSpec();
        final List<Integer> all = new ArrayList<>();
        plan.truth().forEach(c -> all.add(spec.findColumnIndex(c)));
        plan.predictions().values().forEach(cols -> cols.forEach(c -> all.add(spec.findColumnIndex(c))));
        final List<double[]> rows = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        for (DataRow r : table) {
            exec.checkCanceled();
            final double[] v = new double[all.size()];
            String problem = null;
            for (int k = 0; k < v.length && problem == null; k++) {
                final DataCell cell = r.getCell(all.get(k));
                final String column = spec.getColumnSpec(all.get(k)).getName();
                if (cell.isMissing()) {
                    problem = "a missing value in column '" + column + "'";
                } else {
                    v[k] = ((DoubleValue)cell).getDoubleValue();
                    if (!Double.isFinite(v[k])) {
                        problem = "the value " + v[k] + " (not a finite number) in column '" + column + "'";
                    }
                }
            }
            if (problem != null) {
                if (!skipMissing) {
                    throw new IllegalArgumentException("Row '" + r.getKey() + "' has " + problem
                        + ". Set 'missing values' to 'skip rows' to leave such rows out.");
                }
                skipped.add(r.getKey().getString());
                continue;
            }
            rows.add(v);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No rows to evaluate: every row has a missing or non-finite value.");
        }
        final Map<String, double[]> truth = new LinkedHashMap<>();
        int k = 0;
        for (String a : plan.truth()) {
            truth.put(a, column(rows, k++));
        }
        final Map<String, Map<String, double[]>> predictions = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : plan.predictions().entrySet()) {
            final Map<String, double[]> perAttribute = new LinkedHashMap<>();
            for (String a : plan.truth()) {
                perAttribute.put(a, column(rows, k++));
            }
            predictions.put(e.getKey(), perAttribute);
        }
        return withSkipWarning(Evaluation.dimensional(truth, predictions, resamples, seed), skipped);
    }

    private static double[] column(final List<double[]> rows, final int k) {
        final double[] c = new double[rows.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = rows.get(i)[k];
        }
        return c;
    }

    /**
     * Training curves from the AuxFormer Learner's history table: every numeric column but the epoch number,
     * the seconds and the selection flag, one point per row.
     */
    static Map<String, double[]> history(final BufferedDataTable table) {
        final DataTableSpec spec = table.getDataTableSpec();
        final List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < spec.getNumColumns(); i++) {
            final DataColumnSpec c = spec.getColumnSpec(i);
            final String name = c.getName().toLowerCase(java.util.Locale.ROOT);
            if (c.getType().isCompatible(DoubleValue.class) && !name.equals("epoch") && !name.contains("second")
                && !name.contains("selected") && !c.getType().isCompatible(org.knime.core.data.BooleanValue.class)) {
                cols.add(i);
            }
        }
        final List<double[]> rows = new ArrayList<>();
        for (DataRow r : table) {
            final double[] v = new double[cols.size()];
            for (int k = 0; k < v.length; k++) {
                final DataCell cell = r.getCell(cols.get(k));
                v[k] = cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
            }
            rows.add(v);
        }
        final Map<String, double[]> h = new LinkedHashMap<>();
        for (int k = 0; k < cols.size(); k++) {
            final String name = spec.getColumnSpec(cols.get(k)).getName();
            // the Learner's history before 1.1 called its development loss (which picks the kept epoch) a criterion
            h.put("Development criterion".equals(name) ? "Development loss" : name, column(rows, k));
        }
        return h;
    }

    /** Timelines shown in the report: of the first clips of the evaluated rows. */
    static final int TIMELINES_IN_REPORT = 3;

    /**
     * The emotion-over-time charts of the first {@value #TIMELINES_IN_REPORT} evaluated clips (the AuxFormer
     * Predictor's second output: Clip, Window start (s), Window end (s), Modality, then P(class) columns).
     */
    private static Map<String, JFreeChart> timelines(final BufferedDataTable windows, final BufferedDataTable rows) {
        final DataTableSpec ws = windows.getDataTableSpec();
        final int clip = ws.findColumnIndex("Clip");
        final int start = ws.findColumnIndex("Window start (s)");
        final int end = ws.findColumnIndex("Window end (s)");
        final int modality = ws.findColumnIndex("Modality");
        final int clipOfRow = rows.getDataTableSpec().findColumnIndex("Clip");
        final Map<String, JFreeChart> charts = new LinkedHashMap<>();
        if (clip < 0 || start < 0 || end < 0 || modality < 0 || clipOfRow < 0) {
            return charts;
        }
        final List<String> labels = new ArrayList<>();
        final List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < ws.getNumColumns(); i++) {
            final java.util.Optional<String> cls = Vocabulary.classOfProbability(ws.getColumnSpec(i).getName());
            if (cls.isPresent()) {
                labels.add(cls.get());
                cols.add(i);
            }
        }
        final Set<String> wanted = new LinkedHashSet<>();
        for (DataRow r : rows) {
            if (wanted.size() < TIMELINES_IN_REPORT && !r.getCell(clipOfRow).isMissing()) {
                wanted.add(r.getCell(clipOfRow).toString());
            }
        }
        final List<org.vavl.core.train.EmotionTimeline.Window> list = new ArrayList<>();
        for (DataRow r : windows) {
            final String c = r.getCell(clip).toString();
            if (!wanted.contains(c)) {
                continue;
            }
            final float[] v = new float[cols.size()];
            for (int k = 0; k < v.length; k++) {
                final DataCell cell = r.getCell(cols.get(k));
                v[k] = cell.isMissing() ? Float.NaN : (float)((DoubleValue)cell).getDoubleValue();
            }
            list.add(new org.vavl.core.train.EmotionTimeline.Window(c, ((DoubleValue)r.getCell(start)).getDoubleValue(),
                ((DoubleValue)r.getCell(end)).getDoubleValue(), r.getCell(modality).toString(), v));
        }
        for (String c : wanted) {
            if (list.stream().anyMatch(w -> w.clip().equals(c))) {
                final String name = org.vavl.core.train.EmotionTimeline.imageName(c);
                charts.put(name.substring(0, name.length() - ".png".length()),
                    org.vavl.core.train.EmotionTimeline.chart(c, list, labels, org.vavl.core.model.Task.CATEGORICAL));
            }
        }
        return charts;
    }

    /** @return the epoch whose row of the Learner's history is marked selected (1-based), 0 when none is */
    static int keptEpoch(final BufferedDataTable history) {
        final DataTableSpec spec = history.getDataTableSpec();
        final int selected = spec.findColumnIndex("Selected");
        final int epoch = spec.findColumnIndex("Epoch");
        if (selected < 0 || epoch < 0) {
            return 0;
        }
        for (DataRow r : history) {
            final DataCell c = r.getCell(selected);
            if (!c.isMissing() && ((org.knime.core.data.BooleanValue)c).getBooleanValue()
                && !r.getCell(epoch).isMissing()) {
                return ((org.knime.core.data.IntValue)r.getCell(epoch)).getIntValue();
            }
        }
        return 0;
    }

    /** What produced the results, for the report's provenance block and the summary. */
    private Map<String, String> provenance(final BufferedDataTable table, final Evaluation evaluation,
        final Map<String, double[]> history, final int kept, final int resamples, final long seed) {
        final Map<String, String> p = new LinkedHashMap<>();
        final String split = m_split.getStringValue();
        final DataTableSpec spec = table.getDataTableSpec();
        final int speaker = spec.findColumnIndex("Speaker");
        String data = evaluation.clips() + " clips evaluated"
            + (split == null || split.isBlank() ? " (every row)" : " of split '" + split + "'");
        if (speaker >= 0) {
            final Set<String> speakers = new java.util.TreeSet<>();
            for (DataRow r : table) {
                if (!r.getCell(speaker).isMissing()) {
                    speakers.add(r.getCell(speaker).toString());
                }
            }
            data += ", " + speakers.size() + " speaker(s): " + String.join(", ", speakers);
        }
        p.put("Data", data);
        if (!evaluation.categorical().isEmpty()) {
            p.put("Classes", String.join(", ", evaluation.categorical().values().iterator().next().classes()));
        }
        for (String entry : AuxFormerNodes.PROVENANCE_ENTRIES) {
            try {
                p.put(entry, peekFlowVariableString(AuxFormerNodes.provenanceVariable(entry)));
            } catch (java.util.NoSuchElementException e) {
                // no AuxFormer Predictor upstream (or one of an older release): not known
            }
        }
        if (history != null && !history.isEmpty()) {
            final int epochs = history.values().iterator().next().length;
            p.put("Training", epochs + " epochs" + (kept > 0 ? "; the model kept epoch " + kept
                + " (best development loss)" : ""));
        }
        p.put("Intervals", resamples > 0 ? "95% percentile bootstrap, " + resamples + " resamples, seed " + seed
            : "none (bootstrap off)");
        final String version = EvaluatorNodeModel.class.getPackage().getImplementationVersion();
        p.put("Written", java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0)
            .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " by VAVL for KNIME "
            + (version == null ? "(development build)" : version));
        return p;
    }

    /** @return the headline summary of the last execution, for the view */
    List<String> summary() {
        return m_summary;
    }

    /** @return the charts of the last execution (title -> image), for the view */
    Map<String, BufferedImage> charts() {
        return m_charts;
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        m_charts.clear();
        m_summary.clear();
        final Path dir = nodeInternDir.toPath().resolve(INTERNAL_CHARTS);
        final Path index = dir.resolve("index.txt");
        if (!Files.exists(index)) {
            return;
        }
        if (Files.exists(dir.resolve("summary.txt"))) {
            m_summary.addAll(Files.readAllLines(dir.resolve("summary.txt"), StandardCharsets.UTF_8));
        }
        int i = 0;
        for (String title : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            final BufferedImage img = ImageIO.read(dir.resolve(i++ + ".png").toFile());
            if (img != null) {
                m_charts.put(title, img);
            }
        }
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        final Path dir = nodeInternDir.toPath().resolve(INTERNAL_CHARTS);
        Files.createDirectories(dir);
        int i = 0;
        for (BufferedImage img : m_charts.values()) {
            ImageIO.write(img, "png", dir.resolve(i++ + ".png").toFile());
        }
        Files.write(dir.resolve("index.txt"), m_charts.keySet(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("summary.txt"), m_summary, StandardCharsets.UTF_8);
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_all;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        final String task = ((SettingsModelString)EvaluatorSettings.task().createCloneWithValidatedValue(settings))
            .getStringValue();
        if (!List.of(EvaluatorSettings.TASK_AUTO, EvaluatorSettings.TASK_CATEGORICAL, EvaluatorSettings.TASK_DIMENSIONAL)
            .contains(task)) {
            throw new InvalidSettingsException("Setting 'task' is '" + task + "': use auto, categorical or dimensional.");
        }
    }

    @Override
    protected void reset() {
        m_charts.clear();
        m_summary.clear();
    }
}
