package org.vavl.knime.nodes.videoreader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.vavl.core.media.ClipRecorder;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

class VideoReaderNodeModelTest {

    @TempDir
    static Path dir;

    static Path good;

    static Path goodFlv;

    static Path bad;

    @BeforeAll
    static void clips() throws Exception {
        good = ClipRecorder.writeTestClip(dir.resolve("good.mp4"), ClipRecorder.Format.MP4_H264_AAC, 64, 48, 10, 1.0,
            16000, 1);
        goodFlv = ClipRecorder.writeTestClip(dir.resolve("good2.flv"), ClipRecorder.Format.FLV_H264_AAC, 64, 48, 10,
            1.0, 16000, 1);
        bad = Files.createDirectories(dir.resolve("bad"));
        Files.copy(good, bad.resolve("fine.mp4"));
        Files.createFile(bad.resolve("zero.mp4"));
        Files.writeString(bad.resolve("page.mp4"), "<html>Access denied</html>\n");
        final byte[] all = Files.readAllBytes(good);
        Files.write(bad.resolve("cut.mp4"), Arrays.copyOf(all, all.length / 2));
    }

    private static NodeTester<VideoReaderNodeModel> folderNode(final Path folder, final String onError)
        throws InvalidSettingsException {
        return NodeTester.of(new VideoReaderNodeFactory()).settings(s -> {
            s.addString("folder", folder.toString());
            s.addString("on error", onError);
            s.addInt("threads", 2);
        });
    }

    @Test
    void badFilesFailNamingFileAndProblem() throws Exception {
        final NodeTester<VideoReaderNodeModel> t = folderNode(bad, "fail");
        t.configure((DataTableSpec)null);
        final Exception e = assertThrows(Exception.class, () -> t.execute((PortObject)null));
        // files are sorted: cut.mp4 is the first bad one
        assertTrue(e.getMessage().contains(bad.resolve("cut.mp4").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated or corrupt MP4"), e.getMessage());
    }

    @Test
    void badFilesAreSkippedWithTheirReasons() throws Exception {
        final NodeTester<VideoReaderNodeModel> t = folderNode(bad, "skip");
        final DataTableSpec spec = t.configureTable((DataTableSpec)null);
        assertEquals("Probe error", spec.getColumnSpec(spec.getNumColumns() - 1).getName());
        final BufferedDataTable out = (BufferedDataTable)t.execute((PortObject)null)[0];
        assertEquals(List.of("cut", "fine", "page", "zero"), Tables.column(out, "Clip"));
        final List<Object> errors = Tables.column(out, "Probe error");
        assertTrue(((String)errors.get(0)).contains("truncated or corrupt MP4"), errors.get(0).toString());
        assertNull(errors.get(1));
        assertTrue(((String)errors.get(2)).contains("is a text file, not a video"), errors.get(2).toString());
        assertTrue(((String)errors.get(3)).contains("is empty (0 bytes)"), errors.get(3).toString());
        assertTrue(((String)errors.get(3)).contains(bad.resolve("zero.mp4").toString()));
        assertEquals(bad.resolve("zero.mp4").toString(), Tables.value(out, 3, "Path"));
        assertNull(Tables.value(out, 3, "Frames"));
        assertEquals(10L, Tables.value(out, 1, "Frames"));
        assertTrue(t.warning().startsWith("3 of 4 clip(s) could not be probed"), t.warning());
    }

    @Test
    void missingAndEmptyFolders() throws Exception {
        final NodeTester<VideoReaderNodeModel> missing = folderNode(dir.resolve("absent"), "fail");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> missing.configure((DataTableSpec)null));
        assertTrue(e.getMessage().contains(dir.resolve("absent").toString()) && e.getMessage().contains("does not exist"),
            e.getMessage());
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no clips here");
        final NodeTester<VideoReaderNodeModel> t = folderNode(empty, "skip");
        t.configure((DataTableSpec)null);
        final Exception x = assertThrows(Exception.class, () -> t.execute((PortObject)null));
        assertTrue(x.getMessage().contains(empty.toString()) && x.getMessage().contains("No clip"), x.getMessage());
        final InvalidSettingsException noFolder = assertThrows(InvalidSettingsException.class,
            () -> NodeTester.of(new VideoReaderNodeFactory()).configure((DataTableSpec)null));
        assertTrue(noFolder.getMessage().contains("'folder' is empty"), noFolder.getMessage());
    }

    /** The per-clip skeleton's check: two rows of one clip id (one file name) are refused, naming both rows. */
    @Test
    void repeatedClipIdsAreRefused() throws Exception {
        final DataTableSpec spec = Tables.spec("File", StringCell.TYPE);
        final BufferedDataTable in = Tables.table(spec, new Object[] {good.toString()},
            new Object[] {good.toAbsolutePath().toString()});
        final NodeTester<VideoReaderNodeModel> fail = NodeTester.of(new VideoReaderNodeFactory());
        fail.configure(spec);
        final Exception e = assertThrows(Exception.class, () -> fail.execute(in));
        assertTrue(e.getMessage().startsWith("Clip 'good' of row 'Row1' is also in row 'Row0'; clip ids name the"),
            e.getMessage());
    }

    @Test
    void pathColumnWithMissingValues() throws Exception {
        final DataTableSpec spec = Tables.spec("Label", StringCell.TYPE, "File", StringCell.TYPE);
        final BufferedDataTable in = Tables.table(spec, new Object[] {"a", good.toString()},
            new Object[] {"b", null}, new Object[] {"c", "file:" + goodFlv.toAbsolutePath()});

        final NodeTester<VideoReaderNodeModel> fail = NodeTester.of(new VideoReaderNodeFactory())
            .settings(s -> s.addString("path column", "File"));
        fail.configure(spec);
        final Exception e = assertThrows(Exception.class, () -> fail.execute(in));
        assertTrue(e.getMessage().contains("Row 'Row1'") && e.getMessage().contains("'File' has no value"),
            e.getMessage());

        final NodeTester<VideoReaderNodeModel> skip = NodeTester.of(new VideoReaderNodeFactory()).settings(s -> {
            s.addString("path column", "File");
            s.addString("on error", "skip");
        });
        skip.configure(spec);
        final BufferedDataTable out = skip.executeTable(in);
        assertEquals(3, out.size());
        assertEquals(Arrays.asList("good", null, "good2"), Tables.column(out, "Clip"));
        assertEquals(Arrays.asList(10L, null, 10L), Tables.column(out, "Frames"));
        assertTrue(((String)Tables.value(out, 1, "Probe error")).contains("Row 'Row1'"));
        assertEquals("Row1", Tables.rows(out).get(1).getKey().getString());
        assertTrue(skip.warning().contains("1 of 3"), skip.warning());
    }

    @Test
    void pathColumnIsFoundOrNamed() throws Exception {
        final DataTableSpec spec = Tables.spec("Path", StringCell.TYPE);
        final NodeTester<VideoReaderNodeModel> t = NodeTester.of(new VideoReaderNodeFactory());
        t.configure(spec);
        final BufferedDataTable out = t.executeTable(Tables.table(spec, new Object[] {good.toString()}));
        assertEquals(List.of("good"), Tables.column(out, "Clip"));
        final NodeTester<VideoReaderNodeModel> wrong = NodeTester.of(new VideoReaderNodeFactory())
            .settings(s -> s.addString("path column", "Videos"));
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> wrong.configure(spec));
        assertTrue(e.getMessage().contains("'Videos'") && e.getMessage().contains("Path"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> NodeTester.of(new VideoReaderNodeFactory())
            .settings(s -> s.addString("on error", "ignore")));
    }

    @Test
    void progressPerClipAndCancellation() throws Exception {
        final Path many = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 6; i++) {
            Files.copy(good, many.resolve("clip" + i + ".mp4"));
        }
        final NodeTester<VideoReaderNodeModel> t = folderNode(many, "fail");
        t.configure((DataTableSpec)null);
        t.execute((PortObject)null);
        assertTrue(t.progress().stream().anyMatch(p -> p.message() != null && p.message().contains("Clip 6 of 6")),
            t.progress().toString());
        // cancelled while it runs: KNIME's cancellation exception, soon
        for (int i = 6; i < 300; i++) {
            Files.copy(good, many.resolve("clip" + i + ".mp4"));
        }
        final NodeTester<VideoReaderNodeModel> c = folderNode(many, "fail");
        c.configure((DataTableSpec)null);
        final java.util.concurrent.CompletableFuture<PortObject[]> run = c.executeAsync((PortObject)null);
        while (c.progress().isEmpty() && !run.isDone()) {
            Thread.sleep(1);
        }
        c.cancel();
        final ExecutionException x = assertThrows(ExecutionException.class, run::get);
        assertTrue(x.getCause() instanceof CanceledExecutionException
            || x.getCause() instanceof CompletionException && x.getCause().getCause() instanceof CanceledExecutionException,
            String.valueOf(x.getCause()));
        assertTrue(c.progress().size() < 300, "stopped early: " + c.progress().size() + " progress reports");
    }

    @Test
    void dialogRoundTrip() throws Exception {
        final NodeTester<VideoReaderNodeModel> t = folderNode(dir, "skip");
        assertTrue(t.hasDialog());
        t.dialogRoundTrip((DataTableSpec)null);
        t.dialogRoundTrip(Tables.spec("Path", StringCell.TYPE));
    }
}
