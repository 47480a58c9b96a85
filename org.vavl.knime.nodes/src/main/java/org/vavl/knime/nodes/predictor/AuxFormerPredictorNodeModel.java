package org.vavl.knime.nodes.predictor;

import org.vavl.core.train.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vavl.core.model.Task;
import org.vavl.core.train.AuxFormerPredictor;
import org.vavl.core.train.Calibration;
import org.vavl.core.train.AuxFormerPredictor.ClipPrediction;
import org.vavl.core.train.FeatureClip;
import org.vavl.core.train.Losses;
import org.vavl.core.train.TrainedAuxFormer;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.OnError;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.ProgressBridge;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.common.SettingsNodeModel;
import org.vavl.knime.nodes.port.AuxFormerModelFile;
import org.vavl.knime.nodes.port.AuxFormerPortObject;
import org.vavl.knime.nodes.port.AuxFormerPortObjectSpec;
import org.vavl.knime.nodes.port.FeatureSource;
import org.vavl.core.train.EmotionTimeline;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.data.def.DefaultRow;
import org.vavl.knime.nodes.common.WorkflowPaths;
import org.vavl.knime.nodes.port.AuxFormerNodes;

/**
 * AuxFormer Predictor: appends the predictions of a trained AuxFormer for each clip, from both modalities and
 * from each one alone, plus the input used and an error column.
 */
final class AuxFormerPredictorNodeModel extends SettingsNodeModel {


    static final String COL_INPUT_USED = "Input used";

    /** The audiovisual prediction's calibrated probability: how often such a prediction is right. */
    static final String COL_CONFIDENCE = Vocabulary.confidence(Vocabulary.Output.AUDIOVISUAL);

    static final String COL_ERROR = "Prediction error";

    static final String NO_MODEL = "No AuxFormer model: connect the model output of an AuxFormer Learner to the "
        + "model port, or set 'model file' to a " + AuxFormerModelFile.EXTENSION
        + " file written by an AuxFormer Learner.";


    private final FeatureSource.Settings m_features = new FeatureSource.Settings();

    private final SettingsModelIntegerBounded m_batchSize = createBatchSize();

    private final SettingsModelIntegerBounded m_threads = CommonSettings.threads();

    private final SettingsModelString m_device = CommonSettings.device();

    private final SettingsModelString m_onError = CommonSettings.onError();

    /** Used when no model is connected; loaded leniently (older settings lack it). */
    private final SettingsModelString m_modelFile = createModelFile();

    /** The model last read from the model file (read again only when the file changes). */
    private final AuxFormerModelFile.Cache m_fileModel = new AuxFormerModelFile.Cache();

    private final TimelineSettings m_timeline = new TimelineSettings();

    static SettingsModelString createModelFile() {
        return AuxFormerModelFile.createSetting();
    }

    static SettingsModelIntegerBounded createBatchSize() {
        return SettingModels.integer(AuxFormerPredictor.BATCH_SIZE);
    }


    AuxFormerPredictorNodeModel() {
        super(new PortType[] {AuxFormerPortObject.TYPE_OPTIONAL, BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    /** The settings saved, validated and loaded together; the model file is loaded leniently after them. */
    @Override
    protected List<SettingsModel> settingsModels() {
        final List<SettingsModel> all = new ArrayList<>(m_features.all());
        all.addAll(List.of(m_batchSize, m_threads, m_device, m_onError));
        all.addAll(m_timeline.all());
        return all;
    }

    @Override
    protected Map<SettingsModel, String> settingsAddedLater() {
        return m_timeline.withKeys();
    }

    /** The second output's columns: one row per clip, window and modality. */
    static DataTableSpec timelineSpec(final AuxFormerPortObjectSpec model) {
        final List<DataColumnSpec> cols = new ArrayList<>(List.of(
            new DataColumnSpecCreator("Clip", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Window start (s)", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Window end (s)", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Modality", StringCell.TYPE).createSpec()));
        if (model.task() == Task.CATEGORICAL) {
            cols.add(new DataColumnSpecCreator(Vocabulary.predictedClass(), StringCell.TYPE).createSpec());
            for (String c : model.labels()) {
                cols.add(new DataColumnSpecCreator(Vocabulary.probability(c), DoubleCell.TYPE).createSpec());
            }
        } else {
            for (String a : model.labels()) {
                cols.add(new DataColumnSpecCreator(a, DoubleCell.TYPE).createSpec());
            }
        }
        return new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
    }

    /** Checks the timeline settings against the input table; the duration column must be numeric. */
    private void checkTimeline(final DataTableSpec in) throws InvalidSettingsException {
        if (!m_timeline.m_enabled.getBooleanValue()) {
            return;
        }
        final String col = m_timeline.m_durationColumn.getStringValue();
        final DataColumnSpec c = in.getColumnSpec(col);
        if (c == null || !c.getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("Setting 'duration column': the input has no numeric column '" + col
                + "' with each clip's duration in seconds (the Video Reader's 'Duration (s)'); emotion over time needs"
                + " it to find each window's frames.");
        }
    }

    /** @return the appended columns for a model */
    static DataColumnSpec[] newColumns(final AuxFormerPortObjectSpec model) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (Vocabulary.Output m : Vocabulary.Output.values()) {
            if (model.task() == Task.CATEGORICAL) {
                cols.add(new DataColumnSpecCreator(Vocabulary.predictedClass(m), StringCell.TYPE).createSpec());
                for (String c : model.labels()) {
                    cols.add(new DataColumnSpecCreator(Vocabulary.probability(c, m), DoubleCell.TYPE).createSpec());
                }
                if (m == Vocabulary.Output.AUDIOVISUAL) {
                    cols.add(new DataColumnSpecCreator(COL_CONFIDENCE, DoubleCell.TYPE).createSpec());
                }
            } else {
                for (String a : model.labels()) {
                    cols.add(new DataColumnSpecCreator(Vocabulary.attribute(a, m), DoubleCell.TYPE).createSpec());
                }
            }
        }
        cols.add(new DataColumnSpecCreator(COL_INPUT_USED, StringCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(COL_ERROR, StringCell.TYPE).createSpec());
        return cols.toArray(new DataColumnSpec[0]);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = (DataTableSpec)inSpecs[1];
        FeatureSource.of(m_features, in, false);
        onError();
        CommonSettings.device(m_device);
        checkTimeline(in);
        AuxFormerPortObjectSpec model = (AuxFormerPortObjectSpec)inSpecs[0];
        if (model == null) {
            // no model spec: the port is not connected, or its model is not known before execution (a Learner)
            final Path file = modelFile();
            if (file == null) {
                setWarningMessage(NO_MODEL);
                return new PortObjectSpec[] {null, null};
            }
            model = AuxFormerPortObjectSpec.of(m_fileModel.get(file));
        }
        if (model.formatVersion() != TrainedAuxFormer.FORMAT_VERSION) {
            throw new InvalidSettingsException("The AuxFormer model was written in model format version "
                + model.formatVersion() + ", but this release of VAVL for KNIME reads format version "
                + TrainedAuxFormer.FORMAT_VERSION + " only. Train the model again with this release.");
        }
        return new PortObjectSpec[] {outSpec(in, model), timelineSpec(model)};
    }

    private static DataTableSpec outSpec(final DataTableSpec in, final AuxFormerPortObjectSpec model)
        throws InvalidSettingsException {
        final DataColumnSpec[] add = newColumns(model);
        for (DataColumnSpec c : add) {
            if (in.containsName(c.getName())) {
                throw new InvalidSettingsException("The input table already has a column '" + c.getName()
                    + "' (from an earlier prediction?). Remove it first, e.g. with a Column Filter.");
            }
        }
        return new DataTableSpec(in, new DataTableSpec(add));
    }

    /** @return the model file, or null when the setting is empty */
    private Path modelFile() throws InvalidSettingsException {
        final String v = m_modelFile.getStringValue();
        return v.isBlank() ? null : AuxFormerModelFile.resolve(v);
    }

    private OnError onError() throws InvalidSettingsException {
        return CommonSettings.onError(m_onError);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final AuxFormerPortObject port = (AuxFormerPortObject)inObjects[0];
        final BufferedDataTable table = (BufferedDataTable)inObjects[1];
        final DataTableSpec spec = table.getDataTableSpec();
        final TrainedAuxFormer model;
        if (port != null) {
            model = port.model();
        } else {
            final Path file = modelFile();
            if (file == null) {
                throw new InvalidSettingsException(NO_MODEL);
            }
            model = m_fileModel.get(file);
        }
        final AuxFormerPortObjectSpec modelSpec = AuxFormerPortObjectSpec.of(model);
        // what the model is and was trained on, for the Evaluator's report
        model.provenance().forEach((k, v) -> pushFlowVariableString(AuxFormerNodes.provenanceVariable(k), v));
        outSpec(spec, modelSpec); // fails clearly when an output column name is taken
        final FeatureSource features = FeatureSource.of(m_features, spec, false);
        final List<FeatureClip> clips = new ArrayList<>();
        final List<RowKey> keys = new ArrayList<>();
        for (DataRow row : table) {
            exec.checkCanceled();
            clips.add(FeatureClip.unlabelled(features.clipId(row), features.audio(row), features.visual(row)));
            keys.add(row.getKey());
        }
        checkTimeline(spec);
        final boolean timeline = m_timeline.m_enabled.getBooleanValue();
        final List<ClipPrediction> predictions;
        List<EmotionTimeline.Window> windows = List.of();
        final ExecutionContext predictExec = exec.createSubExecutionContext(timeline ? 0.5 : 0.9);
        try (AuxFormerPredictor predictor = AuxFormerPredictor.open(model, m_device.getStringValue())) {
            predictions = predictor.predict(clips, m_batchSize.getIntValue(), CommonSettings.threads(m_threads), onError(),
                ProgressBridge.of(predictExec));
            if (timeline) {
                windows = EmotionTimeline.predict(predictor, clips, durations(table),
                    m_timeline.m_window.getDoubleValue(), m_timeline.m_hop.getDoubleValue(), m_batchSize.getIntValue(),
                    CommonSettings.threads(m_threads), ProgressBridge.of(exec.createSubExecutionContext(0.35)));
            }
        } catch (CancelledException e) {
            throw ProgressBridge.toKnime(e);
        }
        final Map<RowKey, ClipPrediction> byRow = new HashMap<>();
        int failed = 0;
        String firstError = null;
        for (int i = 0; i < keys.size(); i++) {
            final ClipPrediction p = predictions.get(i);
            byRow.put(keys.get(i), p);
            if (!p.ok()) {
                failed++;
                firstError = firstError == null ? p.error() : firstError;
            }
        }
        final List<String> warnings = new ArrayList<>();
        if (model.task() == Task.CATEGORICAL && !Calibration.isCalibrated(model)) {
            warnings.add("The model has no temperatures (it was written before calibration existed): its probabilities"
                + " are the raw softmax, often over-confident. Train it again to calibrate them.");
        }
        if (failed > 0) {
            warnings.add(failed + " clip(s) could not be predicted; first: " + firstError);
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        final DataColumnSpec[] add = newColumns(modelSpec);
        final ColumnRearranger r = new ColumnRearranger(spec);
        r.append(new AbstractCellFactory(add) {
            @Override
            public DataCell[] getCells(final DataRow row) {
                return cells(byRow.get(row.getKey()), modelSpec, add.length);
            }
        });
        final BufferedDataTable out = exec.createColumnRearrangeTable(table, r, exec.createSubProgress(0.1));
        final BufferedDataTable over = timelineTable(windows, modelSpec, exec);
        if (timeline && m_timeline.m_images.getIntValue() > 0 && !windows.isEmpty()) {
            writeTimelineImages(windows, model, clips);
        }
        return new PortObject[] {out, over};
    }

    /** @return per row its clip's duration from the duration column (NaN when missing) */
    private double[] durations(final BufferedDataTable table) {
        final int col = table.getDataTableSpec().findColumnIndex(m_timeline.m_durationColumn.getStringValue());
        final double[] d = new double[(int)table.size()];
        int i = 0;
        for (DataRow row : table) {
            final DataCell c = row.getCell(col);
            d[i++] = c.isMissing() ? Double.NaN : ((DoubleValue)c).getDoubleValue();
        }
        return d;
    }

    private static BufferedDataTable timelineTable(final List<EmotionTimeline.Window> windows,
        final AuxFormerPortObjectSpec model, final ExecutionContext exec) {
        final BufferedDataContainer c = exec.createDataContainer(timelineSpec(model));
        long row = 0;
        for (EmotionTimeline.Window w : windows) {
            final List<DataCell> cells = new ArrayList<>(List.of(new StringCell(w.clip()), new DoubleCell(w.start()),
                new DoubleCell(w.end()), new StringCell(w.modality())));
            if (model.task() == Task.CATEGORICAL) {
                cells.add(new StringCell(model.labels().get(Losses.argmax(w.values()))));
            }
            for (float v : w.values()) {
                cells.add(new DoubleCell(v));
            }
            c.addRowToTable(new DefaultRow("Row" + row++, cells));
        }
        c.close();
        return c.getTable();
    }

    /** One PNG per clip for the first clips, in the timeline folder; each written whole or not at all. */
    private void writeTimelineImages(final List<EmotionTimeline.Window> windows, final TrainedAuxFormer model,
        final List<FeatureClip> clips) throws InvalidSettingsException, java.io.IOException {
        final Path folder = WorkflowPaths.prepareOutputFolder(m_timeline.m_folder.getStringValue(), "timeline folder");
        final java.util.Set<String> done = new java.util.LinkedHashSet<>();
        for (FeatureClip clip : clips) {
            if (done.size() >= m_timeline.m_images.getIntValue()) {
                break;
            }
            if (!done.add(clip.id()) || windows.stream().noneMatch(w -> w.clip().equals(clip.id()))) {
                continue;
            }
            final Path png = folder.resolve(EmotionTimeline.imageName(clip.id()));
            org.vavl.core.util.AtomicFiles.write(png, part -> org.jfree.chart.ChartUtils.saveChartAsPNG(part.toFile(),
                EmotionTimeline.chart(clip.id(), windows, model.labelNames(), model.task()), 800, 400));
        }
    }

    static DataCell[] cells(final ClipPrediction p, final AuxFormerPortObjectSpec model, final int n) {
        final DataCell[] cells = new DataCell[n];
        final DataCell missing = DataType.getMissingCell();
        int k = 0;
        final float[][] outs = p == null ? new float[3][] : new float[][] {p.audiovisual(), p.audioOnly(), p.visualOnly()};
        for (int m = 0; m < outs.length; m++) {
            final float[] o = outs[m];
            if (model.task() == Task.CATEGORICAL) {
                cells[k++] = o == null ? missing : new StringCell(model.labels().get(Losses.argmax(o)));
            }
            for (int j = 0; j < model.labels().size(); j++) {
                cells[k++] = o == null ? missing : new DoubleCell(o[j]);
            }
            if (model.task() == Task.CATEGORICAL && m == 0) {
                cells[k++] = o == null ? missing : new DoubleCell(o[Losses.argmax(o)]);
            }
        }
        cells[k++] = p == null || p.inputUsed() == null ? missing : new StringCell(p.inputUsed().label());
        cells[k] = p == null ? new StringCell("No prediction for this row.")
            : p.error() == null ? missing : new StringCell(p.error());
        return cells;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        super.saveSettingsTo(settings);
        m_modelFile.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        CommonSettings.onError(loaded(CommonSettings.onError(), settings));
        CommonSettings.device(loaded(CommonSettings.device(), settings));
        AuxFormerModelFile.validate(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.loadValidatedSettingsFrom(settings);
        AuxFormerModelFile.load(m_modelFile, settings);
    }
}
