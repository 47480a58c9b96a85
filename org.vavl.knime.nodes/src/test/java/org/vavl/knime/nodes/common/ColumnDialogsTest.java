package org.vavl.knime.nodes.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.vavl.knime.nodes.audioextractor.AudioExtractorNodeFactory;
import org.vavl.knime.nodes.facealigner.FaceAlignerNodeFactory;
import org.vavl.knime.nodes.labels.LabelJoinerNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

/**
 * What the nodes' dialogs save when opened and closed with OK on a table that lacks the default column, as KNIME
 * 5.3's column selection behaves: the saved column when there; {@code <none>} (saved as no column) where the node
 * offers it, that is where "no column" means something (the clip id from the file name, the path column found by
 * name); otherwise the last compatible column. And the runs with those saved settings do what the user saw.
 */
class ColumnDialogsTest {

    /** Two string columns, neither named Clip, and a number. */
    private static final DataTableSpec NO_CLIP = Tables.spec("Video", StringCell.TYPE, "Speaker", StringCell.TYPE,
        "Duration", DoubleCell.TYPE);

    @TempDir
    Path m_workflow;

    @Test
    void optionalClipIdColumnsSelectNoneWhenTheirColumnIsMissing() throws Exception {
        try (NodeTester<?> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.workflowFolder(m_workflow); // the output folders are knime://knime.workflow/... URLs
            t.settings(s -> s.addString("path column", "Video"));
            final NodeSettings saved = t.dialogRoundTrip(NO_CLIP);
            assertEquals("Video", saved.getString("path column"));
            assertNull(saved.getString("clip id column"), "<none>: the clip id comes from the video's file name");
            t.loadSettings(saved);
            t.configure(NO_CLIP);
        }
        try (NodeTester<?> t = NodeTester.of(new AudioExtractorNodeFactory())) {
            t.settings(s -> s.addString("path column", "Video"));
            final NodeSettings saved = t.dialogRoundTrip(NO_CLIP);
            assertNull(saved.getString("clip id column"), "<none>: the clip id comes from the media file name");
        }
        // the saved column is kept when it is there
        try (NodeTester<?> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.settings(s -> {
                s.addString("path column", "Video");
                s.addString("clip id column", "Speaker");
            });
            assertEquals("Speaker", t.dialogRoundTrip(NO_CLIP).getString("clip id column"));
        }
    }

    @Test
    void theVideoReadersPathColumnIsNoneWithoutATableAndKeptWithOne() throws Exception {
        try (NodeTester<?> t = NodeTester.of(new VideoReaderNodeFactory())) {
            assertNull(t.dialogRoundTrip((DataTableSpec)null).getString("path column"),
                "no table: <none>, the node then looks for a column named Path");
            t.settings(s -> s.addString("path column", "Speaker"));
            assertEquals("Speaker", t.dialogRoundTrip(NO_CLIP).getString("path column"));
        }
    }

    @Test
    void aRequiredColumnThatIsMissingBecomesTheLastCompatibleColumn() throws Exception {
        try (NodeTester<?> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            assertEquals("Clip", t.savedSettings().getString("clip id column"));
            // KNIME 5.3 shows (and saves) the last string column, not the first
            assertEquals("Speaker", t.dialogRoundTrip(NO_CLIP).getString("clip id column"));
            final NotConfigurableException e = assertThrows(NotConfigurableException.class,
                () -> t.dialogRoundTrip(Tables.spec("Duration", DoubleCell.TYPE)));
            assertEquals("No column in spec compatible to the required types.", e.getMessage());
        }
    }
}
