package org.vavl.knime.nodes.learner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.BooleanCell.BooleanCellFactory;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vavl.core.features.FeatureRecord;
import org.vavl.core.labels.SpeakerSplits;
import org.vavl.core.model.Task;
import org.vavl.core.train.AuxFormerTrainer;
import org.vavl.core.train.EpochRecord;
import org.vavl.core.train.FeatureClip;
import org.vavl.core.train.Modality;
import org.vavl.core.train.TrainedAuxFormer;
import org.vavl.core.train.Vocabulary;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.OnError;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.ProgressBridge;
import org.vavl.knime.nodes.common.SettingsNodeModel;
import org.vavl.knime.nodes.port.AuxFormerModelFile;
import org.vavl.knime.nodes.port.AuxFormerNodes;
import org.vavl.knime.nodes.port.AuxFormerPortObject;
import org.vavl.knime.nodes.port.AuxFormerPortObjectSpec;
import org.vavl.knime.nodes.port.FeatureSource;

/**
 * AuxFormer Learner: trains the VAVL / AuxFormer model on a table of clips (feature sequence paths, label
 * column(s), split column) and outputs the model port and the training history.
 */
final class AuxFormerLearnerNodeModel extends SettingsNodeModel {

    static final String COL_EPOCH = "Epoch";

    static final String COL_VISUAL = "Loss (visual step)";

    static final String COL_AUDIO = "Loss (audio step)";

    static final String COL_FUSION = "Loss (fusion step)";

    static final String COL_JOINT = "Loss (joint)";

    /**
     * What selects the kept epoch, on the development clips' audiovisual predictions: the mean cross-entropy
     * (categorical), or the number of attributes minus the sum of their CCCs (dimensional); lower is better.
     * Called "Development criterion" before 1.1.
     */
    static final String COL_CRITERION = "Development loss";

    static final String COL_ACCURACY = "Development accuracy";

    static final String COL_CCC = "Development mean CCC";

    static final String COL_SECONDS = "Seconds";

    static final String COL_SELECTED = "Selected";

    private final AuxFormerLearnerSettings m_settings = new AuxFormerLearnerSettings();

    AuxFormerLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {AuxFormerPortObject.TYPE, BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        final DataTableSpec in = (DataTableSpec)inSpecs[0];
        FeatureSource.of(m_settings.m_features, in, true);
        requireString(in, m_settings.m_splitColumn.getStringValue(), "split column");
        final String modelFileSetting = m_settings.m_modelFile.getStringValue();
        AuxFormerModelFile.check(modelFileSetting);
        if (!modelFileSetting.isBlank() && (java.nio.file.Paths.get(modelFileSetting.trim()).isAbsolute()
            || org.vavl.knime.nodes.common.WorkflowPaths.workflowFolder() != null)) {
            // the model file's folder must be writable: known now, not after the training
            AuxFormerModelFile.checkWritable(AuxFormerModelFile.resolve(modelFileSetting), false);
        }
        final Task task = m_settings.task();
        AuxFormerPortObjectSpec modelSpec = null;
        if (task == Task.CATEGORICAL) {
            requireString(in, m_settings.m_classColumn.getStringValue(), "class column");
        } else {
            for (String a : m_settings.attributes()) {
                Columns.require(in, a, DoubleValue.class, "attribute columns");
            }
            // feature dims become known when the data is read: 0 until then
            modelSpec = new AuxFormerPortObjectSpec(task, m_settings.attributes(), 0, 0, m_settings.architecture(),
                TrainedAuxFormer.FORMAT_VERSION);
        }
        return new PortObjectSpec[] {modelSpec, historySpec(task, m_settings.architecture())};
    }

    private static void requireString(final DataTableSpec in, final String column, final String setting)
        throws InvalidSettingsException {
        Columns.require(in, column, StringValue.class, setting);
    }

    /**
     * The training history's columns; {@code Loss (joint)} only for the AuxFormer (2022), whose joint step VAVL
     * does not have (the column would be empty by construction).
     */
    static DataTableSpec historySpec(final Task task, final org.vavl.core.model.Architecture architecture) {
        final java.util.List<org.knime.core.data.DataColumnSpec> cols = new java.util.ArrayList<>();
        cols.add(new DataColumnSpecCreator(COL_EPOCH, IntCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(COL_VISUAL, DoubleCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(COL_AUDIO, DoubleCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(COL_FUSION, DoubleCell.TYPE).createSpec());
        if (hasJointLoss(architecture)) {
            cols.add(new DataColumnSpecCreator(COL_JOINT, DoubleCell.TYPE).createSpec());
        }
        cols.add(new DataColumnSpecCreator(COL_CRITERION, DoubleCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(task == Task.CATEGORICAL ? COL_ACCURACY : COL_CCC, DoubleCell.TYPE)
            .createSpec());
        cols.add(new DataColumnSpecCreator(COL_SECONDS, DoubleCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(COL_SELECTED, BooleanCell.TYPE).createSpec());
        return new DataTableSpec(cols.toArray(new org.knime.core.data.DataColumnSpec[0]));
    }

    private static boolean hasJointLoss(final org.vavl.core.model.Architecture architecture) {
        return architecture == org.vavl.core.model.Architecture.AUXFORMER_2022;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable table = (BufferedDataTable)inObjects[0];
        final DataTableSpec spec = table.getDataTableSpec();
        m_speakerNote = null;
        final Task task = m_settings.task();
        final OnError onError = m_settings.onError();
        final String trainValue = m_settings.m_trainValue.getStringValue();
        final String devValue = m_settings.m_devValue.getStringValue();
        final FeatureSource features = FeatureSource.of(m_settings.m_features, spec, true);
        final String modelFileSetting = m_settings.m_modelFile.getStringValue();
        final Path modelFile = modelFileSetting.isBlank() ? null : AuxFormerModelFile.resolve(modelFileSetting);
        if (modelFile != null) {
            AuxFormerModelFile.checkWritable(modelFile, true);
        }
        final int splitCol = spec.findColumnIndex(m_settings.m_splitColumn.getStringValue());
        final int classCol = spec.findColumnIndex(m_settings.m_classColumn.getStringValue());
        final List<String> attributes = m_settings.attributes();
        final int[] attrCols = attributes.stream().mapToInt(spec::findColumnIndex).toArray();

        // split values present, and class names: the distinct values of the training and development rows, sorted
        final Set<String> splits = new LinkedHashSet<>();
        final TreeSet<String> classes = new TreeSet<>();
        for (DataRow row : table) {
            final String split = AuxFormerNodes.string(row, splitCol);
            splits.add(String.valueOf(split));
            final String c = task == Task.CATEGORICAL ? AuxFormerNodes.string(row, classCol) : null;
            if (c != null && (Objects.equals(split, trainValue) || Objects.equals(split, devValue))) {
                classes.add(c);
            }
        }
        AuxFormerTrainer.checkSplits(splits, trainValue, devValue);
        checkSpeakers(table, splitCol, trainValue);
        final List<String> labels = task == Task.CATEGORICAL ? Vocabulary.classOrder(classes) : attributes;
        final Map<String, String> skipped = new LinkedHashMap<>();
        final List<FeatureClip> clips = new ArrayList<>();
        for (DataRow row : table) {
            exec.checkCanceled();
            final String split = AuxFormerNodes.string(row, splitCol);
            if (!Objects.equals(split, trainValue) && !Objects.equals(split, devValue)) {
                continue;
            }
            final String id = features.clipId(row);
            final String problem;
            final FeatureClip clip;
            if (task == Task.CATEGORICAL) {
                final String c = AuxFormerNodes.string(row, classCol);
                problem = c == null ? "Clip '" + id + "' has no value in the class column '"
                    + m_settings.m_classColumn.getStringValue() + "'." : null;
                clip = c == null ? null : FeatureClip.categorical(id, features.audio(row),
                    features.visual(row), labels.indexOf(c), split);
            } else {
                final float[] y = new float[attrCols.length];
                String missing = null;
                for (int k = 0; k < y.length; k++) {
                    final DataCell cell = row.getCell(attrCols[k]);
                    if (cell.isMissing() || Double.isNaN(((DoubleValue)cell).getDoubleValue())) {
                        missing = attributes.get(k);
                        break;
                    }
                    y[k] = (float)((DoubleValue)cell).getDoubleValue();
                }
                problem = missing == null ? null : "Clip '" + id + "' has no value in the attribute column '" + missing + "'.";
                clip = missing != null ? null : FeatureClip.dimensional(id, features.audio(row),
                    features.visual(row), y, split);
            }
            if (problem != null) {
                if (onError == OnError.FAIL) {
                    throw new ClipException(id, problem + " Fill it, filter the row out, or set 'on error' to skip.");
                }
                skipped.put(id, problem);
                continue;
            }
            clips.add(clip);
        }
        final Path audioFile = firstFile(clips, Modality.AUDIO);
        final FeatureRecord audioRecord = FeatureRecord.of(audioFile);
        final FeatureRecord visualRecord = FeatureRecord.of(firstFile(clips, Modality.VISUAL));
        final int maxAudioFrames = m_settings.maxAudioFrames(audioRecord.framesPerSecond(),
            audioFile == null ? "none found" : "'" + audioFile + "'");
        final AuxFormerTrainer.Result result;
        try {
            result = AuxFormerTrainer.train(clips, labels, m_settings.config(), task,
                m_settings.training(maxAudioFrames), trainValue, devValue, onError, ProgressBridge.of(exec));
        } catch (CancelledException e) {
            throw ProgressBridge.toKnime(e);
        }
        final TrainedAuxFormer model = withFeatureInfo(result.model(), audioRecord, visualRecord);
        skipped.putAll(result.skipped());
        final List<String> warnings = new ArrayList<>();
        if (m_speakerNote != null) {
            warnings.add(m_speakerNote);
        }
        if (!skipped.isEmpty()) {
            final Map.Entry<String, String> first = skipped.entrySet().iterator().next();
            warnings.add(skipped.size() + " clip(s) left out; first: " + first.getValue());
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        final org.vavl.core.model.Architecture architecture = m_settings.architecture();
        final BufferedDataContainer history = exec.createDataContainer(historySpec(task, architecture));
        for (EpochRecord r : result.history()) {
            final java.util.List<DataCell> cells = new java.util.ArrayList<>(java.util.List.of(new IntCell(r.epoch()),
                cell(r.visualLoss()), cell(r.audioLoss()), cell(r.fusionLoss())));
            if (hasJointLoss(architecture)) {
                cells.add(cell(r.jointLoss()));
            }
            cells.addAll(java.util.List.of(cell(r.devCriterion()), cell(r.devMetric()), cell(r.seconds()),
                BooleanCellFactory.create(r.selected())));
            history.addRowToTable(new DefaultRow("Epoch " + r.epoch(), cells.toArray(new DataCell[0])));
        }
        history.close();
        if (modelFile != null) {
            exec.setMessage("Writing the model file " + modelFile.getFileName());
            AuxFormerModelFile.write(model, modelFile);
        }
        return new PortObject[] {new AuxFormerPortObject(model), history.getTable()};
    }

    /** @return the feature file of the first clip that has one for the modality, or null */
    private static Path firstFile(final List<FeatureClip> clips, final Modality modality) {
        return clips.stream().map(c -> c.path(modality)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * The model with what its features were (encoder, values per frame, frame rate, as the feature files record
     * them) and the audio cut in seconds, for the Predictor and the Evaluator's provenance.
     */
    private TrainedAuxFormer withFeatureInfo(final TrainedAuxFormer model, final FeatureRecord audio,
        final FeatureRecord visual) {
        final Map<String, String> info = new LinkedHashMap<>(model.info());
        info.put(TrainedAuxFormer.AUDIO_FEATURES, audio.describe(model.config().audioDim()));
        info.put(TrainedAuxFormer.VISUAL_FEATURES, visual.describe(model.config().visualDim()));
        final double seconds = m_settings.m_maxAudioSeconds.getDoubleValue();
        if (seconds > 0) {
            info.put("Maximum audio duration (s)", Double.toString(seconds));
        }
        return model.withInfo(info);
    }

    /**
     * Refuses to train when a speaker is in the training split and in another split of the table (the model would
     * be selected or tested on voices and faces it learnt), unless the user allows it. Without the default speaker
     * column nothing is checked; a speaker column that the user named must exist.
     */
    private void checkSpeakers(final BufferedDataTable table, final int splitCol, final String trainValue)
        throws InvalidSettingsException {
        final String column = m_settings.m_speakerColumn.getStringValue();
        final int speakerCol = table.getDataTableSpec().findColumnIndex(column);
        if (speakerCol < 0) {
            if (column.equals(new AuxFormerLearnerSettings().m_speakerColumn.getStringValue())) {
                return; // the default column is absent: the label file has no speakers, nothing to check
            }
            throw new InvalidSettingsException("The speaker column '" + column + "' (setting 'speaker column') is not"
                + " in the input table: choose the column naming each clip's speaker, or 'Speaker'.");
        }
        final List<String> speakers = new ArrayList<>();
        final List<String> splits = new ArrayList<>();
        for (DataRow row : table) {
            speakers.add(AuxFormerNodes.string(row, speakerCol));
            splits.add(AuxFormerNodes.string(row, splitCol));
        }
        final Map<String, Set<String>> shared = SpeakerSplits.sharedWithTraining(speakers, splits, trainValue);
        if (shared.isEmpty()) {
            return;
        }
        final List<String> named = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : shared.entrySet()) {
            if (named.size() == 5) {
                named.add("and " + (shared.size() - 5) + " more");
                break;
            }
            named.add(e.getKey() + " (" + String.join(", ", e.getValue()) + ")");
        }
        final String what = shared.size() + " speaker(s) appear in the training split '" + trainValue
            + "' and in another split: " + String.join("; ", named) + ".";
        if (m_settings.m_allowSharedSpeakers.getBooleanValue()) {
            m_speakerNote = what + " Allowed by 'allow speakers in several splits': results on those splits are not"
                + " speaker-independent.";
            return;
        }
        throw new InvalidSettingsException(what + " The model would be chosen and tested on voices and faces it was"
            + " trained on, which inflates its results. Use speaker-independent splits (Emotion Label Joiner: "
            + "'speaker-independent splits'), or tick 'allow speakers in several splits' if this is intended.");
    }

    private static DataCell cell(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    /** What the speaker check found that the user should know (set during execute), or null. */
    private String m_speakerNote;

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_settings.all();
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        super.saveSettingsTo(settings);
        m_settings.saveAddedLaterTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        final AuxFormerLearnerSettings t = new AuxFormerLearnerSettings();
        t.loadFrom(settings);
        t.check();
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.loadFrom(settings);
    }
}
