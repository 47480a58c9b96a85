package org.vavl.knime.nodes.audioextractor;

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
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.media.AudioExtractor;
import org.vavl.core.media.AudioSampleFormat;
import org.vavl.core.media.ExtractedAudio;
import org.vavl.core.media.VideoProbe;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.ProgressBridge;
import org.vavl.knime.nodes.common.SettingsNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Audio Extractor: one mono WAV file per clip at the target rate (default 16 kHz), written in-process and
 * streaming by the engine's {@link AudioExtractor}; appends the WAV path and the audio's measures. A reset leaves the
 * WAV files: a re-run skips the clips whose file is up to date.
 */
final class AudioExtractorNodeModel extends SettingsNodeModel {

    static final String AUDIO_PATH = "Audio path";

    static final String DURATION = "Audio duration (s)";

    static final String SAMPLES = "Audio samples";

    static final String RMS = "RMS (dBFS)";

    static final String CLIPPED = "Clipped ratio";

    static final String ERROR = "Audio error";

    private final SettingsModelString m_pathColumn = AudioExtractorSettings.pathColumn();

    private final SettingsModelString m_clipColumn = AudioExtractorSettings.clipColumn();

    private final SettingsModelString m_outputFolder = AudioExtractorSettings.outputFolder();

    private final SettingsModelIntegerBounded m_sampleRate = AudioExtractorSettings.sampleRate();

    private final SettingsModelString m_sampleFormat = AudioExtractorSettings.sampleFormat();

    private final SettingsModelDoubleBounded m_maxDuration = AudioExtractorSettings.maxDuration();

    private final SettingsModelIntegerBounded m_threads = AudioExtractorSettings.threads();

    private final SettingsModelString m_onError = AudioExtractorSettings.onError();

    private final SettingsModelString m_overwrite = AudioExtractorSettings.overwrite();

    private final List<SettingsModel> m_all = List.of(m_pathColumn, m_clipColumn, m_outputFolder, m_sampleRate,
        m_sampleFormat, m_maxDuration, m_threads, m_onError, m_overwrite);

    AudioExtractorNodeModel() {
        super(1, 1);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = inSpecs[0];
        Columns.require(in, m_pathColumn.getStringValue(), StringValue.class, "Media file column");
        clipColumnIndex(in);
        extractor();
        CommonSettings.onError(m_onError);
        CommonSettings.overwrite(m_overwrite);
        WorkflowPaths.resolveOutputFolder(m_outputFolder.getStringValue(), "output folder");
        return new DataTableSpec[] {outSpec(in)};
    }

    /** @return the clip id column's index, or -1 when the ids come from the file names */
    private int clipColumnIndex(final DataTableSpec in) throws InvalidSettingsException {
        final String c = m_clipColumn.getStringValue();
        if (c == null || c.isBlank() || !in.containsName(c)) {
            return -1;
        }
        return Columns.require(in, c, StringValue.class, "Clip id column");
    }

    private AudioExtractor extractor() throws InvalidSettingsException {
        try {
            return new AudioExtractor(m_sampleRate.getIntValue(),
                AudioSampleFormat.fromSetting(m_sampleFormat.getStringValue()), m_maxDuration.getDoubleValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private DataTableSpec outSpec(final DataTableSpec in) throws InvalidSettingsException {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < in.getNumColumns(); i++) {
            cols.add(in.getColumnSpec(i));
        }
        final DataTableSpec base = new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
        cols.add(col(base, AUDIO_PATH, StringCell.TYPE));
        cols.add(col(base, DURATION, DoubleCell.TYPE));
        cols.add(col(base, SAMPLES, LongCell.TYPE));
        cols.add(col(base, RMS, DoubleCell.TYPE));
        cols.add(col(base, CLIPPED, DoubleCell.TYPE));
        if (CommonSettings.onError(m_onError) == OnError.SKIP) {
            cols.add(col(base, ERROR, StringCell.TYPE));
        }
        return new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
    }

    private static DataColumnSpec col(final DataTableSpec in, final String name, final DataType type) {
        return new DataColumnSpecCreator(Columns.unique(in, name), type).createSpec();
    }

    /** One input row: the job for it, or why there is none. */
    private record RowPlan(AudioExtractor.Job job, String error) {
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable table = inData[0];
        final DataTableSpec in = table.getDataTableSpec();
        final int pathIndex = Columns.require(in, m_pathColumn.getStringValue(), StringValue.class,
            "Media file column");
        final int clipIndex = clipColumnIndex(in);
        final OnError onError = CommonSettings.onError(m_onError);
        final Overwrite overwrite = CommonSettings.overwrite(m_overwrite);
        final Path folder = WorkflowPaths.prepareOutputFolder(m_outputFolder.getStringValue(), "output folder");
        final AudioExtractor extractor = extractor();

        // 1. what to do per row
        final List<RowPlan> plans = new ArrayList<>();
        final Map<String, String> rowOfClip = new HashMap<>();
        for (DataRow row : table) {
            final String rowId = row.getKey().getString();
            final DataCell pathCell = row.getCell(pathIndex);
            String error = null;
            Path media = null;
            String clip = null;
            if (pathCell.isMissing() || ((StringValue)pathCell).getStringValue().isBlank()) {
                error = "Row '" + rowId + "' has no media file in column '" + m_pathColumn.getStringValue() + "'.";
            } else {
                try {
                    media = toPath(((StringValue)pathCell).getStringValue());
                    clip = clipIndex < 0 || row.getCell(clipIndex).isMissing() ? VideoProbe.clipId(media)
                        : ((StringValue)row.getCell(clipIndex)).getStringValue().trim();
                } catch (IllegalArgumentException e) {
                    error = "Row '" + rowId + "': '" + ((StringValue)pathCell).getStringValue()
                        + "' cannot be used as a file: " + e.getMessage() + (e.getMessage().endsWith(".") ? "" : ".");
                }
            }
            if (error == null) {
                // keyed without letter case: on Windows and macOS 'A' and 'a' name one file
                final String other = rowOfClip.putIfAbsent(clip.toLowerCase(java.util.Locale.ROOT), rowId + "\t" + clip);
                if (other != null) {
                    final String otherRow = other.substring(0, other.indexOf('\t'));
                    final String otherClip = other.substring(other.indexOf('\t') + 1);
                    error = otherClip.equals(clip)
                        ? "Clip '" + clip + "' of row '" + rowId + "' is also in row '" + otherRow + "'; clip ids name "
                            + "the WAV files, so they must be unique. Remove the repeated row or give it another clip id."
                        : "Clip '" + clip + "' of row '" + rowId + "' and clip '" + otherClip + "' of row '" + otherRow
                            + "' differ only in letter case: on Windows and macOS their files would be one. Give one"
                            + " of them another clip id.";
                }
            }
            if (error != null && onError == OnError.FAIL) {
                throw new InvalidSettingsException(error);
            }
            plans.add(new RowPlan(error == null ? new AudioExtractor.Job(clip, media) : null, error));
        }

        // 2. the extraction, in parallel over clips
        final List<AudioExtractor.Job> jobs = new ArrayList<>();
        plans.stream().filter(p -> p.job() != null).forEach(p -> jobs.add(p.job()));
        final List<Outcome<ExtractedAudio>> outcomes;
        try {
            outcomes = extractor.extractAll(jobs, folder, overwrite, CommonSettings.threads(m_threads), onError,
                ProgressBridge.of(exec));
        } catch (CancelledException e) {
            throw ProgressBridge.toKnime(e);
        } catch (ClipException e) {
            throw new Exception(e.getMessage(), e);
        }

        // 3. the output table
        final DataTableSpec outSpec = outSpec(in);
        final BufferedDataContainer out = exec.createDataContainer(outSpec);
        final boolean errorColumn = onError == OnError.SKIP;
        int next = 0;
        int r = 0;
        int skipped = 0;
        int reused = 0;
        for (DataRow row : table) {
            final RowPlan plan = plans.get(r++);
            final List<DataCell> cells = new ArrayList<>(outSpec.getNumColumns());
            for (int i = 0; i < row.getNumCells(); i++) {
                cells.add(row.getCell(i));
            }
            String error = plan.error();
            ExtractedAudio a = null;
            if (plan.job() != null) {
                final Outcome<ExtractedAudio> o = outcomes.get(next++);
                a = o.value();
                error = o.error();
            }
            if (a != null) {
                cells.add(new StringCell(a.wav().toAbsolutePath().toString()));
                cells.add(new DoubleCell(a.durationSeconds()));
                cells.add(new LongCell(a.samples()));
                cells.add(new DoubleCell(a.rmsDbfs()));
                cells.add(new DoubleCell(a.clippedRatio()));
                if (a.reused()) {
                    reused++;
                }
            } else {
                skipped++;
                for (int i = 0; i < 5; i++) {
                    cells.add(DataType.getMissingCell());
                }
            }
            if (errorColumn) {
                cells.add(error == null ? DataType.getMissingCell() : new StringCell(error));
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
        }
        out.close();
        if (skipped > 0) {
            setWarningMessage(skipped + " of " + plans.size() + " clip(s) skipped: see column '" + ERROR + "'.");
        }
        if (reused > 0) {
            getLogger().info(reused + " clip(s) were up to date in " + folder + " and were not extracted again.");
        }
        return new BufferedDataTable[] {out.getTable()};
    }

    /** A path cell as a file: a path, a {@code file:} URL or a {@code knime://} URL (see WorkflowPaths). */
    static Path toPath(final String value) {
        return WorkflowPaths.resolveCell(value);
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_all;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        final SettingsModelString format = loaded(AudioExtractorSettings.sampleFormat(), settings);
        if (!AudioExtractorSettings.SAMPLE_FORMATS.contains(format.getStringValue())) {
            throw new InvalidSettingsException("Unknown sample format '" + format.getStringValue() + "': use "
                + String.join(" or ", AudioExtractorSettings.SAMPLE_FORMATS) + ".");
        }
        CommonSettings.onError(loaded(AudioExtractorSettings.onError(), settings));
        CommonSettings.overwrite(loaded(AudioExtractorSettings.overwrite(), settings));
    }
}
