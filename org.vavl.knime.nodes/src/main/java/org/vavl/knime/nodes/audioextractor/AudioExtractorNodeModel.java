package org.vavl.knime.nodes.audioextractor;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.media.AudioExtractor;
import org.vavl.core.media.AudioExtractionSettings;
import org.vavl.core.media.ExtractedAudio;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.PerClipNodeModel;
import org.vavl.knime.nodes.common.RecordModels;

/**
 * Audio Extractor: one mono WAV file per clip at the target rate (default 16 kHz), written in-process and
 * streaming by the engine's {@link AudioExtractor#extractAll}; appends the WAV path and the audio's measures. A reset
 * leaves the WAV files: a re-run skips the clips whose file is up to date.
 */
final class AudioExtractorNodeModel extends PerClipNodeModel<ExtractedAudio> {

    private final SettingsModelString m_pathColumn = CommonSettings.pathColumn();

    private final SettingsModelString m_clipColumn = CommonSettings.clipIdColumn();

    private final RecordModels<AudioExtractionSettings> m_extraction = AudioExtractorSettings.extraction();

    AudioExtractorNodeModel() {
        super("Audio error", "skipped", AudioExtractorSettings.DEFAULT_OUTPUT_FOLDER);
        register(m_pathColumn, m_clipColumn, m_outputFolder);
        register(m_extraction.models());
        register(m_threads, m_onError, m_overwrite);
    }

    @Override
    protected int pathColumn(final DataTableSpec in) throws InvalidSettingsException {
        return Columns.require(in, m_pathColumn.getStringValue(), StringValue.class, "Media file column");
    }

    @Override
    protected int clipColumn(final DataTableSpec in) throws InvalidSettingsException {
        return clipColumnOrFileName(in, m_clipColumn);
    }

    @Override
    protected void checkSettings(final DataTableSpec in) throws InvalidSettingsException {
        extractor();
    }

    private AudioExtractor extractor() throws InvalidSettingsException {
        return new AudioExtractor(m_extraction.record());
    }

    @Override
    protected List<Outcome<ExtractedAudio>> process(final List<Clip> clips, final DataTableSpec in,
        final OnError onError, final Progress progress) throws Exception {
        final Path folder = outputFolder();
        final List<Outcome<ExtractedAudio>> out = extractor().extractAll(
            clips.stream().map(c -> new AudioExtractor.Job(c.id(), c.input())).toList(), folder,
            overwrite(), threads(), onError, progress);
        final long reused = out.stream().filter(o -> o.ok() && o.value().reused()).count();
        if (reused > 0) {
            getLogger().info(reused + " clip(s) were up to date in " + folder + " and were not extracted again.");
        }
        return out;
    }

    @Override
    protected List<Column<ExtractedAudio>> columns() {
        return List.of(
            new Column<>("Audio path", StringCell.TYPE, a -> new StringCell(a.wav().toAbsolutePath().toString())),
            new Column<>("Audio duration (s)", DoubleCell.TYPE, a -> new DoubleCell(a.durationSeconds())),
            new Column<>("Audio samples", LongCell.TYPE, a -> new LongCell(a.samples())),
            new Column<>("RMS (dBFS)", DoubleCell.TYPE, a -> new DoubleCell(a.rmsDbfs())),
            new Column<>("Clipped ratio", DoubleCell.TYPE, a -> new DoubleCell(a.clippedRatio())));
    }

    @Override
    protected String skippedWarning(final int skipped, final int total, final String firstError) {
        return skipped + " of " + total + " clip(s) skipped: see column '" + errorColumn() + "'.";
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        m_extraction.record(settings);
    }
}
