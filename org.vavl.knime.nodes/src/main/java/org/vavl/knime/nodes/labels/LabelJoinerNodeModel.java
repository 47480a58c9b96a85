package org.vavl.knime.nodes.labels;

import java.io.IOException;
import java.nio.file.Files;
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
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.labels.ClipLabel;
import org.vavl.core.labels.GenericColumns;
import org.vavl.core.labels.LabelFiles;
import org.vavl.core.labels.LabelFormat;
import org.vavl.core.labels.LabelSet;
import org.vavl.core.labels.MspOptions;
import org.vavl.core.labels.SpeakerSplitSettings;
import org.vavl.core.labels.SpeakerSplits;
import org.vavl.core.settings.Setting;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.RecordModels;
import org.vavl.knime.nodes.common.SettingsNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Emotion Label Joiner: joins a corpus's labels and splits (a shipped VAVL partition or a label file) to a clip
 * table by clip id, and lists what did not match in a second table.
 */
final class LabelJoinerNodeModel extends SettingsNodeModel {

    static final String SPLIT = "Split";

    static final String SPEAKER = "Speaker";

    static final String GENDER = "Gender";

    static final String UNMATCHED_KIND = "Unmatched";

    static final String CLIP_WITHOUT_LABELS = "clip without label row";

    static final String LABELS_WITHOUT_CLIP = "label row without clip";

    private final SettingsModelString m_clipColumn = LabelJoinerSettings.clipColumn();

    private final SettingsModelString m_source = LabelJoinerSettings.source();

    private final SettingsModelString m_corpus = LabelJoinerSettings.corpus();

    private final SettingsModelIntegerBounded m_partition = LabelJoinerSettings.partition();

    private final SettingsModelString m_file = LabelJoinerSettings.labelFile();

    private final SettingsModelString m_format = LabelJoinerSettings.fileFormat();

    private final SettingsModelString m_id = LabelJoinerSettings.idColumn();

    private final SettingsModelString m_labels = LabelJoinerSettings.labelColumns();

    private final SettingsModelString m_split = LabelJoinerSettings.splitColumn();

    private final SettingsModelString m_speaker = LabelJoinerSettings.speakerColumn();

    private final SettingsModelString m_gender = LabelJoinerSettings.genderColumn();

    private final RecordModels<MspOptions> m_msp = LabelJoinerSettings.msp();

    private final SettingsModelBoolean m_drop = LabelJoinerSettings.dropUnlabelled();

    private final RecordModels<SpeakerSplitSettings> m_splits = LabelJoinerSettings.speakerSplits();

    /** The settings models, in the order they are saved. */
    private final List<SettingsModel> m_all = concat(List.of(m_clipColumn, m_source, m_corpus, m_partition, m_file,
        m_format, m_id, m_labels, m_split, m_speaker, m_gender), m_msp.models(), List.of(m_drop), m_splits.models());

    /**
     * The labels read for the current settings (and file time), reused between configure and execute; a reset keeps
     * it: its key holds the settings and the file's time and size.
     */
    private LabelSet m_cache;

    private String m_cacheKey;

    LabelJoinerNodeModel() {
        super(1, 2);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = inSpecs[0];
        Columns.require(in, m_clipColumn.getStringValue(), StringValue.class, "Clip id column");
        final LabelSet labels = labels();
        return new DataTableSpec[] {joinedSpec(in, labels), unmatchedSpec()};
    }

    /** Reads (or reuses) the label set of the current settings; errors name the setting or the file. */
    LabelSet labels() throws InvalidSettingsException {
        final MspOptions msp = m_msp.record();
        final SpeakerSplitSettings splits = m_splits.record();
        final boolean shipped = LabelJoinerSettings.SOURCE_SHIPPED.equals(m_source.getStringValue());
        if (!shipped && !LabelJoinerSettings.SOURCE_FILE.equals(m_source.getStringValue())) {
            throw new InvalidSettingsException("Unknown label source '" + m_source.getStringValue() + "': use '"
                + LabelJoinerSettings.SOURCE_SHIPPED + "' or '" + LabelJoinerSettings.SOURCE_FILE + "'.");
        }
        final LabelFormat format = format(shipped ? m_corpus : m_format);
        final Path file = shipped ? null : WorkflowPaths.resolveFile(m_file.getStringValue(), "Label file");
        final GenericColumns generic = new GenericColumns(m_id.getStringValue().trim(),
            GenericColumns.parseList(m_labels.getStringValue()), m_split.getStringValue(),
            m_speaker.getStringValue(), m_gender.getStringValue());
        String key = shipped + "|" + format + "|" + m_partition.getIntValue() + "|" + msp + "|" + generic + "|"
            + splits;
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidSettingsException("Label file " + file + " does not exist. Check the setting "
                    + "'Label file' (absolute, or relative to the workflow folder).");
            }
            try {
                key += "|" + file + "|" + Files.getLastModifiedTime(file) + "|" + Files.size(file);
            } catch (IOException e) {
                throw new InvalidSettingsException("Cannot read label file " + file + ": " + e.getMessage(), e);
            }
        }
        if (key.equals(m_cacheKey)) {
            return m_cache;
        }
        LabelSet labels;
        try {
            if (shipped) {
                if (format == LabelFormat.GENERIC) {
                    throw new InvalidSettingsException("Shipped partitions exist for CREMA-D and MSP-IMPROV only.");
                }
                labels = LabelFiles.shipped(format, m_partition.getIntValue(), msp);
            } else {
                labels = LabelFiles.read(file, format, msp, generic);
            }
            // a speaker for every clip where the file has none but the corpus's clip ids name it
            labels = SpeakerSplits.withDerivedSpeakers(labels);
            labels = splits.apply(labels);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingsException((splits.assign() ? "Setting '" + SpeakerSplitSettings.ASSIGN.key()
                + "': " : "") + e.getMessage(), e);
        }
        m_cache = labels;
        m_cacheKey = key;
        return labels;
    }

    private static LabelFormat format(final SettingsModelString s) throws InvalidSettingsException {
        return CommonSettings.parse(s, LabelFormat::fromSetting);
    }

    /** The added columns: labels, then Split, Speaker, Gender (always for the corpora, as set for generic). */
    private static List<DataColumnSpec> addedColumns(final DataTableSpec in, final LabelSet labels) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        final List<String> taken = new ArrayList<>(List.of(in.getColumnNames()));
        for (int i = 0; i < labels.columns().size(); i++) {
            cols.add(col(taken, labels.columns().get(i),
                labels.types().get(i) == LabelSet.Type.DOUBLE ? DoubleCell.TYPE : StringCell.TYPE));
        }
        final boolean corpus = labels.format() != LabelFormat.GENERIC;
        if (corpus || labels.hasSplit()) {
            cols.add(col(taken, SPLIT, StringCell.TYPE));
        }
        if (corpus || labels.hasSpeaker()) {
            cols.add(col(taken, SPEAKER, StringCell.TYPE));
        }
        if (corpus || labels.hasGender()) {
            cols.add(col(taken, GENDER, StringCell.TYPE));
        }
        return cols;
    }

    private static DataColumnSpec col(final List<String> taken, final String name, final DataType type) {
        String n = name;
        int i = 2;
        while (taken.contains(n)) {
            n = name + " (#" + i++ + ")";
        }
        taken.add(n);
        return new DataColumnSpecCreator(n, type).createSpec();
    }

    static DataTableSpec joinedSpec(final DataTableSpec in, final LabelSet labels) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < in.getNumColumns(); i++) {
            cols.add(in.getColumnSpec(i));
        }
        cols.addAll(addedColumns(in, labels));
        return new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
    }

    static DataTableSpec unmatchedSpec() {
        return new DataTableSpec(new DataColumnSpecCreator(UNMATCHED_KIND, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Clip", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Row ID", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Label file line", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Label source", StringCell.TYPE).createSpec());
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable table = inData[0];
        final DataTableSpec in = table.getDataTableSpec();
        final int clipIndex = Columns.require(in, m_clipColumn.getStringValue(), StringValue.class,
            "Clip id column");
        final LabelSet labels = labels();
        final List<String> ids = new ArrayList<>();
        final List<String> rowIds = new ArrayList<>();
        for (DataRow row : table) {
            final DataCell c = row.getCell(clipIndex);
            ids.add(c.isMissing() ? null : ((StringValue)c).getStringValue());
            rowIds.add(row.getKey().getString());
        }
        final LabelSet.Join join = labels.join(ids);
        final DataTableSpec outSpec = joinedSpec(in, labels);
        final boolean corpus = labels.format() != LabelFormat.GENERIC;
        final BufferedDataContainer out = exec.createDataContainer(outSpec);
        final BufferedDataContainer unmatched = exec.createDataContainer(unmatchedSpec());
        final boolean drop = m_drop.getBooleanValue();
        long n = 0;
        int r = 0;
        int unmatchedRow = 0;
        for (DataRow row : table) {
            exec.checkCanceled();
            final ClipLabel label = join.perClip().get(r);
            if (label == null) {
                unmatched.addRowToTable(new DefaultRow("Clip" + unmatchedRow++, new StringCell(CLIP_WITHOUT_LABELS),
                    text(ids.get(r)), new StringCell(rowIds.get(r)), DataType.getMissingCell(),
                    new StringCell(labels.source())));
            }
            r++;
            if (label == null && drop) {
                continue;
            }
            final List<DataCell> cells = new ArrayList<>(outSpec.getNumColumns());
            for (int i = 0; i < row.getNumCells(); i++) {
                cells.add(row.getCell(i));
            }
            for (int i = 0; i < labels.columns().size(); i++) {
                final Object v = label == null ? null : label.value(i);
                cells.add(v == null ? DataType.getMissingCell()
                    : v instanceof Double ? new DoubleCell((Double)v) : new StringCell(v.toString()));
            }
            if (corpus || labels.hasSplit()) {
                cells.add(text(label == null ? null : label.split()));
            }
            if (corpus || labels.hasSpeaker()) {
                cells.add(text(label == null ? null : label.speaker()));
            }
            if (corpus || labels.hasGender()) {
                cells.add(text(label == null ? null : label.gender()));
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
            exec.setProgress(++n / (double)Math.max(1, ids.size()));
        }
        int k = 0;
        for (ClipLabel row : join.unmatchedRows()) {
            unmatched.addRowToTable(new DefaultRow("Label" + k++, new StringCell(LABELS_WITHOUT_CLIP),
                new StringCell(row.id()), DataType.getMissingCell(), new IntCell(row.line()),
                new StringCell(labels.source())));
        }
        out.close();
        unmatched.close();
        final int noLabels = join.unmatchedClips().size();
        final int noClips = join.unmatchedRows().size();
        if (noLabels > 0 || noClips > 0) {
            final StringBuilder w = new StringBuilder();
            if (noLabels > 0) {
                w.append(noLabels).append(" of ").append(ids.size()).append(" clip(s) have no label row in ")
                    .append(labels.source()).append(drop ? " and were dropped" : " (their labels are missing)")
                    .append(". ");
            }
            if (noClips > 0) {
                w.append(noClips).append(" of ").append(labels.size()).append(" label row(s) have no clip. ");
            }
            w.append("The second output lists them.");
            setWarningMessage(w.toString());
        }
        return new BufferedDataTable[] {out.getTable(), unmatched.getTable()};
    }

    private static DataCell text(final String s) {
        return s == null ? DataType.getMissingCell() : new StringCell(s);
    }

    @SafeVarargs
    private static List<SettingsModel> concat(final List<? extends SettingsModel>... lists) {
        final List<SettingsModel> all = new ArrayList<>();
        for (List<? extends SettingsModel> l : lists) {
            all.addAll(l);
        }
        return List.copyOf(all);
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_all;
    }

    @Override
    protected Map<SettingsModel, String> settingsAddedLater() {
        final Map<SettingsModel, String> later = new HashMap<>();
        for (Setting<?> s : SpeakerSplitSettings.SETTINGS.settings()) {
            later.put(m_splits.model(s), s.key());
        }
        return later;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        final SettingsModelString source = loaded(LabelJoinerSettings.source(), settings);
        if (!LabelJoinerSettings.SOURCES.contains(source.getStringValue())) {
            throw new InvalidSettingsException("Unknown label source '" + source.getStringValue() + "': use "
                + String.join(" or ", LabelJoinerSettings.SOURCES) + ".");
        }
        final SettingsModelString corpus = loaded(LabelJoinerSettings.corpus(), settings);
        if (!LabelJoinerSettings.CORPORA.contains(corpus.getStringValue())) {
            throw new InvalidSettingsException("Unknown corpus '" + corpus.getStringValue() + "': use "
                + String.join(" or ", LabelJoinerSettings.CORPORA) + ".");
        }
        final SettingsModelString format = loaded(LabelJoinerSettings.fileFormat(), settings);
        if (!LabelJoinerSettings.FORMATS.contains(format.getStringValue())) {
            throw new InvalidSettingsException("Unknown file format '" + format.getStringValue() + "': use "
                + String.join(", ", LabelJoinerSettings.FORMATS) + ".");
        }
    }
}
