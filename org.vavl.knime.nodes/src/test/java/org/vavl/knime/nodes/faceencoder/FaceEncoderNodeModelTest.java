package org.vavl.knime.nodes.faceencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.core.media.ClipRecorder;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

class FaceEncoderNodeModelTest {

    @TempDir
    static Path dir;

    static Path a;

    static Path b;

    static final DataTableSpec SPEC = Tables.spec("Clip", StringCell.TYPE, "Face track", StringCell.TYPE);

    static Path fixture(final String name) {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "org.vavl.core", "src", "test", "resources", "org",
            "vavl", "core", "features", "fixtures", name);
    }

    @BeforeAll
    static void tracks() throws Exception {
        a = ClipRecorder.writeTestClip(dir.resolve("a.mp4"), ClipRecorder.Format.MP4_H264_AAC, 64, 64, 10, 0.5, 0, 0);
        b = ClipRecorder.writeTestClip(dir.resolve("b.mp4"), ClipRecorder.Format.MP4_H264_AAC, 64, 64, 10, 0.8, 0, 0);
    }

    private static BufferedDataTable input() {
        return Tables.table(SPEC, new Object[]{"a", a.toString()}, new Object[]{"b", b.toString()},
            new Object[]{"c", dir.resolve("missing.mp4").toString()}, new Object[]{"d", null});
    }

    @Test
    void builtInHogByDefaultWithErrorsSkipped() throws Exception {
        final Path out = dir.resolve("hog");
        final NodeTester<FaceEncoderNodeModel> t = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("output folder", out.toString());
            s.addString("on error", "skip");
            s.addInt("threads", 2);
        });
        final DataTableSpec spec = t.configureTable(SPEC);
        assertEquals(List.of("Clip", "Face track", "Visual features", "Visual feature frames", "Visual feature dim",
            "Visual features error"), Arrays.asList(spec.getColumnNames()));
        final BufferedDataTable r = t.executeTable(input());
        assertEquals(Arrays.asList(out.resolve("a.npy").toString(), out.resolve("b.npy").toString(), null, null),
            Tables.column(r, "Visual features"));
        assertEquals(Arrays.asList(5, 8, null, null), Tables.column(r, "Visual feature frames"));
        assertEquals(Arrays.asList(1764, 1764, null, null), Tables.column(r, "Visual feature dim"));
        assertNull(Tables.value(r, 0, "Visual features error"));
        assertTrue(((String)Tables.value(r, 2, "Visual features error")).contains("missing.mp4"));
        assertTrue(((String)Tables.value(r, 3, "Visual features error")).contains("'d' has no input file"));
        assertTrue(t.warning().startsWith("2 of 4 clip(s) have no visual features"), t.warning());
        final FeatureSequence f = Npy.read(out.resolve("b.npy"));
        assertEquals(8, f.frames());
        assertEquals("built-in HOG v1",
            new ClipOutputStore(out, "npy", java.util.Map.of(), org.vavl.core.util.Overwrite.IF_CHANGED)
                .readSettings("a").get("encoder"));
        assertTrue(t.progress().stream().anyMatch(p -> p.message() != null && p.message().contains("Clip 3 of 3")),
            t.progress().toString());
    }

    @Test
    void builtInExpressionNetwork() throws Exception {
        final Path out = dir.resolve("expression");
        final NodeTester<FaceEncoderNodeModel> t = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("encoder", "built-in expression network");
            s.addString("output folder", out.toString());
            s.addString("on error", "skip");
        });
        final BufferedDataTable r = t.executeTable(input());
        assertEquals(Arrays.asList(5, 8, null, null), Tables.column(r, "Visual feature frames"));
        assertEquals(Arrays.asList(263, 263, null, null), Tables.column(r, "Visual feature dim"));
        final FeatureSequence f = Npy.read(out.resolve("a.npy"));
        assertEquals(263, f.dim());
        for (int i = 0; i < f.frames(); i++) {
            double sum = 0;
            for (int k = 0; k < 7; k++) {
                sum += f.get(i, k);
            }
            assertEquals(1.0, sum, 1e-5, "frame " + i + ": the first 7 values are the expression probabilities");
        }
        assertTrue(new ClipOutputStore(out, "npy", java.util.Map.of(), org.vavl.core.util.Overwrite.IF_CHANGED)
            .readSettings("a").get("encoder").startsWith("built-in expression network"));
        final InvalidSettingsException bad = assertThrows(InvalidSettingsException.class,
            () -> NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> s.addString("encoder", "expression"))
                .configureTable(SPEC));
        assertTrue(bad.getMessage().contains("built-in expression network"), bad.getMessage());
    }

    @Test
    void expressionNetworkOutputChoosesTheValues() throws Exception {
        final BufferedDataTable both = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("encoder", "built-in expression network");
            s.addString("output folder", dir.resolve("expression-both").toString());
            s.addString("on error", "skip");
        }).executeTable(input());
        for (String[] c : new String[][] {{"probabilities", "7"}, {"embedding", "256"}}) {
            final Path out = dir.resolve("expression-" + c[0]);
            final BufferedDataTable r = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
                s.addString("encoder", "built-in expression network");
                s.addString("expression network output", c[0]);
                s.addString("output folder", out.toString());
                s.addString("on error", "skip");
            }).executeTable(input());
            final int dim = Integer.parseInt(c[1]);
            assertEquals(Arrays.asList(dim, dim, null, null), Tables.column(r, "Visual feature dim"), c[0]);
            // the part is the same values as in the 263 of both: probabilities first, then the embedding
            final FeatureSequence part = Npy.read(out.resolve("a.npy"));
            final FeatureSequence all = Npy.read(dir.resolve("expression-both").resolve("a.npy"));
            final int from = dim == 7 ? 0 : 7;
            for (int k = 0; k < dim; k++) {
                assertEquals(all.get(0, from + k), part.get(0, k), 1e-6, c[0] + " value " + k);
            }
        }
        assertEquals(Arrays.asList(263, 263, null, null), Tables.column(both, "Visual feature dim"));
        final InvalidSettingsException bad = assertThrows(InvalidSettingsException.class,
            () -> NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> s.addString("expression network output",
                "logits")).configureTable(SPEC));
        assertTrue(bad.getMessage().contains("'expression network output' is 'logits'"), bad.getMessage());
    }

    @Test
    void aClipWithoutAFaceSaysSoAndAnUnusableFolderFailsOnce() throws Exception {
        final DataTableSpec spec = Tables.spec("Clip", StringCell.TYPE, "Face track", StringCell.TYPE, "Frames read",
            org.knime.core.data.def.LongCell.TYPE, "Frames with face", org.knime.core.data.def.LongCell.TYPE);
        final BufferedDataTable in = Tables.table(spec, new Object[]{"a", a.toString(), 10L, 10L},
            new Object[]{"wall", null, 12L, 0L});
        final NodeTester<FaceEncoderNodeModel> skip = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("output folder", dir.resolve("noface").toString());
            s.addString("on error", "skip");
        });
        final BufferedDataTable r = skip.executeTable(in);
        assertEquals("No face found in clip 'wall' (0 of 12 frames): the Face Aligner made no face track for it, so it"
            + " has no visual features. Check the video (is a face visible and upright?), try the YuNet detector, or"
            + " skip such clips (on error = skip).", Tables.value(r, 1, "Visual features error"));
        final NodeTester<FaceEncoderNodeModel> fail = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> s
            .addString("output folder", dir.resolve("noface").toString()));
        final Exception e = assertThrows(Exception.class, () -> fail.executeTable(in));
        assertTrue(e.getMessage().startsWith("No face found in clip 'wall'"), e.getMessage());

        final Path file = Files.writeString(dir.resolve("plain-file"), "x");
        final NodeTester<FaceEncoderNodeModel> bad = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("output folder", file.toString());
            s.addString("on error", "skip");
        });
        final InvalidSettingsException b = assertThrows(InvalidSettingsException.class, () -> bad.executeTable(in));
        assertEquals("Setting 'output folder': the folder '" + file + "' cannot be used: '" + file + "' is a file, not"
            + " a folder. Choose a folder you can write to.", b.getMessage());
    }

    @Test
    void modelFileAndItsErrors() throws Exception {
        final Path out = dir.resolve("model");
        final NodeTester<FaceEncoderNodeModel> t = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("encoder", "model file");
            s.addString("model file", fixture("tiny_cnn.onnx").toString());
            s.addInt("input size", 32);
            s.addString("output folder", out.toString());
        });
        t.configure(SPEC);
        final BufferedDataTable in = Tables.table(SPEC, new Object[]{"a", a.toString()});
        final BufferedDataTable r = t.executeTable(in);
        assertEquals(List.of(16), Tables.column(r, "Visual feature dim"));
        assertEquals(List.of(5), Tables.column(r, "Visual feature frames"));
        final String sha = new ClipOutputStore(out, "npy", java.util.Map.of(), org.vavl.core.util.Overwrite.IF_CHANGED)
            .readSettings("a").get("model sha256");
        assertEquals(64, sha.length());
        // the wrong input size: the node fails naming the file and the shape
        final NodeTester<FaceEncoderNodeModel> wrong = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("encoder", "model file");
            s.addString("model file", fixture("tiny_cnn.pt").toString());
            s.addInt("input size", 48);
            s.addString("output folder", dir.resolve("wrong").toString());
        });
        wrong.configure(SPEC);
        final Exception e = assertThrows(Exception.class, () -> wrong.executeTable(in));
        assertTrue(e.getMessage().contains("tiny_cnn.pt") && e.getMessage().contains("(1, 3, 48, 48)"),
            e.getMessage());
        // no model file given
        final NodeTester<FaceEncoderNodeModel> none = NodeTester.of(new FaceEncoderNodeFactory())
            .settings(s -> s.addString("encoder", "model file"));
        final InvalidSettingsException x = assertThrows(InvalidSettingsException.class,
            () -> none.configure(SPEC));
        assertTrue(x.getMessage().contains("needs a model file"), x.getMessage());
        // a bad normalisation setting
        final NodeTester<FaceEncoderNodeModel> std = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("encoder", "model file");
            s.addString("model file", "x.onnx");
            s.addString("normalisation std", "0.2, 0, 0.2");
        });
        final InvalidSettingsException y = assertThrows(InvalidSettingsException.class, () -> std.configure(SPEC));
        assertTrue(y.getMessage().contains("'normalisation std'") && y.getMessage().contains("positive"),
            y.getMessage());
    }

    /** The per-clip skeleton's check: clip ids name the feature files, also where they differ only in letter case. */
    @Test
    void repeatedClipIdsAreRefusedNamingBothRows() throws Exception {
        final BufferedDataTable in = Tables.table(SPEC, new Object[]{"Clip_A", a.toString()},
            new Object[]{"b", b.toString()}, new Object[]{"clip_a", b.toString()}, new Object[]{"b", b.toString()});
        final NodeTester<FaceEncoderNodeModel> fail = NodeTester.of(new FaceEncoderNodeFactory())
            .settings(s -> s.addString("output folder", dir.resolve("repeated").toString()));
        final Exception e = assertThrows(Exception.class, () -> fail.executeTable(in));
        assertEquals("Clip 'clip_a' of row 'Row2' and clip 'Clip_A' of row 'Row0' differ only in letter case: on"
            + " Windows and macOS their files would be one. Give one of them another clip id.", e.getMessage());
        final NodeTester<FaceEncoderNodeModel> skip = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("output folder", dir.resolve("repeated").toString());
            s.addString("on error", "skip");
        });
        final BufferedDataTable r = skip.executeTable(in);
        assertEquals(4, r.size());
        assertNull(Tables.value(r, 0, "Visual features error"));
        assertNull(Tables.value(r, 1, "Visual features error"));
        assertTrue(((String)Tables.value(r, 2, "Visual features error")).contains("differ only in letter case"));
        assertTrue(((String)Tables.value(r, 3, "Visual features error")).startsWith(
            "Clip 'b' of row 'Row3' is also in row 'Row1'"), (String)Tables.value(r, 3, "Visual features error"));
        assertTrue(skip.warning().startsWith("2 of 4 clip(s) have no visual features"), skip.warning());
    }

    @Test
    void existingFeatureFilesAreAttached() throws Exception {
        final Path folder = Files.createDirectories(dir.resolve("Face_features_ref"));
        Npy.write(folder.resolve("a.npy"), new FeatureSequence(new float[3 * 1408], 3, 1408));
        final NodeTester<FaceEncoderNodeModel> t = NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> {
            s.addString("encoder", "existing feature files");
            s.addString("existing features folder", folder.toString());
        });
        // the face track column is not needed
        final DataTableSpec clipsOnly = Tables.spec("Clip", StringCell.TYPE);
        t.configure(clipsOnly);
        final BufferedDataTable r = t.executeTable(Tables.table(clipsOnly, new Object[]{"a"}));
        assertEquals(List.of(folder.resolve("a.npy").toString()), Tables.column(r, "Visual features"));
        assertEquals(List.of(3), Tables.column(r, "Visual feature frames"));
        assertEquals(List.of(1408), Tables.column(r, "Visual feature dim"));
        final Exception e = assertThrows(Exception.class,
            () -> t.executeTable(Tables.table(clipsOnly, new Object[]{"zz"})));
        assertTrue(e.getMessage().contains("No feature file for clip 'zz'"), e.getMessage());
    }

    @Test
    void columnsAreCheckedInConfigure() throws Exception {
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTester.of(new FaceEncoderNodeFactory()).configure(Tables.spec("Clip", StringCell.TYPE)));
        assertTrue(e.getMessage().contains("'Face track'"), e.getMessage());
        final DataTableSpec twice = Tables.spec("Clip", StringCell.TYPE, "Face track", StringCell.TYPE,
            "Visual features", StringCell.TYPE);
        final InvalidSettingsException e2 = assertThrows(InvalidSettingsException.class,
            () -> NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> s.addString("output folder", "/tmp/x"))
                .configure(twice));
        assertTrue(e2.getMessage().contains("already has a column 'Visual features'"), e2.getMessage());
        assertThrows(InvalidSettingsException.class,
            () -> NodeTester.of(new FaceEncoderNodeFactory()).settings(s -> s.addString("encoder", "magic")));
    }

    @Test
    void relativeOutputFolderAndDialog() throws Exception {
        final Path wf = Files.createDirectories(dir.resolve("workflow"));
        final NodeTester<FaceEncoderNodeModel> t = NodeTester.of(new FaceEncoderNodeFactory()).workflowFolder(wf);
        t.configure(SPEC);
        final BufferedDataTable r = t.executeTable(Tables.table(SPEC, new Object[]{"a", a.toString()}));
        assertEquals(List.of(wf.resolve("vavl-data/face-features").resolve("a.npy").toString()),
            Tables.column(r, "Visual features"));
        assertTrue(t.hasDialog());
        t.dialogRoundTrip(SPEC);
    }
}
