package org.vavl.knime.nodes.demo;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.demo.DemoDataset;
import org.vavl.core.demo.DemoSettings;
import org.vavl.core.media.ClipListing;
import org.vavl.core.media.ClipRecorder;
import org.vavl.core.util.CancelledException;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.common.ProgressBridge;
import org.vavl.knime.nodes.common.SettingsNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Demo Dataset: generates the project's synthetic audio-visual emotion dataset into a folder when it is not
 * there yet (or was made with other settings), and lists its clips, so that the demo workflow runs anywhere
 * with no download. Pushes the label file's path as the flow variable {@value #LABEL_FILE_VARIABLE}.
 */
final class DemoDatasetNodeModel extends SettingsNodeModel {

    /** Flow variable with the absolute path of the dataset's label file (CREMA-D consensus format). */
    static final String LABEL_FILE_VARIABLE = "demo_label_file";

    /** Flow variable with the absolute path of the dataset's folder. */
    static final String FOLDER_VARIABLE = "demo_folder";

    static SettingsModelString folder() {
        return CommonSettings.outputFolder("knime://knime.workflow/vavl-data/demo-dataset");
    }

    private final SettingsModelString m_folder = folder();

    private final SettingsModelIntegerBounded m_speakers = SettingModels.integer(DemoSettings.SPEAKERS);

    private final SettingsModelIntegerBounded m_clips = SettingModels.integer(DemoSettings.CLIPS_PER_EMOTION);

    private final SettingsModelIntegerBounded m_seed = SettingModels.integer(DemoSettings.SEED);

    private final SettingsModelString m_format = SettingModels.string(DemoSettings.FORMAT);

    private final SettingsModelIntegerBounded m_threads = CommonSettings.threads();

    private final List<SettingsModel> m_all = List.of(m_folder, m_speakers, m_clips, m_seed, m_format, m_threads);

    DemoDatasetNodeModel() {
        super(0, 1);
    }

    static DataTableSpec outSpec() {
        return new DataTableSpec(new DataColumnSpecCreator("Clip", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Path", StringCell.TYPE).createSpec());
    }

    private DemoSettings demoSettings() throws InvalidSettingsException {
        try {
            return DemoSettings.SETTINGS.builder().set(DemoSettings.SEED, SettingModels.value(DemoSettings.SEED, m_seed))
                .set(DemoSettings.SPEAKERS, SettingModels.value(DemoSettings.SPEAKERS, m_speakers))
                .set(DemoSettings.CLIPS_PER_EMOTION, SettingModels.value(DemoSettings.CLIPS_PER_EMOTION, m_clips))
                .set(DemoSettings.FORMAT, SettingModels.value(DemoSettings.FORMAT, m_format))
                .set(DemoSettings.THREADS, CommonSettings.threads(m_threads)).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        demoSettings();
        final Path folder = WorkflowPaths.resolveFolder(m_folder.getStringValue(), "output folder");
        pushFlowVariableString(LABEL_FILE_VARIABLE, folder.resolve(DemoDataset.LABEL_FILE).toString());
        pushFlowVariableString(FOLDER_VARIABLE, folder.toString());
        return new DataTableSpec[] {outSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final Path folder = WorkflowPaths.resolveFolder(m_folder.getStringValue(), "output folder");
        final DemoSettings settings = demoSettings();
        try {
            if (!DemoDataset.ensure(folder, settings, ProgressBridge.of(exec))) {
                exec.setMessage("The dataset in " + folder + " is complete; kept as it is.");
            }
        } catch (CancelledException e) {
            throw ProgressBridge.toKnime(e);
        }
        pushFlowVariableString(LABEL_FILE_VARIABLE, folder.resolve(DemoDataset.LABEL_FILE).toString());
        pushFlowVariableString(FOLDER_VARIABLE, folder.toString());
        final List<Path> videos = ClipListing.list(folder.resolve(DemoDataset.VIDEO_FOLDER), false,
            "*." + settings.format().extension());
        final BufferedDataContainer c = exec.createDataContainer(outSpec());
        long row = 0;
        for (Path v : videos) {
            final String name = v.getFileName().toString();
            c.addRowToTable(new DefaultRow("Row" + row++, new StringCell(name.substring(0, name.lastIndexOf('.'))),
                new StringCell(v.toAbsolutePath().toString())));
        }
        c.close();
        return new BufferedDataTable[] {c.getTable()};
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_all;
    }
}
