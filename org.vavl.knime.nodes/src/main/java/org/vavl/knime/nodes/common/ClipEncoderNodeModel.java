package org.vavl.knime.nodes.common;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ClipEncoder;
import org.vavl.core.features.ClipEncoding;
import org.vavl.core.features.ClipEncoding.ClipInput;
import org.vavl.core.features.EncodedClip;
import org.vavl.core.features.ExistingFeatures;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

/**
 * The common part of the Audio Encoder and the Face Encoder nodes: one input table with a clip id column and
 * an input file column (WAV or face track); appends the feature file path, its frames and dim (and an error
 * column with on error = skip), per the table contract. The encoder is the node's built-in, a user's model
 * file, or existing {@code <clip>.npy} files attached by clip id.
 */
public abstract class ClipEncoderNodeModel extends SettingsNodeModel {

    /** Names and defaults of one encoder node. */
    public static final class Names {
        final String m_modality;

        final String m_pathColumn;

        final String m_framesColumn;

        final String m_dimColumn;

        final String m_errorColumn;

        final String m_inputSetting;

        final String m_builtIn;

        /**
         * @param modality "audio" or "visual", for messages
         * @param pathColumn e.g. {@code Visual features}
         * @param framesColumn e.g. {@code Visual feature frames}
         * @param dimColumn e.g. {@code Visual feature dim}
         * @param errorColumn e.g. {@code Visual features error}
         * @param inputSetting the key of the input column setting, for messages
         * @param builtIn the encoder setting value of the built-in encoder
         */
        public Names(final String modality, final String pathColumn, final String framesColumn,
            final String dimColumn, final String errorColumn, final String inputSetting, final String builtIn) {
            m_modality = modality;
            m_pathColumn = pathColumn;
            m_framesColumn = framesColumn;
            m_dimColumn = dimColumn;
            m_errorColumn = errorColumn;
            m_inputSetting = inputSetting;
            m_builtIn = builtIn;
        }
    }

    private final Names m_names;

    /** The clip id column. */
    protected final SettingsModelString m_clipColumn = EncoderSettings.clipColumn();

    /** The input file column (WAV or face track). */
    protected final SettingsModelString m_inputColumn;

    /** The encoder choice. */
    protected final SettingsModelString m_encoder;

    /** The model file. */
    protected final SettingsModelString m_modelFile = EncoderSettings.modelFile();

    /** The folder of existing feature files. */
    protected final SettingsModelString m_existingFolder = EncoderSettings.existingFolder();

    /** The output folder. */
    protected final SettingsModelString m_outputFolder;

    /** Parallel clips. */
    protected final SettingsModelIntegerBounded m_threads = CommonSettings.threads();

    /** fail / skip. */
    protected final SettingsModelString m_onError = CommonSettings.onError();

    /** never / if changed / always. */
    protected final SettingsModelString m_overwrite = CommonSettings.overwrite();

    /** auto / cpu / gpu. */
    protected final SettingsModelString m_device = CommonSettings.device();

    private final List<SettingsModel> m_all = new ArrayList<>();

    /**
     * @param names the node's column names and defaults
     * @param inputColumn the input column setting
     * @param defaultOutputFolder default of the output folder setting
     * @param specific the node's own settings (saved, loaded and validated with the common ones)
     */
    protected ClipEncoderNodeModel(final Names names, final SettingsModelString inputColumn,
        final String defaultOutputFolder, final List<SettingsModel> specific) {
        super(1, 1);
        m_names = names;
        m_inputColumn = inputColumn;
        m_encoder = EncoderSettings.encoder(names.m_builtIn);
        m_outputFolder = EncoderSettings.outputFolder(defaultOutputFolder);
        m_all.addAll(List.of(m_clipColumn, m_inputColumn, m_encoder, m_modelFile, m_existingFolder, m_outputFolder,
            m_threads, m_onError, m_overwrite, m_device));
        m_all.addAll(specific);
    }

    /** Registers node-specific settings (saved, loaded and validated with the common ones). */
    protected final void addSpecific(final SettingsModel... models) {
        m_all.addAll(List.of(models));
    }

    /**
     * Opens the encoder the settings describe (built-in or model file).
     *
     * @param modelFile the resolved model file, or null for the built-in
     * @param device the device setting
     * @param clips the clips to encode (e.g. to compute statistics over them)
     * @param in the input table
     * @param progress progress of any preparation and cancellation
     */
    protected abstract ClipEncoder openEncoder(Path modelFile, String device, List<ClipInput> clips,
        BufferedDataTable in, Progress progress) throws Exception;

    /**
     * Why a clip has no input file, when the row tells (e.g. the Face Aligner found no face in it); null for the
     * general "has no input file" message.
     */
    protected String noInputReason(final DataRow row, final DataTableSpec spec, final String clipId) {
        return null;
    }

    /** Checks the node's own settings in configure (and validate); the default checks nothing. */
    protected void checkSpecific(final DataTableSpec in) throws InvalidSettingsException {
        // nothing by default
    }

    /** @return the encoder choices of this node */
    protected List<String> encoderChoices() {
        return EncoderSettings.encoders(m_names.m_builtIn);
    }

    /** @return the encoder setting's value */
    protected final String encoderChoice() {
        return m_encoder.getStringValue();
    }

    /** @return true when existing feature files are attached instead of encoding */
    protected boolean attachesExisting() {
        return EncoderSettings.ENCODER_EXISTING.equals(m_encoder.getStringValue());
    }

    /** @return true when a user's model file is used */
    protected boolean usesModelFile() {
        return EncoderSettings.ENCODER_MODEL.equals(m_encoder.getStringValue());
    }

    /** The columns the node appends. */
    public DataTableSpec appendedSpec(final boolean withError) {
        final List<DataColumnSpec> cols = new ArrayList<>(List.of(
            new DataColumnSpecCreator(m_names.m_pathColumn, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(m_names.m_framesColumn, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(m_names.m_dimColumn, IntCell.TYPE).createSpec()));
        if (withError) {
            cols.add(new DataColumnSpecCreator(m_names.m_errorColumn, StringCell.TYPE).createSpec());
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = inSpecs[0];
        final OnError onError = CommonSettings.onError(m_onError);
        CommonSettings.overwrite(m_overwrite);
        CommonSettings.device(m_device);
        final String encoder = m_encoder.getStringValue();
        if (!encoderChoices().contains(encoder)) {
            throw new InvalidSettingsException("Unknown encoder '" + encoder + "': use one of " + encoderChoices() + ".");
        }
        Columns.require(in, m_clipColumn.getStringValue(), StringValue.class, EncoderSettings.CLIP_COLUMN);
        if (!attachesExisting()) {
            Columns.require(in, m_inputColumn.getStringValue(), StringValue.class, m_names.m_inputSetting);
            if (usesModelFile()) {
                final String f = m_modelFile.getStringValue();
                if (f == null || f.isBlank()) {
                    throw new InvalidSettingsException("Encoder 'model file' needs a model file (TorchScript .pt or"
                        + " ONNX .onnx, see docs/encoders.md), or choose the built-in encoder.");
                }
            }
        }
        checkSpecific(in);
        if (attachesExisting()) {
            WorkflowPaths.resolveFolder(m_existingFolder.getStringValue(), EncoderSettings.EXISTING_FOLDER);
        } else {
            WorkflowPaths.resolveOutputFolder(m_outputFolder.getStringValue(), EncoderSettings.OUTPUT_FOLDER);
        }
        final DataTableSpec appended = appendedSpec(onError == OnError.SKIP);
        for (String name : appended.getColumnNames()) {
            if (in.containsName(name)) {
                throw new InvalidSettingsException("The input table already has a column '" + name + "'. Remove it"
                    + " (Column Filter) before encoding the " + m_names.m_modality + " features again.");
            }
        }
        return new DataTableSpec[]{new DataTableSpec(in, appended)};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable in = inData[0];
        final DataTableSpec spec = in.getDataTableSpec();
        final OnError onError = CommonSettings.onError(m_onError);
        final int clipCol = Columns.require(spec, m_clipColumn.getStringValue(), StringValue.class,
            EncoderSettings.CLIP_COLUMN);
        final boolean existing = attachesExisting();
        final int inputCol = existing ? -1
            : Columns.require(spec, m_inputColumn.getStringValue(), StringValue.class, m_names.m_inputSetting);
        final List<DataRow> rows = new ArrayList<>();
        final List<ClipInput> clips = new ArrayList<>();
        for (DataRow row : in) {
            rows.add(row);
            final DataCell id = row.getCell(clipCol);
            final String clipId = id.isMissing() ? row.getKey().getString() : ((StringValue)id).getStringValue();
            Path input = null;
            if (inputCol >= 0) {
                final DataCell c = row.getCell(inputCol);
                if (!c.isMissing()) {
                    input = toPath(((StringValue)c).getStringValue());
                }
            }
            clips.add(new ClipInput(clipId, input, input == null ? noInputReason(row, spec, clipId) : null));
        }
        final Progress progress = ProgressBridge.of(exec);
        final List<EncodedClip> results;
        try {
            if (existing) {
                final Path folder = WorkflowPaths.resolveFolder(m_existingFolder.getStringValue(),
                    EncoderSettings.EXISTING_FOLDER);
                results = ExistingFeatures.attachAll(folder, clips.stream().map(ClipInput::clipId).toList(), onError,
                    progress);
            } else {
                final Path folder = WorkflowPaths.prepareOutputFolder(m_outputFolder.getStringValue(),
                    EncoderSettings.OUTPUT_FOLDER);
                final Path model = usesModelFile() ? resolveFile(m_modelFile.getStringValue()) : null;
                try (ClipEncoder encoder = openEncoder(model, CommonSettings.device(m_device), clips, in,
                    progress.sub(0, 0.05))) {
                    results = ClipEncoding.run(clips, encoder,
                        ClipEncoding.storeFor(folder, encoder, CommonSettings.overwrite(m_overwrite)),
                        CommonSettings.threads(m_threads), onError, progress.sub(0.05, 0.95));
                }
            }
        } catch (CancelledException e) {
            throw ProgressBridge.toKnime(e);
        }
        final boolean skip = onError == OnError.SKIP;
        final BufferedDataContainer out = exec.createDataContainer(new DataTableSpec(spec, appendedSpec(skip)));
        int failed = 0;
        int reused = 0;
        String firstError = null;
        for (int i = 0; i < rows.size(); i++) {
            final DataRow row = rows.get(i);
            final EncodedClip r = results.get(i);
            final List<DataCell> cells = new ArrayList<>(row.getNumCells() + 4);
            for (int k = 0; k < row.getNumCells(); k++) {
                cells.add(row.getCell(k));
            }
            if (r.ok()) {
                cells.add(new StringCell(r.features().toString()));
                cells.add(new IntCell(r.frames()));
                cells.add(new IntCell(r.dim()));
                reused += r.reused() && !existing ? 1 : 0;
            } else {
                failed++;
                firstError = firstError == null ? r.error() : firstError;
                cells.add(DataType.getMissingCell());
                cells.add(DataType.getMissingCell());
                cells.add(DataType.getMissingCell());
            }
            if (skip) {
                cells.add(r.ok() ? DataType.getMissingCell() : new StringCell(r.error()));
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells.toArray(new DataCell[0])));
        }
        out.close();
        if (failed > 0) {
            setWarningMessage(failed + " of " + rows.size() + " clip(s) have no " + m_names.m_modality
                + " features (see column '" + m_names.m_errorColumn + "'), e.g. " + firstError);
        }
        if (reused > 0) {
            getLogger().info(reused + " clip(s) were up to date and not encoded again.");
        }
        return new BufferedDataTable[]{out.getTable()};
    }

    /** @return a model file setting as a path (see {@link WorkflowPaths}) */
    private static Path resolveFile(final String value) throws InvalidSettingsException {
        return WorkflowPaths.resolveFile(value, EncoderSettings.MODEL_FILE);
    }

    /**
     * An input path cell (see {@link WorkflowPaths#resolveCell}); text that names no local file becomes a file name
     * that does not exist, so that the clip fails naming it.
     */
    static Path toPath(final String value) {
        try {
            return WorkflowPaths.resolveCell(value);
        } catch (IllegalArgumentException e) {
            return Paths.get(value.trim().replaceAll("[^\\p{Print}]", "_").replace(':', '_'));
        }
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_all;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        CommonSettings.onError(loaded(CommonSettings.onError(), settings));
        CommonSettings.overwrite(loaded(CommonSettings.overwrite(), settings));
        CommonSettings.device(loaded(CommonSettings.device(), settings));
        final SettingsModelString encoder = loaded(EncoderSettings.encoder(m_names.m_builtIn), settings);
        if (!encoderChoices().contains(encoder.getStringValue())) {
            throw new InvalidSettingsException(
                "Unknown encoder '" + encoder.getStringValue() + "': use one of " + encoderChoices() + ".");
        }
    }
}
