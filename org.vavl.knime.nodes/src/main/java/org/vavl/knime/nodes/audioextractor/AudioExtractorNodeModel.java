package org.vavl.knime.nodes.audioextractor;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.media.AudioExtractor;
import org.vavl.core.media.AudioSampleFormat;
import org.vavl.core.media.ExtractedAudio;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.PerClipNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Audio Extractor: one mono WAV file per clip at the target rate (default 16 kHz), written in-process and
 * streaming by the engine's {@link AudioExtractor#extractAll}; appends the WAV path and the audio's measures. A reset
 * leaves the WAV files: a re-run skips the clips whose file is up to date.
 */
final class AudioExtractorNodeModel extends PerClipNodeModel<ExtractedAudio> {

    private final SettingsModelString m_pathColumn = AudioExtractorSettings.pathColumn();

    private final SettingsModelString m_clipColumn = AudioExtractorSettings.clipColumn();

    private final SettingsModelString m_outputFolder = AudioExtractorSettings.outputFolder();

    private final SettingsModelIntegerBounded m_sampleRate = AudioExtractorSettings.sampleRate();

    private final SettingsModelString m_sampleFormat = AudioExtractorSettings.sampleFormat();

    private final SettingsModelDoubleBounded m_maxDuration = AudioExtractorSettings.maxDuration();

    private final SettingsModelString m_overwrite = AudioExtractorSettings.overwrite();

    private final List<SettingsModel> m_all = List.of(m_pathColumn, m_clipColumn, m_outputFolder, m_sampleRate,
        m_sampleFormat, m_maxDuration, m_threads, m_onError, m_overwrite);

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
        CommonSettings.overwrite(m_overwrite);
        WorkflowPaths.resolveOutputFolder(m_outputFolder.getStringValue(), "output folder");
    }

    private AudioExtractor extractor() throws InvalidSettingsException {
        try {
            return new AudioExtractor(m_sampleRate.getIntValue(),
                AudioSampleFormat.fromSetting(m_sampleFormat.getStringValue()), m_maxDuration.getDoubleValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected List<Outcome<ExtractedAudio>> process(final List<Clip> clips, final DataTableSpec in,
        final OnError onError, final Progress progress) throws Exception {
        final Path folder = WorkflowPaths.prepareOutputFolder(m_outputFolder.getStringValue(), "output folder");
        final List<Outcome<ExtractedAudio>> out = extractor().extractAll(
            clips.stream().map(c -> new AudioExtractor.Job(c.id(), c.input())).toList(), folder,
            CommonSettings.overwrite(m_overwrite), threads(), onError, progress);
        final long reused = out.stream().filter(o -> o.ok() && o.value().reused()).count();
        if (reused > 0) {
            getLogger().info(reused + " clip(s) were up to date in " + folder + " and were not extracted again.");
        }
        return out;
    }

    @Override
    protected List<DataColumnSpec> resultColumns(final DataTableSpec in) {
        return List.of(column(in, "Audio path", StringCell.TYPE), column(in, "Audio duration (s)", DoubleCell.TYPE),
            column(in, "Audio samples", LongCell.TYPE), column(in, "RMS (dBFS)", DoubleCell.TYPE),
            column(in, "Clipped ratio", DoubleCell.TYPE));
    }

    @Override
    protected List<DataCell> resultCells(final Clip clip, final ExtractedAudio a) {
        return List.of(new StringCell(a.wav().toAbsolutePath().toString()), new DoubleCell(a.durationSeconds()),
            new LongCell(a.samples()), new DoubleCell(a.rmsDbfs()), new DoubleCell(a.clippedRatio()));
    }

    @Override
    protected String errorColumn() {
        return "Audio error";
    }

    @Override
    protected String skippedWarning(final int skipped, final int total, final String firstError) {
        return skipped + " of " + total + " clip(s) skipped: see column '" + errorColumn() + "'.";
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
        CommonSettings.overwrite(loaded(AudioExtractorSettings.overwrite(), settings));
    }
}
