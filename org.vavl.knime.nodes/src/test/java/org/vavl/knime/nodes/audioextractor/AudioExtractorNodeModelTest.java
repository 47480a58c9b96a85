package org.vavl.knime.nodes.audioextractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.vavl.core.media.ClipRecorder;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

class AudioExtractorNodeModelTest {

    @TempDir
    static Path media;

    static Path mp4;

    static Path flv;

    static Path silent;

    static final DataTableSpec CLIPS = Tables.spec("Clip", StringCell.TYPE, "Path", StringCell.TYPE);

    @BeforeAll
    static void makeMedia() throws Exception {
        mp4 = ClipRecorder.writeTestClip(media.resolve("a.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25, 2.0,
            44100, 2);
        flv = ClipRecorder.writeTestClip(media.resolve("b.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 160, 120, 25, 2.0,
            22050, 1);
        silent = ClipRecorder.writeTestClip(media.resolve("s.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25,
            1.0, 44100, 0);
    }

    private static NodeTester<AudioExtractorNodeModel> tester(final Path out, final String onError) throws Exception {
        return NodeTester.of(new AudioExtractorNodeFactory()).settings(s -> {
            s.addString("output folder", out.toString());
            s.addString("on error", onError);
            s.addInt("threads", 2);
        });
    }

    @Test
    void extractsEveryClipAndSkipsBadOnesWithTheReason(@TempDir final Path out) throws Exception {
        final BufferedDataTable in = Tables.table(CLIPS, new Object[][] {{"a", mp4.toString()},
            {"b", flv.toString()}, {"s", silent.toString()}, {"n", null}});
        try (NodeTester<AudioExtractorNodeModel> t = tester(out, "skip")) {
            final DataTableSpec spec = t.configureTable(CLIPS);
            assertEquals(List.of("Clip", "Path", "Audio path", "Audio duration (s)", "Audio samples", "RMS (dBFS)",
                "Clipped ratio", "Audio error"), List.of(spec.getColumnNames()));
            final BufferedDataTable r = t.executeTable(in);
            assertEquals(spec, r.getDataTableSpec());
            assertEquals(out.resolve("a.wav").toString(), Tables.value(r, 0, "Audio path"));
            assertEquals(2.0, (Double)Tables.value(r, 0, "Audio duration (s)"), 0.02);
            assertEquals(32000L, Tables.value(r, 0, "Audio samples"));
            // the test clip's tones are at -12 dBFS amplitude (440 Hz left, 660 Hz right): the mean of the two is
            // a mixture whose RMS is 0.25 / 2 = -18 dBFS
            assertEquals(-18.06, (Double)Tables.value(r, 0, "RMS (dBFS)"), 0.5);
            assertEquals(0.0, Tables.value(r, 0, "Clipped ratio"));
            assertNull(Tables.value(r, 0, "Audio error"));
            assertEquals(16000, Math.round(AudioSystem.getAudioFileFormat(out.resolve("b.wav").toFile()).getFormat()
                .getSampleRate()));
            assertNull(Tables.value(r, 2, "Audio path"));
            assertTrue(((String)Tables.value(r, 2, "Audio error")).contains("has no audio track"));
            assertTrue(((String)Tables.value(r, 3, "Audio error")).contains("Row 'Row3' has no media file"));
            assertEquals("2 of 4 clip(s) skipped: see column 'Audio error'.", t.warning());
            assertTrue(t.progress().stream().anyMatch(p -> p.message() != null && p.message().startsWith("Clip ")),
                t.progress().toString());
        }
    }

    @Test
    void failNamesTheClip(@TempDir final Path out) throws Exception {
        final BufferedDataTable in = Tables.table(CLIPS, new Object[][] {{"a", mp4.toString()},
            {"silent one", silent.toString()}});
        try (NodeTester<AudioExtractorNodeModel> t = tester(out, "fail")) {
            assertFalse(t.configureTable(CLIPS).containsName("Audio error"));
            final Exception e = assertThrows(Exception.class, () -> t.executeTable(in));
            assertTrue(e.getMessage().startsWith("Clip 'silent one': ") && e.getMessage().contains("no audio track"),
                e.getMessage());
        }
        final BufferedDataTable dup = Tables.table(CLIPS, new Object[][] {{"a", mp4.toString()}, {"a", flv.toString()}});
        try (NodeTester<AudioExtractorNodeModel> t = tester(out, "fail")) {
            final Exception e = assertThrows(Exception.class, () -> t.executeTable(dup));
            assertTrue(e.getMessage().contains("Clip 'a' of row 'Row1' is also in row 'Row0'"), e.getMessage());
        }
        // ids that differ only in letter case: one file on Windows and macOS
        final BufferedDataTable cased = Tables.table(CLIPS, new Object[][] {{"Clip_A", mp4.toString()},
            {"clip_a", flv.toString()}});
        try (NodeTester<AudioExtractorNodeModel> t = tester(out, "fail")) {
            final Exception e = assertThrows(Exception.class, () -> t.executeTable(cased));
            assertEquals("Clip 'clip_a' of row 'Row1' and clip 'Clip_A' of row 'Row0' differ only in letter case: on"
                + " Windows and macOS their files would be one. Give one of them another clip id.", e.getMessage());
        }
    }

    @Test
    void reRunSkipsUpToDateFilesAndAnotherRateExtractsAgain(@TempDir final Path out) throws Exception {
        final BufferedDataTable in = Tables.table(CLIPS, new Object[][] {{"a", mp4.toString()}, {"b", flv.toString()}});
        final BufferedDataTable first;
        try (NodeTester<AudioExtractorNodeModel> t = tester(out, "fail")) {
            first = t.executeTable(in);
        }
        final FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a.wav"), old);
        try (NodeTester<AudioExtractorNodeModel> t = tester(out, "fail")) {
            final BufferedDataTable second = t.executeTable(in);
            assertEquals(Tables.rows(first).stream().map(Tables::values).collect(Collectors.toList()),
                Tables.rows(second).stream().map(Tables::values).collect(Collectors.toList()));
            assertEquals(old, Files.getLastModifiedTime(out.resolve("a.wav")));
            assertTrue(t.log().stream().anyMatch(l -> l.contains("2 clip(s) were up to date")), t.log().toString());
        }
        try (NodeTester<AudioExtractorNodeModel> t = tester(out, "fail")) {
            t.settings(s -> s.addInt("sample rate", 8000));
            final BufferedDataTable third = t.executeTable(in);
            assertEquals(16000L, Tables.value(third, 0, "Audio samples"));
            assertFalse(old.equals(Files.getLastModifiedTime(out.resolve("a.wav"))));
        }
    }

    @Test
    void folderRelativeToTheWorkflowIdsFromFileNamesFloatAndMaximum(@TempDir final Path workflow) throws Exception {
        final DataTableSpec pathsOnly = Tables.spec("Path", StringCell.TYPE);
        final BufferedDataTable in = Tables.table(pathsOnly, new Object[][] {{mp4.toString()}, {flv.toUri().toString()}});
        try (NodeTester<AudioExtractorNodeModel> t = NodeTester.of(new AudioExtractorNodeFactory())) {
            t.workflowFolder(workflow);
            t.settings(s -> {
                s.addString("output folder", "data/wav");
                s.addString("sample format", "32-bit float");
                s.addDouble("maximum duration", 1.5);
            });
            final BufferedDataTable r = t.executeTable(in);
            assertEquals(workflow.resolve("data/wav/a.wav").toString(), Tables.value(r, 0, "Audio path"));
            assertEquals(workflow.resolve("data/wav/b.wav").toString(), Tables.value(r, 1, "Audio path"));
            assertEquals(24000L, Tables.value(r, 0, "Audio samples"));
            assertEquals(1.5, (Double)Tables.value(r, 1, "Audio duration (s)"), 1e-9);
            assertEquals("PCM_FLOAT", AudioSystem.getAudioFileFormat(workflow.resolve("data/wav/a.wav").toFile())
                .getFormat().getEncoding().toString());
        }
    }

    @Test
    void badSettingsAreClearErrors() throws Exception {
        try (NodeTester<AudioExtractorNodeModel> t = NodeTester.of(new AudioExtractorNodeFactory())) {
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.configureTable(Tables.spec("File", StringCell.TYPE)));
            assertTrue(e.getMessage().contains("'Path'") && e.getMessage().contains("[File]"), e.getMessage());
            final InvalidSettingsException f = assertThrows(InvalidSettingsException.class,
                () -> t.settings(s -> s.addString("sample format", "24-bit")));
            assertTrue(f.getMessage().contains("16-bit PCM"), f.getMessage());
            final InvalidSettingsException g = assertThrows(InvalidSettingsException.class,
                () -> t.settings(s -> s.addString("on error", "ignore")));
            assertTrue(g.getMessage().contains("'fail' or 'skip'"), g.getMessage());
        }
    }

    @Test
    void cancellationLeavesNoPartialFiles(@TempDir final Path out) throws Exception {
        final List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new Object[] {"c" + i, (i % 2 == 0 ? mp4 : flv).toString()});
        }
        final BufferedDataTable in = Tables.table(CLIPS, rows.toArray(Object[][]::new));
        try (NodeTester<AudioExtractorNodeModel> t = tester(out, "fail")) {
            final var future = t.executeAsync(in);
            while (!Files.isDirectory(out) || list(out).isEmpty()) {
                Thread.sleep(5);
            }
            t.cancel();
            final ExecutionException e = assertThrows(ExecutionException.class, future::get);
            assertInstanceOf(CanceledExecutionException.class, e.getCause());
            final List<String> files = list(out);
            assertTrue(files.stream().noneMatch(f -> f.contains(".part-")), files.toString());
            assertTrue(files.size() < 80, "cancelled before the end: " + files.size() + " files");
            for (String f : files) {
                if (f.endsWith(".wav")) {
                    assertTrue(files.contains(f + ".settings"), f);
                }
            }
        }
    }

    private static List<String> list(final Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void dialogSavesWhatItLoaded() throws Exception {
        try (NodeTester<AudioExtractorNodeModel> t = NodeTester.of(new AudioExtractorNodeFactory())) {
            t.settings(s -> {
                s.addInt("sample rate", 22050);
                s.addString("overwrite", "always");
            });
            final var saved = t.dialogRoundTrip(CLIPS);
            assertEquals(22050, saved.getInt("sample rate"));
            assertEquals("always", saved.getString("overwrite"));
            assertEquals("Path", saved.getString("path column"));
            assertEquals("16-bit PCM", saved.getString("sample format"));
            assertEquals(0.0, saved.getDouble("maximum duration"));
        }
    }
}
