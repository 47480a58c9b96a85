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

    static final String FORMAT_MP4 = "mp4";

    static final String FORMAT_FLV = "flv";

    static SettingsModelString folder() {
        return CommonSettings.outputFolder("knime://knime.workflow/vavl-data/demo-dataset");
    }

    static SettingsModelIntegerBounded speakers() {
        return new SettingsModelIntegerBounded("speakers", DemoSettings.defaults().speakers(), 3, 90);
    }

    static SettingsModelIntegerBounded clipsPerEmotion() {
        return new SettingsModelIntegerBounded("clips per emotion", DemoSettings.defaults().clipsPerEmotion(), 1, 12);
    }

    static SettingsModelIntegerBounded seed() {
        return new SettingsModelIntegerBounded("seed", (int)DemoSettings.defaults().seed(), 0, Integer.MAX_VALUE);
    }

    static SettingsModelString format() {
        return new SettingsModelString("format", FORMAT_MP4);
    }

    private final SettingsModelString m_folder = folder();

    private final SettingsModelIntegerBounded m_speakers = speakers();

    private final SettingsModelIntegerBounded m_clips = clipsPerEmotion();

    private final SettingsModelIntegerBounded m_seed = seed();

    private final SettingsModelString m_format = format();

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
        final DemoSettings s = DemoSettings.defaults().withSeed(m_seed.getIntValue())
            .withSpeakers(m_speakers.getIntValue()).withClipsPerEmotion(m_clips.getIntValue())
            .withFormat(FORMAT_FLV.equals(m_format.getStringValue()) ? ClipRecorder.Format.FLV_FLV1_MP3
                : ClipRecorder.Format.MP4_H264_AAC)
            .withThreads(CommonSettings.threads(m_threads));
        try {
            s.check();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        return s;
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        demoSettings();
        if (!List.of(FORMAT_MP4, FORMAT_FLV).contains(m_format.getStringValue())) {
            throw new InvalidSettingsException("Unknown format '" + m_format.getStringValue() + "': use mp4 or flv.");
        }
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
