package org.vavl.knime.nodes.facealigner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
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
import org.vavl.knime.nodes.common.PerClipNodeModel;

/**
 * Face Aligner: for each clip of the input table, a face track (one video file per clip, each frame the clip's
 * aligned main face) made by {@link FaceTrackExtractor#run}, and the clip's figures appended as columns.
 */
final class FaceAlignerNodeModel extends PerClipNodeModel<FaceTrackResult> {

    private final SettingsModelString m_pathColumn = FaceAlignerSettings.pathColumn();

    private final SettingsModelString m_clipColumn = FaceAlignerSettings.clipColumn();

    private final AlignmentSettings m_alignment = new AlignmentSettings();

    private final SettingsModelDoubleBounded m_lowRatio = FaceAlignerSettings.lowRatio();

    FaceAlignerNodeModel() {
        super("Face error", "failed and were skipped", FaceAlignerSettings.DEFAULT_OUTPUT_FOLDER);
        register(m_pathColumn, m_clipColumn, m_outputFolder);
        register(m_alignment.models());
        register(m_lowRatio, m_threads, m_onError, m_overwrite);
    }

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
    }

    @Override
    protected List<Outcome<FaceTrackResult>> process(final List<Clip> clips, final DataTableSpec in,
        final OnError onError, final Progress progress) throws Exception {
        try (FaceTrackExtractor x = new FaceTrackExtractor(m_alignment.engine(true), outputFolder(), overwrite())) {
            return x.run(clips.stream().map(c -> new FaceTrackExtractor.ClipInput(c.id(), c.input())).toList(),
                threads(), onError, progress);
        }
    }

    @Override
    protected Map<SettingsModel, String> settingsAddedLater() {
        return m_alignment.addedLater();
    }

    @Override
    protected List<Column<FaceTrackResult>> columns() {
        return FaceTrackColumns.of(m_alignment.withConfidence(), m_alignment.withLandmarks());
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
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.loadValidatedSettingsFrom(settings);
        m_alignment.loaded(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        AlignmentSettings.validate(settings);
    }
}
