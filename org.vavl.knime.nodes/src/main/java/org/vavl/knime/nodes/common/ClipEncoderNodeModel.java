package org.vavl.knime.nodes.common;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ClipEncoder;
import org.vavl.core.features.ClipEncoding;
import org.vavl.core.features.ClipEncoding.ClipInput;
import org.vavl.core.features.EncodedClip;
import org.vavl.core.features.ExistingFeatures;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

/**
 * The common part of the Audio Encoder and the Face Encoder nodes, on the {@link PerClipNodeModel per-clip
 * skeleton}: one input table with a clip id column and an input file column (WAV or face track); appends the feature
 * file path, its frames and dim (and an error column with on error = skip), per the table contract. The encoder is
 * the node's built-in, a user's model file ({@link ClipEncoding#run}), or existing {@code <clip>.npy} files attached
 * by clip id ({@link ExistingFeatures#attachAll}).
 */
public abstract class ClipEncoderNodeModel extends PerClipNodeModel<EncodedClip> {

    /**
     * Names of one encoder node: its modality ("audio", "visual") for messages, its columns (e.g. {@code Visual
     * features}, {@code ... frames}, {@code ... dim}, {@code ... error}), the input column's key and the built-in.
     */
    public record Names(String modality, String pathColumn, String framesColumn, String dimColumn,
        String errorColumn, String inputSetting, String builtIn) {
    }

    private final Names m_names;

    private final SettingsModelString m_clipColumn = EncoderSettings.clipColumn();

    private final SettingsModelString m_inputColumn;

    private final EncoderChoice m_encoder;

    /**
     * @param names the node's column names and defaults
     * @param inputColumn the input column setting
     * @param defaultOutputFolder default of the output folder setting
     *            (a node registers its own settings after these, see {@link #register})
     */
    protected ClipEncoderNodeModel(final Names names, final SettingsModelString inputColumn,
        final String defaultOutputFolder) {
        super(names.errorColumn(), "have no " + names.modality() + " features", defaultOutputFolder);
        m_names = names;
        m_inputColumn = inputColumn;
        m_encoder = new EncoderChoice(names.builtIn(), this::encoderChoices);
        register(m_clipColumn, m_inputColumn);
        register(m_encoder.models());
        register(m_outputFolder, m_threads, m_onError, m_overwrite, m_encoder.deviceModel());
    }

    /**
     * Opens the encoder the settings describe (built-in or model file).
     *
     * @param modelFile the resolved model file, or null for the built-in
     * @param device the device setting
     * @param clips the clips to encode (e.g. to compute statistics over them)
     * @param in the input table's spec
     * @param progress progress of any preparation and cancellation
     */
    protected abstract ClipEncoder openEncoder(Path modelFile, String device, List<Clip> clips, DataTableSpec in,
        Progress progress) throws Exception;

    /** Checks the node's own settings in configure; the default checks nothing. */
    protected void checkSpecific(final DataTableSpec in) throws InvalidSettingsException {
        // nothing by default
    }

    /** @return the encoder choices of this node */
    protected List<String> encoderChoices() {
        return EncoderSettings.encoders(m_names.builtIn());
    }

    /** @return the encoder settings */
    protected final EncoderChoice encoder() {
        return m_encoder;
    }

    /** @return the encoder setting's value */
    protected final String encoderChoice() {
        return m_encoder.value();
    }

    /** @return true when a user's model file is used */
    protected final boolean usesModelFile() {
        return m_encoder.modelFile();
    }

    /** Existing feature files are attached, nothing is written. */
    @Override
    protected boolean writesFiles() {
        return !m_encoder.existing();
    }

    @Override
    protected int pathColumn(final DataTableSpec in) throws InvalidSettingsException {
        return m_encoder.existing() ? -1
            : Columns.require(in, m_inputColumn.getStringValue(), StringValue.class, m_names.inputSetting());
    }

    @Override
    protected int clipColumn(final DataTableSpec in) throws InvalidSettingsException {
        return Columns.require(in, m_clipColumn.getStringValue(), StringValue.class, EncoderSettings.CLIP_COLUMN);
    }

    @Override
    protected void checkSettings(final DataTableSpec in) throws InvalidSettingsException {
        m_encoder.check();
        checkSpecific(in);
        for (String name : outSpec(new DataTableSpec(), onError() == OnError.SKIP).getColumnNames()) {
            if (in.containsName(name)) {
                throw new InvalidSettingsException("The input table already has a column '" + name + "'. Remove it"
                    + " (Column Filter) before encoding the " + m_names.modality() + " features again.");
            }
        }
    }

    @Override
    protected List<Outcome<EncodedClip>> process(final List<Clip> clips, final DataTableSpec in,
        final OnError onError, final Progress progress) throws Exception {
        final List<EncodedClip> results = m_encoder.existing()
            ? ExistingFeatures.attachAll(m_encoder.existingFolder(), clips.stream().map(Clip::id).toList(), onError,
                progress)
            : encode(clips, in, onError, progress);
        return results.stream().map(r -> r.ok() ? Outcome.ok(r) : Outcome.<EncodedClip> failed(r.error())).toList();
    }

    private List<EncodedClip> encode(final List<Clip> clips, final DataTableSpec in, final OnError onError,
        final Progress progress) throws Exception {
        final Path folder = outputFolder();
        final List<EncodedClip> results;
        try (ClipEncoder encoder = openEncoder(m_encoder.modelFilePath(), m_encoder.device(), clips, in,
            progress.sub(0, 0.05))) {
            results = ClipEncoding.run(clips.stream().map(c -> new ClipInput(c.id(), c.input())).toList(), encoder,
                ClipEncoding.storeFor(folder, encoder, overwrite()), threads(), onError, progress.sub(0.05, 0.95));
        }
        final long reused = results.stream().filter(r -> r.ok() && r.reused()).count();
        if (reused > 0) {
            getLogger().info(reused + " clip(s) were up to date and not encoded again.");
        }
        return results;
    }

    /** A clip without an input file, as the engine says it. */
    @Override
    protected String noInput(final Clip clip, final DataTableSpec spec, final String column) {
        return "Clip '" + clip.id() + "' has no input file (missing value). Check the input column, or skip such "
            + "clips (on error = skip).";
    }

    @Override
    protected List<Column<EncodedClip>> columns() {
        return List.of(
            new Column<>(m_names.pathColumn(), StringCell.TYPE, r -> new StringCell(r.features().toString())),
            new Column<>(m_names.framesColumn(), IntCell.TYPE, r -> new IntCell(r.frames())),
            new Column<>(m_names.dimColumn(), IntCell.TYPE, r -> new IntCell(r.dim())));
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        m_encoder.validate(settings);
    }
}
