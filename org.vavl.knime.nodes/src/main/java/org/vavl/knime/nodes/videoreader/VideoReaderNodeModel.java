package org.vavl.knime.nodes.videoreader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.BooleanCell.BooleanCellFactory;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
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
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vavl.core.media.ClipInfo;
import org.vavl.core.media.ClipListing;
import org.vavl.core.media.VideoProbe;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipWorkPool;
import org.vavl.core.util.OnError;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.ProgressBridge;
import org.vavl.knime.nodes.common.SettingsNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Video Reader: one row per clip with what FFmpeg says about it (duration, frame rate, frames, size, codec,
 * audio). The clips come from a folder (file pattern, optionally sub-folders) or, when a table is connected,
 * from its path column. Probing runs on several threads; a clip that cannot be read fails the node or,
 * with "on error" = skip, gets its reason in the column {@code Probe error}.
 */
final class VideoReaderNodeModel extends SettingsNodeModel {

    static final String CLIP = "Clip";

    static final String PATH = "Path";

    static final String DURATION = "Duration (s)";

    static final String FPS = "FPS";

    static final String FRAMES = "Frames";

    static final String WIDTH = "Width";

    static final String HEIGHT = "Height";

    static final String ROTATION = "Rotation (deg)";

    static final String VIDEO_CODEC = "Video codec";

    static final String HAS_AUDIO = "Has audio";

    static final String SAMPLE_RATE = "Audio sample rate";

    static final String CHANNELS = "Audio channels";

    static final String PROBE_ERROR = "Probe error";

    private final SettingsModelString m_folder = VideoReaderSettings.folder();

    private final SettingsModelBoolean m_recursive = VideoReaderSettings.recursive();

    private final SettingsModelString m_pattern = VideoReaderSettings.pattern();

    private final SettingsModelString m_pathColumn = VideoReaderSettings.pathColumn();

    private final SettingsModelIntegerBounded m_threads = VideoReaderSettings.threads();

    private final SettingsModelString m_onError = VideoReaderSettings.onError();

    private final List<SettingsModel> m_all = List.of(m_folder, m_recursive, m_pattern, m_pathColumn, m_threads,
        m_onError);

    VideoReaderNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE_OPTIONAL}, new PortType[] {BufferedDataTable.TYPE});
    }

    /** The output columns of the table contract; {@code Probe error} with on error = skip. */
    static DataTableSpec outputSpec(final boolean withErrorColumn) {
        final List<DataColumnSpec> cols = new ArrayList<>(List.of(col(CLIP, StringCell.TYPE),
            col(PATH, StringCell.TYPE), col(DURATION, DoubleCell.TYPE), col(FPS, DoubleCell.TYPE),
            col(FRAMES, LongCell.TYPE), col(WIDTH, IntCell.TYPE), col(HEIGHT, IntCell.TYPE),
            col(ROTATION, IntCell.TYPE), col(VIDEO_CODEC, StringCell.TYPE), col(HAS_AUDIO, BooleanCell.TYPE), col(SAMPLE_RATE, IntCell.TYPE),
            col(CHANNELS, IntCell.TYPE)));
        if (withErrorColumn) {
            cols.add(col(PROBE_ERROR, StringCell.TYPE));
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final OnError onError = CommonSettings.onError(m_onError);
        final DataTableSpec in = (DataTableSpec)inSpecs[0];
        if (in != null) {
            pathColumn(in);
        } else {
            checkedFolder();
            try {
                ClipListing.compile(m_pattern.getStringValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
        }
        return new PortObjectSpec[] {outputSpec(onError == OnError.SKIP)};
    }

    /** @return the index of the path column: the setting, else "Path", else the first string column */
    private int pathColumn(final DataTableSpec in) throws InvalidSettingsException {
        final String chosen = m_pathColumn.getStringValue();
        if (chosen != null && !chosen.isBlank()) {
            return Columns.require(in, chosen, StringValue.class, VideoReaderSettings.PATH_COLUMN);
        }
        final int path = in.findColumnIndex(PATH);
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

    private Path checkedFolder() throws InvalidSettingsException {
        final Path folder = WorkflowPaths.resolveFolder(m_folder.getStringValue(), VideoReaderSettings.FOLDER);
        if (!folder.toFile().exists()) {
            throw new InvalidSettingsException("The clip folder " + folder + " does not exist: choose an existing "
                + "folder of videos (setting '" + VideoReaderSettings.FOLDER + "').");
        }
        if (!folder.toFile().isDirectory()) {
            throw new InvalidSettingsException("The clip folder " + folder + " is a file, not a folder (setting '"
                + VideoReaderSettings.FOLDER + "').");
        }
        return folder;
    }

    /** One clip to probe: a path, or the reason there is none (a missing or bad value in the path column). */
    private record Item(RowKey key, String clipId, Path path, String problem) {
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final OnError onError = CommonSettings.onError(m_onError);
        final BufferedDataTable in = (BufferedDataTable)inObjects[0];
        final List<Item> items = in != null ? itemsFromTable(in) : itemsFromFolder();
        final Map<String, List<Path>> duplicates = ClipListing.duplicateClipIds(
            items.stream().filter(i -> i.path() != null).map(Item::path).toList());

        final List<ClipWorkPool.Outcome<ClipInfo>> outcomes;
        try {
            outcomes = ClipWorkPool.run(items, CommonSettings.threads(m_threads), Item::clipId, (item, cancel) -> {
                if (item.problem() != null) {
                    throw new ClipException(item.clipId(), item.problem());
                }
                return VideoProbe.probe(item.path(), cancel);
            }, onError, ProgressBridge.of(exec));
        } catch (CancelledException e) {
            throw ProgressBridge.toKnime(e);
        }

        final boolean skip = onError == OnError.SKIP;
        final BufferedDataContainer out = exec.createDataContainer(outputSpec(skip));
        int failed = 0;
        String firstError = null;
        for (int i = 0; i < items.size(); i++) {
            final Item item = items.get(i);
            final ClipWorkPool.Outcome<ClipInfo> o = outcomes.get(i);
            final List<DataCell> cells = new ArrayList<>();
            if (o.ok()) {
                final ClipInfo c = o.value();
                cells.add(new StringCell(c.clipId()));
                cells.add(new StringCell(c.path().toString()));
                cells.add(new DoubleCell(c.durationSeconds()));
                cells.add(new DoubleCell(c.fps()));
                cells.add(new LongCell(c.frames()));
                cells.add(new IntCell(c.width()));
                cells.add(new IntCell(c.height()));
                cells.add(new IntCell(c.rotation()));
                cells.add(new StringCell(c.videoCodec()));
                cells.add(BooleanCellFactory.create(c.hasAudio()));
                cells.add(new IntCell(c.audioSampleRate()));
                cells.add(new IntCell(c.audioChannels()));
            } else {
                failed++;
                if (firstError == null) {
                    firstError = o.error();
                }
                cells.add(item.path() == null ? DataType.getMissingCell() : new StringCell(item.clipId()));
                cells.add(item.path() == null ? DataType.getMissingCell()
                    : new StringCell(item.path().toAbsolutePath().normalize().toString()));
                for (int k = 0; k < 10; k++) {
                    cells.add(DataType.getMissingCell());
                }
            }
            if (skip) {
                cells.add(o.ok() ? DataType.getMissingCell() : new StringCell(o.error()));
            }
            out.addRowToTable(new DefaultRow(item.key(), cells.toArray(new DataCell[0])));
        }
        out.close();

        final List<String> warnings = new ArrayList<>();
        if (failed > 0) {
            warnings.add(failed + " of " + items.size() + " clip(s) could not be probed and were skipped (see column '"
                + PROBE_ERROR + "'), e.g. " + firstError);
        }
        if (!duplicates.isEmpty()) {
            final Map.Entry<String, List<Path>> first = duplicates.entrySet().iterator().next();
            warnings.add(duplicates.size() + " clip id(s) occur more than once, e.g. '" + first.getKey() + "' ("
                + first.getValue() + "): later nodes name their files by clip id, so rename the files or list "
                + "fewer folders");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        return new PortObject[] {out.getTable()};
    }

    private List<Item> itemsFromFolder() throws InvalidSettingsException, IOException {
        final Path folder = checkedFolder();
        final List<Path> files = ClipListing.list(folder, m_recursive.getBooleanValue(), m_pattern.getStringValue());
        final List<Item> items = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            final Path p = files.get(i);
            items.add(new Item(RowKey.createRowKey((long)i), VideoProbe.clipId(p), p, null));
        }
        return items;
    }

    private List<Item> itemsFromTable(final BufferedDataTable in) throws InvalidSettingsException {
        final DataTableSpec spec = in.getDataTableSpec();
        final int col = pathColumn(spec);
        final String colName = spec.getColumnSpec(col).getName();
        final List<Item> items = new ArrayList<>();
        for (DataRow row : in) {
            final DataCell cell = row.getCell(col);
            final String rowId = row.getKey().getString();
            if (cell.isMissing()) {
                items.add(new Item(row.getKey(), rowId, null, "Row '" + rowId + "': the path column '" + colName
                    + "' has no value (missing): fill it in or filter the row out."));
                continue;
            }
            final String value = ((StringValue)cell).getStringValue();
            try {
                final Path p = toPath(value);
                items.add(new Item(row.getKey(), VideoProbe.clipId(p), p, null));
            } catch (IllegalArgumentException e) {
                items.add(new Item(row.getKey(), rowId, null, "Row '" + rowId + "': the path '" + value
                    + "' in column '" + colName + "' cannot be used: " + e.getMessage()
                    + (e.getMessage().endsWith(".") ? "" : ".")));
            }
        }
        return items;
    }

    /** A path cell: a path, a {@code file:} URL or a {@code knime://} URL ({@link WorkflowPaths#resolveCell}). */
    private static Path toPath(final String value) {
        return WorkflowPaths.resolveCell(value);
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_all;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        CommonSettings.onError(loaded(VideoReaderSettings.onError(), settings));
        final SettingsModelString pattern = loaded(VideoReaderSettings.pattern(), settings);
        try {
            ClipListing.compile(pattern.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
