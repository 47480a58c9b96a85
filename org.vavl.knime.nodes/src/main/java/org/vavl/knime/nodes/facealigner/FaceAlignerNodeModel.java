package org.vavl.knime.nodes.facealigner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.face.FaceTrackExtractor;
import org.vavl.core.face.FaceTrackResult;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.PerClipNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Face Aligner: for each clip of the input table, a face track (one video file per clip, each frame the clip's
 * aligned main face) made by {@link FaceTrackExtractor#run}, and the clip's figures appended as columns.
 */
final class FaceAlignerNodeModel extends PerClipNodeModel<FaceTrackResult> {

    private final SettingsModelString m_pathColumn = FaceAlignerSettings.pathColumn();

    private final SettingsModelString m_clipColumn = FaceAlignerSettings.clipColumn();

    private final SettingsModelString m_outputFolder = FaceAlignerSettings.outputFolder();

    private final AlignmentSettings m_alignment = new AlignmentSettings();

    private final SettingsModelDoubleBounded m_lowRatio = FaceAlignerSettings.lowRatio();

    private final SettingsModelString m_overwrite = FaceAlignerSettings.overwrite();

    @Override
    protected int pathColumn(final DataTableSpec in) throws InvalidSettingsException {
        return Columns.require(in, m_pathColumn.getStringValue(), StringValue.class, FaceAlignerSettings.PATH_COLUMN);
    }

    @Override
    protected int clipColumn(final DataTableSpec in) throws InvalidSettingsException {
        return clipColumnOrFileName(in, m_clipColumn);
    }

    @Override
    protected void checkSettings(final DataTableSpec in) throws InvalidSettingsException {
        m_alignment.engine(false);
        CommonSettings.overwrite(m_overwrite);
        WorkflowPaths.resolveOutputFolder(m_outputFolder.getStringValue(), FaceAlignerSettings.OUTPUT_FOLDER);
    }

    @Override
    protected List<Outcome<FaceTrackResult>> process(final List<Clip> clips, final DataTableSpec in,
        final OnError onError, final Progress progress) throws Exception {
        final Path folder = WorkflowPaths.prepareOutputFolder(m_outputFolder.getStringValue(),
            FaceAlignerSettings.OUTPUT_FOLDER);
        final FaceTrackExtractor x;
        try {
            x = new FaceTrackExtractor(m_alignment.engine(true), folder, CommonSettings.overwrite(m_overwrite));
        } catch (IOException e) { // a YuNet model that cannot be loaded, named
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        try (x) {
            return x.run(clips.stream().map(c -> new FaceTrackExtractor.ClipInput(c.id(), c.input())).toList(),
                threads(), onError, progress);
        }
    }

    /** The face columns; the mean detection confidence only with a detector that gives one (YuNet). */
    static List<DataColumnSpec> columns(final DataTableSpec in, final boolean withConfidence) {
        final List<DataColumnSpec> cols = new ArrayList<>(List.of(column(in, "Face track", StringCell.TYPE),
            column(in, "Frames read", LongCell.TYPE), column(in, "Frames with face", LongCell.TYPE),
            column(in, "Face ratio", DoubleCell.TYPE), column(in, "Median face size (px)", DoubleCell.TYPE)));
        if (withConfidence) {
            cols.add(column(in, "Mean detection confidence", DoubleCell.TYPE));
        }
        return cols;
    }

    /** The appended columns of the table contract, as a spec (without the error column). */
    static DataTableSpec outputSpec(final DataTableSpec in, final boolean withError, final boolean withConfidence) {
        final List<DataColumnSpec> cols = new ArrayList<>(columns(in, withConfidence));
        if (withError) {
            cols.add(column(in, "Face error", StringCell.TYPE));
        }
        return new DataTableSpec(in, new DataTableSpec(cols.toArray(DataColumnSpec[]::new)));
    }

    @Override
    protected List<DataColumnSpec> resultColumns(final DataTableSpec in) {
        return columns(in, m_alignment.withConfidence());
    }

    @Override
    protected List<DataCell> resultCells(final Clip clip, final FaceTrackResult r) {
        final List<DataCell> cells = new ArrayList<>(List.of(
            r.faceTrack() == null ? DataType.getMissingCell() : new StringCell(r.faceTrack().toString()),
            new LongCell(r.framesRead()), new LongCell(r.framesWithFace()), new DoubleCell(r.faceRatio()),
            number(r.medianFaceSize())));
        if (m_alignment.withConfidence()) {
            cells.add(number(r.meanDetectionConfidence()));
        }
        return cells;
    }

    private static DataCell number(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    @Override
    protected List<String> resultWarnings(final List<FaceTrackResult> results, final int total) {
        final List<FaceTrackResult> none = results.stream().filter(r -> r.faceTrack() == null).toList();
        final List<FaceTrackResult> low = results.stream()
            .filter(r -> r.faceTrack() != null && r.faceRatio() < m_lowRatio.getDoubleValue()).toList();
        final List<String> lines = new ArrayList<>();
        if (!none.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "%d of %d clip(s) have no face track (missing 'Face track'): no face"
                + " found in clip '%s' (0 of %d frames)%s. Check that a face is visible and upright, or try the YuNet "
                + "detector.", none.size(), total, none.get(0).clipId(), none.get(0).framesRead(),
                none.size() > 1 ? ", and others" : ""));
        }
        if (!low.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "%d of %d clip(s) have a face in fewer than %.0f%% of their frames "
                + "(column 'Face ratio'), e.g. '%s' (%.2f)", low.size(), total, 100 * m_lowRatio.getDoubleValue(),
                low.get(0).clipId(), low.get(0).faceRatio()));
        }
        return lines;
    }

    @Override
    protected String errorColumn() {
        return "Face error";
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        final List<SettingsModel> all = new ArrayList<>(List.of(m_pathColumn, m_clipColumn, m_outputFolder));
        all.addAll(m_alignment.models());
        all.addAll(List.of(m_lowRatio, m_threads, m_onError, m_overwrite));
        return all;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        AlignmentSettings.validate(settings);
        CommonSettings.overwrite(loaded(FaceAlignerSettings.overwrite(), settings));
    }
}
