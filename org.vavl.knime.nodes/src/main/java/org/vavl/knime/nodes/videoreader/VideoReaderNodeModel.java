package org.vavl.knime.nodes.videoreader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.BooleanCell.BooleanCellFactory;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortType;
import org.vavl.core.media.ClipInfo;
import org.vavl.core.media.ClipListing;
import org.vavl.core.media.VideoProbe;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.PerClipNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Video Reader: one row per clip with what FFmpeg says about it (duration, frame rate, frames, size, codec,
 * audio). The clips come from a folder (file pattern, optionally sub-folders) or, when a table is connected,
 * from its path column; {@link VideoProbe#probeAll} probes them. A clip that cannot be read fails the node or,
 * with "on error" = skip, gets its reason in the column {@code Probe error}.
 */
final class VideoReaderNodeModel extends PerClipNodeModel<ClipInfo> {

    private static final List<String> NAMES = List.of("Clip", "Path", "Duration (s)", "FPS", "Frames", "Width",
        "Height", "Rotation (deg)", "Video codec", "Has audio", "Audio sample rate", "Audio channels");

    private static final List<DataType> TYPES = List.of(StringCell.TYPE, StringCell.TYPE, DoubleCell.TYPE,
        DoubleCell.TYPE, LongCell.TYPE, IntCell.TYPE, IntCell.TYPE, IntCell.TYPE, StringCell.TYPE, BooleanCell.TYPE,
        IntCell.TYPE, IntCell.TYPE);

    private final SettingsModelString m_folder = VideoReaderSettings.folder();

    private final SettingsModelBoolean m_recursive = VideoReaderSettings.recursive();

    private final SettingsModelString m_pattern = VideoReaderSettings.pattern();

    private final SettingsModelString m_pathColumn = VideoReaderSettings.pathColumn();

    private final List<SettingsModel> m_all = List.of(m_folder, m_recursive, m_pattern, m_pathColumn, m_threads,
        m_onError);

    VideoReaderNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE_OPTIONAL}, new PortType[] {BufferedDataTable.TYPE});
    }

    @Override
    protected void checkSettings(final DataTableSpec in) throws InvalidSettingsException {
        if (in == null) {
            checkedFolder();
            CommonSettings.parse(m_pattern, ClipListing::compile);
        }
    }

    /** @return the path column: the setting, else "Path", else the first string column */
    @Override
    protected int pathColumn(final DataTableSpec in) throws InvalidSettingsException {
        final String chosen = m_pathColumn.getStringValue();
        if (chosen != null && !chosen.isBlank()) {
            return Columns.require(in, chosen, StringValue.class, VideoReaderSettings.PATH_COLUMN);
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
    protected int clipColumn(final DataTableSpec in) {
        return -1;
    }

    private Path checkedFolder() throws InvalidSettingsException {
        final Path folder = WorkflowPaths.resolveFolder(m_folder.getStringValue(), VideoReaderSettings.FOLDER);
        if (!folder.toFile().isDirectory()) {
            throw new InvalidSettingsException("The clip folder " + folder + (folder.toFile().exists()
                ? " is a file, not a folder (setting '" + VideoReaderSettings.FOLDER + "')."
                : " does not exist: choose an existing folder of videos (setting '" + VideoReaderSettings.FOLDER
                    + "')."));
        }
        return folder;
    }

    /** The listed folder's clips, or the input table's. */
    @Override
    protected List<Clip> clips(final BufferedDataTable in) throws Exception {
        if (in != null) {
            return super.clips(in);
        }
        final List<Path> files = ClipListing.list(checkedFolder(), m_recursive.getBooleanValue(),
            m_pattern.getStringValue());
        final List<Clip> clips = new ArrayList<>(files.size());
        for (Path p : files) {
            clips.add(new Clip(RowKey.createRowKey((long)clips.size()), null, VideoProbe.clipId(p), p, null));
        }
        return clips;
    }

    @Override
    protected List<Outcome<ClipInfo>> process(final List<Clip> clips, final DataTableSpec in, final OnError onError,
        final Progress progress) throws Exception {
        return VideoProbe.probeAll(clips.stream().map(Clip::input).toList(), threads(), onError, progress);
    }

    @Override
    protected boolean appendsToInput() {
        return false;
    }

    @Override
    protected List<DataColumnSpec> resultColumns(final DataTableSpec in) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            cols.add(column(in, NAMES.get(i), TYPES.get(i)));
        }
        return cols;
    }

    @Override
    protected List<DataCell> resultCells(final Clip clip, final ClipInfo c) {
        return List.of(new StringCell(c.clipId()), new StringCell(c.path().toString()),
            new DoubleCell(c.durationSeconds()), new DoubleCell(c.fps()), new LongCell(c.frames()),
            new IntCell(c.width()), new IntCell(c.height()), new IntCell(c.rotation()),
            new StringCell(c.videoCodec()), BooleanCellFactory.create(c.hasAudio()),
            new IntCell(c.audioSampleRate()), new IntCell(c.audioChannels()));
    }

    /** A clip that could not be probed keeps its id and path (when it has a file). */
    @Override
    protected List<DataCell> failedCells(final Clip clip, final int columns) {
        final List<DataCell> cells = missing(columns);
        if (clip.input() != null) {
            cells.set(0, new StringCell(clip.id()));
            cells.set(1, new StringCell(clip.input().toAbsolutePath().normalize().toString()));
        }
        return cells;
    }

    @Override
    protected String errorColumn() {
        return "Probe error";
    }

    @Override
    protected String skippedPhrase() {
        return "could not be probed and were skipped";
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_all;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        CommonSettings.parse(loaded(VideoReaderSettings.pattern(), settings), ClipListing::compile);
    }
}
