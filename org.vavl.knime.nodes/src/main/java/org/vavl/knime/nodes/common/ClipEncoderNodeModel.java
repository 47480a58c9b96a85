package org.vavl.knime.nodes.common;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ClipEncoder;
import org.vavl.core.features.ClipEncoding;
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

    private final EncoderNames m_names;

    private final SettingsModelString m_clipColumn = EncoderSettings.clipColumn();

    private final SettingsModelString m_inputColumn;

    private final EncoderChoice m_encoder;

    /** A node registers its own settings after these ({@link #register}). */
    protected ClipEncoderNodeModel(final EncoderNames names, final SettingsModelString inputColumn,
        final String defaultOutputFolder) {
        super(names.errorColumn(), "have no " + names.modality() + " features", defaultOutputFolder);
        m_names = names;
        m_inputColumn = inputColumn;
        m_encoder = new EncoderChoice(names.builtIns().get(0), () -> EncoderSettings.encoders(names.builtIns()));
        register(m_clipColumn, m_inputColumn);
        register(m_encoder.models());
        register(m_outputFolder, m_threads, m_onError, m_overwrite, m_encoder.deviceModel());
    }

    /**
     * Opens the encoder the settings describe: the built-in ({@code modelFile} null) or the resolved model file, on
     * the {@code device} setting; {@code clips} (of the input table {@code in}) e.g. to compute statistics over them.
     */
    protected abstract ClipEncoder openEncoder(Path modelFile, String device, List<Clip> clips, DataTableSpec in,
        Progress progress) throws Exception;

    /** Checks the node's own settings in configure; the default checks nothing. */
    protected void checkSpecific(final DataTableSpec in) throws InvalidSettingsException {
    }

    /** @return the encoder settings: the choice ({@link EncoderChoice#value}), whether a model file is used */
    protected final EncoderChoice encoder() {
        return m_encoder;
    }

    @Override
    protected boolean writesFiles() { // existing feature files are attached, nothing is written
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
        m_names.checkAbsent(in, outSpec(new DataTableSpec(), onError() == OnError.SKIP));
    }

    @Override
    protected List<Outcome<EncodedClip>> process(final List<Clip> clips, final DataTableSpec in,
        final OnError onError, final Progress progress) throws Exception {
        if (m_encoder.existing()) {
            return FeatureFiles.outcomes(ExistingFeatures.attachAll(m_encoder.existingFolder(),
                clips.stream().map(Clip::id).toList(), onError, progress));
        }
        final Path folder = outputFolder();
        try (ClipEncoder encoder = openEncoder(m_encoder.modelFilePath(), m_encoder.device(), clips, in,
            progress.sub(0, 0.05))) {
            return FeatureFiles.encode(encoder, clips, folder, overwrite(), threads(), onError,
                progress.sub(0.05, 0.95), getLogger());
        }
    }

    /** A clip without an input file, as the engine says it. */
    @Override
    protected String noInput(final Clip clip, final DataTableSpec spec, final String column) {
        return "Clip '" + clip.id() + "' has no input file (missing value). Check the input column, or skip such "
            + "clips (on error = skip).";
    }

    @Override
    protected List<Column<EncodedClip>> columns() {
        return m_names.columns();
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        m_encoder.validate(settings);
    }
}
