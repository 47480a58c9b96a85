package org.vavl.knime.nodes.port;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Where the AuxFormer nodes find a clip's feature sequences: in the path columns of the table ({@code Audio
 * features}, {@code Visual features}, as the encoder nodes write them), or in two folders of {@code <clip>.npy}
 * files named by the clip column (the reference's layout, so features made by its scripts can be used). Also
 * gives each row's clip id (the clip column, or the row ID when the column is absent).
 */
public final class FeatureSource {

    /** Mode value: paths from columns. */
    public static final String COLUMNS = "columns";

    /** Mode value: {@code <clip>.npy} in folders. */
    public static final String FOLDERS = "folders";

    /** Mode values. */
    public static final List<String> MODES = List.of(COLUMNS, FOLDERS);

    /** The settings of a feature source (shared by model and dialog). */
    public static final class Settings {
        public final SettingsModelString m_mode = new SettingsModelString("feature source", COLUMNS);

        public final SettingsModelString m_audioColumn =
            new SettingsModelString("audio features column", "Audio features");

        public final SettingsModelString m_visualColumn =
            new SettingsModelString("visual features column", "Visual features");

        public final SettingsModelString m_audioFolder = new SettingsModelString("audio features folder", "");

        public final SettingsModelString m_visualFolder = new SettingsModelString("visual features folder", "");

        public final SettingsModelString m_clipColumn = CommonSettings.clipIdColumn();

        /** @return all models, for save / validate / load */
        public List<SettingsModel> all() {
            return List.of(m_mode, m_audioColumn, m_visualColumn, m_audioFolder, m_visualFolder, m_clipColumn);
        }

        /** @return true when features are read from folders */
        public boolean folders() throws InvalidSettingsException {
            final String m = m_mode.getStringValue();
            if (!MODES.contains(m)) {
                throw new InvalidSettingsException("Feature source '" + m + "' is unknown: use columns or folders.");
            }
            return FOLDERS.equals(m);
        }
    }

    private final int m_audioCol;

    private final int m_visualCol;

    private final int m_clipCol;

    private final Path m_audioFolder;

    private final Path m_visualFolder;

    private FeatureSource(final int audioCol, final int visualCol, final int clipCol, final Path audioFolder,
        final Path visualFolder) {
        m_audioCol = audioCol;
        m_visualCol = visualCol;
        m_clipCol = clipCol;
        m_audioFolder = audioFolder;
        m_visualFolder = visualFolder;
    }

    /**
     * Checks the settings against a table spec and resolves folders (relative to the workflow folder).
     *
     * @param bothRequired true when every clip needs both modalities (training): both columns or folders must be
     *            given; otherwise at least one
     */
    public static FeatureSource of(final Settings s, final DataTableSpec spec, final boolean bothRequired)
        throws InvalidSettingsException {
        final int clip = spec.findColumnIndex(s.m_clipColumn.getStringValue());
        if (s.folders()) {
            Columns.require(spec, s.m_clipColumn.getStringValue(), StringValue.class, "clip id column");
            final Path a = folder(s.m_audioFolder, "audio features folder", bothRequired);
            final Path v = folder(s.m_visualFolder, "visual features folder", bothRequired);
            if (a == null && v == null) {
                throw new InvalidSettingsException("Give the audio feature folder, the visual feature folder, or both.");
            }
            return new FeatureSource(-1, -1, clip, a, v);
        }
        final int a;
        final int v;
        if (bothRequired) {
            a = Columns.require(spec, s.m_audioColumn.getStringValue(), StringValue.class, "audio features column");
            v = Columns.require(spec, s.m_visualColumn.getStringValue(), StringValue.class, "visual features column");
        } else {
            a = optional(spec, s.m_audioColumn.getStringValue(), "audio features column");
            v = optional(spec, s.m_visualColumn.getStringValue(), "visual features column");
            if (a < 0 && v < 0) {
                throw new InvalidSettingsException("The input table has neither the audio feature column '"
                    + s.m_audioColumn.getStringValue() + "' nor the visual feature column '"
                    + s.m_visualColumn.getStringValue() + "'. Available: " + Columns.available(spec, StringValue.class)
                    + ".");
            }
        }
        if (clip >= 0 && !spec.getColumnSpec(clip).getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException(
                "The clip id column '" + s.m_clipColumn.getStringValue() + "' is not a string column.");
        }
        return new FeatureSource(a, v, clip, null, null);
    }

    private static int optional(final DataTableSpec spec, final String column, final String setting)
        throws InvalidSettingsException {
        return spec.findColumnIndex(column) < 0 ? -1 : Columns.require(spec, column, StringValue.class, setting);
    }

    private static Path folder(final SettingsModelString model, final String name, final boolean required)
        throws InvalidSettingsException {
        if (model.getStringValue().isBlank()) {
            if (required) {
                throw new InvalidSettingsException("Setting '" + name + "' is empty: give the folder of the <clip>.npy"
                    + " files.");
            }
            return null;
        }
        return WorkflowPaths.resolveFolder(model.getStringValue(), name);
    }

    /** @return the clip id of a row: the clip column's value, or the row ID */
    public String clipId(final DataRow row) {
        final String c = AuxFormerNodes.string(row, m_clipCol);
        return c != null ? c : row.getKey().getString();
    }

    /** @return the audio feature file of a row, or null when the row has none */
    public Path audio(final DataRow row) {
        return m_audioFolder != null ? m_audioFolder.resolve(clipId(row) + ".npy")
            : AuxFormerNodes.path(row, m_audioCol, "audio feature path");
    }

    /** @return the visual feature file of a row, or null when the row has none */
    public Path visual(final DataRow row) {
        return m_visualFolder != null ? m_visualFolder.resolve(clipId(row) + ".npy")
            : AuxFormerNodes.path(row, m_visualCol, "visual feature path");
    }
}
