package org.vavl.knime.nodes.videoreader;

import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.BooleanCell.BooleanCellFactory;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortType;
import org.vavl.core.media.ClipInfo;
import org.vavl.core.media.VideoProbe;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.PerClipNodeModel;

/**
 * Video Reader: one row per clip with what FFmpeg says about it (duration, frame rate, frames, size, codec,
 * audio). The clips come from a folder (file pattern, optionally sub-folders) or, when a table is connected,
 * from its path column; {@link VideoProbe#probeAll} probes them. A clip that cannot be read fails the node or,
 * with "on error" = skip, gets its reason in the column {@code Probe error}.
 */
final class VideoReaderNodeModel extends PerClipNodeModel<ClipInfo> {

    private static final List<Column<ClipInfo>> COLUMNS = List.of(
        new Column<>("Clip", StringCell.TYPE, c -> new StringCell(c.clipId())),
        new Column<>("Path", StringCell.TYPE, c -> new StringCell(c.path().toString())),
        new Column<>("Duration (s)", DoubleCell.TYPE, c -> new DoubleCell(c.durationSeconds())),
        new Column<>("FPS", DoubleCell.TYPE, c -> new DoubleCell(c.fps())),
        new Column<>("Frames", LongCell.TYPE, c -> new LongCell(c.frames())),
        new Column<>("Width", IntCell.TYPE, c -> new IntCell(c.width())),
        new Column<>("Height", IntCell.TYPE, c -> new IntCell(c.height())),
        new Column<>("Rotation (deg)", IntCell.TYPE, c -> new IntCell(c.rotation())),
        new Column<>("Video codec", StringCell.TYPE, c -> new StringCell(c.videoCodec())),
        new Column<>("Has audio", BooleanCell.TYPE, c -> BooleanCellFactory.create(c.hasAudio())),
        new Column<>("Audio sample rate", IntCell.TYPE, c -> new IntCell(c.audioSampleRate())),
        new Column<>("Audio channels", IntCell.TYPE, c -> new IntCell(c.audioChannels())));

    private final ClipFolder m_clipFolder = new ClipFolder();

    private final SettingsModelString m_pathColumn = VideoReaderSettings.pathColumn();

    VideoReaderNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE_OPTIONAL}, new PortType[] {BufferedDataTable.TYPE}, "Probe error",
            "could not be probed and were skipped", null);
        register(m_clipFolder.models());
        register(m_pathColumn, m_threads, m_onError);
    }

    @Override
    protected void checkSettings(final DataTableSpec in) throws InvalidSettingsException {
        if (in == null) {
            m_clipFolder.check();
        }
    }

    @Override
    protected int pathColumn(final DataTableSpec in) throws InvalidSettingsException {
        return pathColumnOrFirst(in, m_pathColumn);
    }

    /** The listed folder's clips, or the input table's. */
    @Override
    protected List<Clip> clips(final BufferedDataTable in) throws Exception {
        return in != null ? super.clips(in) : m_clipFolder.clips();
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
    protected List<Column<ClipInfo>> columns() {
        return COLUMNS;
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
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        ClipFolder.validate(settings);
    }
}
