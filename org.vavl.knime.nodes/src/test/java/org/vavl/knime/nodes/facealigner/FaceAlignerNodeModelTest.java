package org.vavl.knime.nodes.facealigner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

/** The Face Aligner node through the test kit: columns, values, warnings, errors. */
class FaceAlignerNodeModelTest {

    @TempDir
    static Path dir;

    static Path face;

    static Path empty;

    @BeforeAll
    static void clips() throws Exception {
        face = dir.resolve("talker.mp4");
        FaceClips.write(face, 20, true);
        empty = dir.resolve("wall.mp4");
        FaceClips.write(empty, 10, false);
        Files.createFile(dir.resolve("zero.mp4"));
    }

    private static BufferedDataTable input(final Path... videos) {
        final DataTableSpec spec = Tables.spec("Clip", StringCell.TYPE, "Path", StringCell.TYPE);
        final Object[][] rows = new Object[videos.length][];
        for (int i = 0; i < videos.length; i++) {
            final String n = videos[i].getFileName().toString();
            rows[i] = new Object[] {n.substring(0, n.lastIndexOf('.')), videos[i].toString()};
        }
        return Tables.table(spec, rows);
    }

    @Test
    void appendsFaceColumnsAndWarnsAboutLowFaceRatio() throws Exception {
        final Path out = dir.resolve("tracks");
        try (NodeTester<FaceAlignerNodeModel> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.settings(s -> {
                s.addString("output folder", out.toString());
                s.addString("on error", "skip");
                s.addInt("threads", 2);
            });
            final BufferedDataTable in = input(face, empty, dir.resolve("zero.mp4"));
            final DataTableSpec spec = t.configureTable(in.getDataTableSpec());
            assertEquals(List.of("Clip", "Path", "Face track", "Frames read", "Frames with face", "Face ratio",
                "Median face size (px)", "Landmark ratio", "Mean landmark confidence", "Face error"),
                Arrays.asList(spec.getColumnNames()), "Haar gives no confidence: no such column; landmarks by default");
            assertEquals(List.of("Face track", "Frames read", "Frames with face", "Face ratio",
                "Median face size (px)", "Mean detection confidence"),
                FaceTrackColumns.of(true).stream().map(c -> c.name()).toList(),
                "YuNet gives one");
            final BufferedDataTable result = t.executeTable(in);
            final List<DataRow> rows = Tables.rows(result);
            final List<Object> a = Tables.values(rows.get(0));
            assertEquals(out.resolve("talker.avi").toString(), a.get(2));
            assertEquals(20L, a.get(3));
            assertEquals(20L, a.get(4));
            assertEquals(1.0, (Double)a.get(5), 1e-12);
            assertTrue((Double)a.get(6) > 40 && (Double)a.get(6) < 70, "median face " + a.get(6));
            assertEquals(1.0, (Double)a.get(7), 1e-12, "every frame levelled by landmarks");
            assertTrue((Double)a.get(8) > 0.5, "landmark confidence " + a.get(8));
            assertNull(a.get(9), "no error");
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(out.resolve("talker.avi").toFile())) {
                g.start();
                assertEquals(224, g.getImageWidth());
                assertEquals(224, g.getImageHeight());
            }
            final List<Object> b = Tables.values(rows.get(1));
            assertNull(b.get(2), "no face track without a face");
            assertEquals(10L, b.get(3));
            assertEquals(0L, b.get(4));
            assertEquals(0.0, (Double)b.get(5), 1e-12);
            final List<Object> c = Tables.values(rows.get(2));
            assertTrue(((String)c.get(9)).startsWith("Clip 'zero': the video file '"), (String)c.get(9));
            assertTrue(((String)c.get(9)).contains("is empty (0 bytes)"));
            final String w = t.warning();
            assertTrue(w.contains("1 of 3 clip(s) have no face track (missing 'Face track'): no face found in clip"
                + " 'wall' (0 of 10 frames). Check that a face is visible and upright, or try the YuNet detector."), w);
            assertTrue(!w.contains("fewer than 50%"), w);
            assertTrue(w.contains("1 of 3 clip(s) failed"), w);
        }
    }

    @Test
    void tinyDetectorAndLandmarksAddTheirColumns() throws Exception {
        final Path out = dir.resolve("tracks-landmarks");
        try (NodeTester<FaceAlignerNodeModel> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.settings(s -> {
                s.addString("output folder", out.toString());
                s.addString("detector", "tiny");
                s.addString("alignment", "landmarks");
                s.addInt("threads", 1);
            });
            final BufferedDataTable in = input(face);
            final DataTableSpec spec = t.configureTable(in.getDataTableSpec());
            assertEquals(List.of("Clip", "Path", "Face track", "Frames read", "Frames with face", "Face ratio",
                "Median face size (px)", "Mean detection confidence", "Landmark ratio", "Mean landmark confidence"),
                Arrays.asList(spec.getColumnNames()));
            final List<Object> a = Tables.values(Tables.rows(t.executeTable(in)).get(0));
            assertEquals(20L, a.get(4), "a face in every frame");
            assertTrue((Double)a.get(7) > 0.7, "tiny detector's score " + a.get(7));
            assertEquals(1.0, (Double)a.get(8), 1e-12, "every frame levelled by landmarks");
            assertTrue((Double)a.get(9) > 0.5, "landmark confidence " + a.get(9));
        }
    }

    @Test
    void workflowsSavedBeforeTheAlignmentSettingKeepEyes() throws Exception {
        try (NodeTester<FaceAlignerNodeModel> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.settings(s -> s.addString("output folder", dir.resolve("tracks-old").toString()));
            final org.knime.core.node.NodeSettings old = t.savedSettings();
            old.removeConfig(FaceAlignerSettings.ALIGNMENT);
            t.loadSettings(old);
            assertEquals(List.of("Clip", "Path", "Face track", "Frames read", "Frames with face", "Face ratio",
                "Median face size (px)"), Arrays.asList(t.configureTable(input(face).getDataTableSpec())
                    .getColumnNames()), "eyes alignment: no landmark columns");
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.settings(s -> s.addString("alignment", "mesh")));
            assertTrue(e.getMessage().contains("'alignment' is 'mesh'"), e.getMessage());
        }
    }

    @Test
    void anUnusableOutputFolderFailsOnceNamingTheSettingEvenWithSkip() throws Exception {
        final Path file = Files.writeString(dir.resolve("a-file.txt"), "x");
        try (NodeTester<FaceAlignerNodeModel> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.settings(s -> {
                s.addString("output folder", file.resolve("tracks").toString());
                s.addString("on error", "skip");
            });
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.executeTable(input(face, empty)));
            assertEquals("Setting 'output folder': the folder '" + file.resolve("tracks") + "' cannot be used: '" + file
                + "' is a file, so no folder can be made inside it. Choose a folder you can write to.", e.getMessage());
        }
        try (NodeTester<FaceAlignerNodeModel> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.settings(s -> {
                s.addString("output folder", dir.resolve("ok").toString());
                s.addString("png folder", file.toString());
            });
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.configureTable(input(face).getDataTableSpec()));
            assertTrue(e.getMessage().startsWith("Setting '" + FaceAlignerSettings.PNG_FOLDER + "': the folder '"),
                e.getMessage());
        }
    }

    @Test
    void failsNamingTheClipAndChecksYunetModel() throws Exception {
        try (NodeTester<FaceAlignerNodeModel> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.settings(s -> s.addString("output folder", dir.resolve("fail").toString()));
            final Exception e = assertThrows(Exception.class, () -> t.executeTable(input(dir.resolve("zero.mp4"))));
            assertTrue(e.getMessage().contains("Clip 'zero'"), e.getMessage());
        }
        try (NodeTester<FaceAlignerNodeModel> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            final Path missing = dir.resolve("face_detection_yunet_2023mar.onnx");
            t.settings(s -> {
                s.addString("detector", "yunet");
                s.addString("yunet model", missing.toString());
            });
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.configureTable(input(face).getDataTableSpec()));
            assertTrue(e.getMessage().contains("'" + missing + "'") && e.getMessage().contains("does not exist"),
                e.getMessage());
        }
        try (NodeTester<FaceAlignerNodeModel> t = NodeTester.of(new FaceAlignerNodeFactory())) {
            t.settings(s -> s.addString("path column", "Video"));
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.configureTable(input(face).getDataTableSpec()));
            assertTrue(e.getMessage().contains("Column 'Video'"), e.getMessage());
        }
    }
}
