package org.vavl.knime.nodes.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vavl.core.media.VideoProbe;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;

/**
 * The skeleton of every node that works clip by clip (Video Reader, Audio Extractor, Face Aligner, the encoders):
 * one row per clip in, one row per clip out.
 * <ol>
 * <li>{@link #clips}: each input row becomes a {@link Clip} (its id from the clip id column or the file's base name,
 * its file from the path column: a path, a {@code file:} or {@code knime://} URL, see {@link WorkflowPaths}), or the
 * reason it cannot be processed;</li>
 * <li>clip ids must be unique, also ignoring letter case (they name the per-clip files, and on Windows and macOS
 * {@code A} and {@code a} name one file);</li>
 * <li>with on error = fail the first row that cannot be processed fails the node before any work, naming it;</li>
 * <li>{@link #process}: the node's one engine call over the other clips (the engine's per-clip entry point, on the
 * clip work pool: threads, progress per clip, cancellation);</li>
 * <li>the output: the input row (unless {@link #appendsToInput()} is false), the node's {@link #columns} or
 * missing cells, and with on error = skip the column {@link #errorColumn()} with the reason; a warning counts the
 * skipped clips.</li>
 * </ol>
 * A node keeps what is its own: its settings, its columns and its engine call.
 *
 * @param <R> the engine's result per clip
 */
public abstract class PerClipNodeModel<R> extends SettingsNodeModel {

    /**
     * One clip: its output row's key, its input row (null without an input table), its id, its input file (null when
     * the node reads none), and why it cannot be processed (null when it can).
     */
    public record Clip(RowKey key, DataRow row, String id, Path input, String problem) {
        /** @return true when the clip goes to the engine */
        public boolean ok() {
            return problem == null;
        }
    }

    /** Worker threads ("threads"; 0 = one per processor). */
    protected final SettingsModelIntegerBounded m_threads = CommonSettings.threads();

    /** "on error": fail or skip. */
    protected final SettingsModelString m_onError = CommonSettings.onError();

    /** "overwrite" of a node that writes a file per clip: never, if changed, always. */
    protected final SettingsModelString m_overwrite = CommonSettings.overwrite();

    /** "output folder" of a node that writes a file per clip, else null. */
    protected final SettingsModelString m_outputFolder;

    private final List<SettingsModel> m_settings = new ArrayList<>();

    private final String m_errorColumn;

    private final String m_skippedPhrase;

    /**
     * A node with one table in and one table out.
     *
     * @param errorColumn the error column's name (with on error = skip)
     * @param skippedPhrase what happened to skipped clips, for the warning, e.g. "failed and were skipped"
     * @param defaultOutputFolder the default of the output folder of a node that writes a file per clip, else null
     */
    protected PerClipNodeModel(final String errorColumn, final String skippedPhrase,
        final String defaultOutputFolder) {
        this(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE}, errorColumn,
            skippedPhrase, defaultOutputFolder);
    }

    /** A node with the given port types (its first input and output are tables); see the other constructor. */
    protected PerClipNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes, final String errorColumn,
        final String skippedPhrase, final String defaultOutputFolder) {
        super(inPortTypes, outPortTypes);
        m_errorColumn = errorColumn;
        m_skippedPhrase = skippedPhrase;
        m_outputFolder = defaultOutputFolder == null ? null : CommonSettings.outputFolder(defaultOutputFolder);
    }

    /** Adds settings models, in the order they are saved (call it from the constructor). */
    protected final void register(final Collection<? extends SettingsModel> models) {
        m_settings.addAll(models);
    }

    /** Adds settings models, in the order they are saved (call it from the constructor). */
    protected final void register(final SettingsModel... models) {
        register(List.of(models));
    }

    @Override
    protected final List<SettingsModel> settingsModels() {
        return m_settings;
    }

    /** @return the path column's index in the input (-1: the node reads no file per clip) */
    protected abstract int pathColumn(DataTableSpec in) throws InvalidSettingsException;

    /** @return the clip id column's index in the input (-1, the default: the file's base name, else the row ID) */
    protected int clipColumn(final DataTableSpec in) throws InvalidSettingsException {
        return -1;
    }

    /** Checks the node's own settings against the input (null for a node without a connected input). */
    protected abstract void checkSettings(DataTableSpec in) throws InvalidSettingsException;

    /**
     * One column a node appends: its name (made unique against the input's, see {@link Columns#unique}), its type, and
     * its cell for a processed clip's result.
     */
    public record Column<R>(String name, DataType type, Function<R, DataCell> cell) {
    }

    /** @return the columns the node appends, in order */
    protected abstract List<Column<R>> columns();

    /** @return the name of the error column (with on error = skip) */
    protected final String errorColumn() {
        return m_errorColumn;
    }

    /**
     * The node's one engine call: the clips that can be processed, in order.
     *
     * @param in the input table's spec (null without an input table)
     * @return one outcome per clip, in order
     */
    protected abstract List<Outcome<R>> process(List<Clip> clips, DataTableSpec in, OnError onError,
        Progress progress) throws Exception;

    /** @return the result cells of a clip that failed or was not processed: missing cells by default */
    protected List<DataCell> failedCells(final Clip clip, final int columns) {
        return missing(columns);
    }

    /** @return false for a node whose output rows do not start with the input row's cells */
    protected boolean appendsToInput() {
        return true;
    }

    /**
     * @return the warning line for skipped clips; by default "n of m clip(s) {@code skippedPhrase} (see column
     *         'error'), e.g. the first reason"
     */
    protected String skippedWarning(final int skipped, final int total, final String firstError) {
        return skipped + " of " + total + " clip(s) " + m_skippedPhrase + " (see column '" + m_errorColumn
            + "'), e.g. " + firstError;
    }

    /** @return whether this execution writes a file per clip into the output folder (default: when it has one) */
    protected boolean writesFiles() {
        return m_outputFolder != null;
    }

    /** @return the output folder, created and proven writable (call it before the first clip) */
    protected final Path outputFolder() throws InvalidSettingsException {
        return WorkflowPaths.prepareOutputFolder(m_outputFolder.getStringValue(), m_outputFolder.getKey());
    }

    /** @return the overwrite policy */
    protected final Overwrite overwrite() throws InvalidSettingsException {
        return CommonSettings.overwrite(m_overwrite);
    }

    /** @return warning lines about the processed clips' results (before the skipped clips' line); none by default */
    protected List<String> resultWarnings(final List<R> values, final int total) {
        return List.of();
    }

    /**
     * @return why a row has no input file (a missing or blank path cell); by default names the row and the column
     */
    protected String noInput(final Clip clip, final DataTableSpec spec, final String column) {
        return "Row '" + clip.key().getString() + "' has no media file: column '" + column + "' has no value "
            + "(missing). Fill it in or filter the row out.";
    }

    /** @return the number of worker threads the threads setting asks for */
    protected final int threads() {
        return CommonSettings.threads(m_threads);
    }

    /** @return the on-error policy */
    protected final OnError onError() throws InvalidSettingsException {
        return CommonSettings.onError(m_onError);
    }

    @Override
    protected final PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = (DataTableSpec)inSpecs[0];
        if (in != null) {
            pathColumn(in);
            clipColumn(in);
        }
        checkSettings(in);
        if (writesFiles()) {
            overwrite();
            WorkflowPaths.resolveOutputFolder(m_outputFolder.getStringValue(), m_outputFolder.getKey());
        }
        return new PortObjectSpec[] {outSpec(in, onError() == OnError.SKIP)};
    }

    /** @return the output spec: the input's columns (see {@link #appendsToInput()}), the results, the error column */
    protected final DataTableSpec outSpec(final DataTableSpec in, final boolean errorColumn) {
        final DataTableSpec base = appendsToInput() && in != null ? in : new DataTableSpec();
        return appended(base, columns(), errorColumn ? errorColumn() : null);
    }

    /** @return {@code in} with the columns appended, and the error column unless it is null */
    protected static DataTableSpec appended(final DataTableSpec in, final List<? extends Column<?>> columns,
        final String errorColumn) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (Column<?> c : columns) {
            cols.add(new DataColumnSpecCreator(Columns.unique(in, c.name()), c.type()).createSpec());
        }
        if (errorColumn != null) {
            cols.add(new DataColumnSpecCreator(Columns.unique(in, errorColumn), StringCell.TYPE).createSpec());
        }
        return new DataTableSpec(in, new DataTableSpec(cols.toArray(DataColumnSpec[]::new)));
    }

    @Override
    protected final PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable in = (BufferedDataTable)inObjects[0];
        final OnError onError = onError();
        final List<Clip> clips = checked(clips(in), onError);
        final DataTableSpec inSpec = in == null ? null : in.getDataTableSpec();
        final List<Outcome<R>> outcomes;
        try {
            outcomes = process(clips.stream().filter(Clip::ok).toList(), inSpec, onError, ProgressBridge.of(exec));
        } catch (CancelledException e) {
            throw ProgressBridge.toKnime(e);
        }
        final DataTableSpec spec = outSpec(inSpec, onError == OnError.SKIP);
        return new PortObject[] {table(clips, outcomes, spec, onError == OnError.SKIP, exec)};
    }

    /** @return the clips of the input table, one per row, in order */
    protected List<Clip> clips(final BufferedDataTable in) throws Exception {
        final DataTableSpec spec = in.getDataTableSpec();
        final int pathCol = pathColumn(spec);
        final int clipCol = clipColumn(spec);
        final List<Clip> clips = new ArrayList<>();
        for (DataRow row : in) {
            clips.add(clip(row, spec, pathCol, clipCol));
        }
        return clips;
    }

    private Clip clip(final DataRow row, final DataTableSpec spec, final int pathCol, final int clipCol) {
        final String rowId = row.getKey().getString();
        final String id = clipCol < 0 ? null : text(row.getCell(clipCol));
        final String value = pathCol < 0 ? null : text(row.getCell(pathCol));
        if (value == null) {
            final Clip clip = new Clip(row.getKey(), row, id == null ? rowId : id, null, null);
            return pathCol < 0 ? clip : withProblem(clip, noInput(clip, spec, spec.getColumnSpec(pathCol).getName()));
        }
        try {
            final Path file = WorkflowPaths.resolveCell(value);
            return new Clip(row.getKey(), row, id == null ? VideoProbe.clipId(file) : id, file, null);
        } catch (IllegalArgumentException e) {
            return new Clip(row.getKey(), row, id == null ? rowId : id, null, "Row '" + rowId + "': '" + value
                + "' in column '" + spec.getColumnSpec(pathCol).getName() + "' cannot be used as a file: "
                + e.getMessage() + (e.getMessage().endsWith(".") ? "" : "."));
        }
    }

    /** @return a string cell's trimmed text, or null for a missing or blank cell */
    private static String text(final DataCell cell) {
        if (cell.isMissing()) {
            return null;
        }
        final String s = ((StringValue)cell).getStringValue().trim();
        return s.isEmpty() ? null : s;
    }

    private static Clip withProblem(final Clip c, final String problem) {
        return new Clip(c.key(), c.row(), c.id(), c.input(), problem);
    }

    /**
     * Refuses repeated clip ids, also those that differ only in letter case; with on error = fail, the first row
     * that cannot be processed fails the node.
     */
    private static List<Clip> checked(final List<Clip> clips, final OnError onError) throws InvalidSettingsException {
        final Map<String, Clip> byId = new HashMap<>();
        final List<Clip> out = new ArrayList<>(clips.size());
        for (Clip c : clips) {
            if (c.ok()) {
                final Clip other = byId.putIfAbsent(c.id().toLowerCase(Locale.ROOT), c);
                c = other == null ? c : withProblem(c, duplicate(c, other));
            }
            if (!c.ok() && onError == OnError.FAIL) {
                throw new InvalidSettingsException(c.problem());
            }
            out.add(c);
        }
        return out;
    }

    private static String duplicate(final Clip c, final Clip other) {
        final String row = c.key().getString();
        final String otherRow = other.key().getString();
        return other.id().equals(c.id())
            ? "Clip '" + c.id() + "' of row '" + row + "' is also in row '" + otherRow + "'; clip ids name the per-clip "
                + "files, so they must be unique. Remove the repeated row or give it another clip id (rename its file "
                + "where the id is the file name)."
            : "Clip '" + c.id() + "' of row '" + row + "' and clip '" + other.id() + "' of row '" + otherRow
                + "' differ only in letter case: on Windows and macOS their files would be one. Give one of them "
                + "another clip id.";
    }

    private BufferedDataTable table(final List<Clip> clips, final List<Outcome<R>> outcomes, final DataTableSpec spec,
        final boolean errorColumn, final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(spec);
        final List<Column<R>> columns = columns();
        final Iterator<Outcome<R>> next = outcomes.iterator();
        final List<R> values = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        for (Clip c : clips) {
            final Outcome<R> o = c.ok() ? next.next() : Outcome.failed(c.problem());
            final List<DataCell> cells = new ArrayList<>(spec.getNumColumns());
            for (int i = 0; appendsToInput() && i < c.row().getNumCells(); i++) {
                cells.add(c.row().getCell(i));
            }
            final int results = spec.getNumColumns() - cells.size() - (errorColumn ? 1 : 0);
            cells.addAll(o.ok() ? columns.stream().map(col -> col.cell().apply(o.value())).toList()
                : failedCells(c, results));
            if (errorColumn) {
                cells.add(o.ok() ? DataType.getMissingCell() : new StringCell(o.error()));
            }
            out.addRowToTable(new DefaultRow(c.key(), cells));
            if (o.ok()) {
                values.add(o.value());
            } else {
                errors.add(o.error());
            }
        }
        out.close();
        warn(values, errors, clips.size());
        return out.getTable();
    }

    private void warn(final List<R> values, final List<String> errors, final int total) {
        final List<String> lines = new ArrayList<>(resultWarnings(values, total));
        if (!errors.isEmpty()) {
            lines.add(skippedWarning(errors.size(), total, errors.get(0)));
        }
        if (!lines.isEmpty()) {
            setWarningMessage(String.join("\n", lines));
        }
    }

    /** @return {@code n} missing cells */
    protected static List<DataCell> missing(final int n) {
        final List<DataCell> cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cells.add(DataType.getMissingCell());
        }
        return cells;
    }

    /** @return a number's cell, missing for NaN */
    public static DataCell number(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    /**
     * The clip id column of a node that can take the id from the file name: none when the setting is blank, or is the
     * default {@code Clip} and the input has no such column; else the named string column.
     *
     * @return the column's index, or -1
     */
    protected static int clipColumnOrFileName(final DataTableSpec in, final SettingsModelString setting)
        throws InvalidSettingsException {
        final String name = setting.getStringValue();
        if (name == null || name.isBlank() || ("Clip".equals(name) && !in.containsName(name))) {
            return -1;
        }
        return Columns.require(in, name, StringValue.class, setting.getKey());
    }

    /**
     * A path column that may be left unset (Video Reader): the named string column; unset, {@code Path} or else the
     * first string column.
     *
     * @return the column's index
     */
    protected static int pathColumnOrFirst(final DataTableSpec in, final SettingsModelString setting)
        throws InvalidSettingsException {
        final String chosen = setting.getStringValue();
        if (chosen != null && !chosen.isBlank()) {
            return Columns.require(in, chosen, StringValue.class, setting.getKey());
        }
        final int path = in.findColumnIndex("Path");
        if (path >= 0 && in.getColumnSpec(path).getType().isCompatible(StringValue.class)) {
            return path;
        }
        final List<String> strings = Columns.available(in, StringValue.class);
        if (strings.isEmpty()) {
            throw new InvalidSettingsException("The input table has no string column with clip paths: connect a "
                + "table with a path column, or disconnect the input to read a folder.");
        }
        return in.findColumnIndex(strings.get(0));
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        CommonSettings.onError(loaded(CommonSettings.onError(), settings));
        if (m_outputFolder != null) {
            CommonSettings.overwrite(loaded(CommonSettings.overwrite(), settings));
        }
    }
}
