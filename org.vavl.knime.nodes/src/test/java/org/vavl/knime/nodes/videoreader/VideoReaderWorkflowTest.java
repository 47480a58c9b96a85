package org.vavl.knime.nodes.videoreader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.vavl.core.media.ClipRecorder;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.testkit.runner.WorkflowRunner;

/** Runs the committed test workflow {@code test-workflows/Video Reader} over clips made here. */
class VideoReaderWorkflowTest {

    @TempDir
    Path dir;

    static Path workflow() {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "test-workflows", "Video Reader");
    }

    @Test
    void probesGeneratedClipsValueByValue() throws Exception {
        final Path clips = Files.createDirectories(dir.resolve("clips"));
        ClipRecorder.writeTestClip(clips.resolve("a_talk.mp4"), ClipRecorder.Format.MP4_H264_AAC, 320, 240, 30, 2.0,
            16000, 1);
        ClipRecorder.writeTestClip(clips.resolve("b_crema.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 480, 360, 30, 1.5,
            44100, 2);
        ClipRecorder.writeTestClip(clips.resolve("c_silent.MP4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25, 1.0,
            0, 0);
        Files.writeString(clips.resolve("notes.txt"), "not a clip");

        final List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(System.out, System.err)
            .execute(WorkflowRunner.parse(workflow().toString(),
                "-workflow.variable=clip_folder," + clips + ",String"));
        assertEquals(1, runs.size());
        final WorkflowRunner.NodeRun run = runs.get(0);
        assertEquals("Video Reader (#1)", run.name());
        assertNull(run.warning());
        final BufferedDataTable t = (BufferedDataTable)run.outputs().get(0);
        assertEquals(List.of("Clip", "Path", "Duration (s)", "FPS", "Frames", "Width", "Height", "Rotation (deg)", "Video codec",
            "Has audio", "Audio sample rate", "Audio channels"), Arrays.asList(t.getDataTableSpec().getColumnNames()));
        final List<DataRow> rows = Tables.rows(t);
        assertEquals(3, rows.size());
        check(rows.get(0), "a_talk", clips.resolve("a_talk.mp4"), 2.0, 30.0, 60, 320, 240, "h264", true, 16000, 1);
        check(rows.get(1), "b_crema", clips.resolve("b_crema.flv"), 1.5, 30.0, 45, 480, 360, "flv1", true, 44100, 2);
        check(rows.get(2), "c_silent", clips.resolve("c_silent.MP4"), 1.0, 25.0, 25, 160, 120, "h264", false, 0, 0);
        assertEquals("Row0", rows.get(0).getKey().getString());
    }

    @Test
    void runnerExitsZeroAndReportsRows() throws Exception {
        final Path clips = Files.createDirectories(dir.resolve("c"));
        ClipRecorder.writeTestClip(clips.resolve("x.mp4"), ClipRecorder.Format.MP4_H264_AAC, 64, 48, 10, 1.0, 16000, 1);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = new WorkflowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)).run(workflow().toString(),
                "-workflow.variable=clip_folder," + clips + ",String");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("EXECUTED Video Reader (#1)"), out.toString());
        // a missing folder: execution error naming the node and the folder
        err.reset();
        final int bad = new WorkflowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)).run(workflow().toString(),
                "-workflow.variable=clip_folder," + dir.resolve("nowhere") + ",String");
        assertEquals(4, bad);
        final String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("Video Reader (#1)") && msg.contains("nowhere") && msg.contains("does not exist"), msg);
    }

    private static void check(final DataRow row, final String clip, final Path path, final double duration,
        final double fps, final long frames, final int width, final int height, final String codec,
        final boolean audio, final int rate, final int channels) {
        final List<Object> v = Tables.values(row);
        assertEquals(clip, v.get(0));
        assertEquals(path.toAbsolutePath().toString(), v.get(1));
        assertEquals(duration, (Double)v.get(2), 0.1, clip + " duration");
        assertEquals(fps, (Double)v.get(3), 1e-6, clip + " fps");
        assertEquals(frames, v.get(4), clip + " frames");
        assertEquals(width, v.get(5));
        assertEquals(height, v.get(6));
        assertEquals(0, v.get(7), clip + " rotation"); // the generated clips carry no display matrix
        assertEquals(codec, v.get(8));
        assertEquals(audio, v.get(9));
        assertEquals(rate, v.get(10));
        assertEquals(channels, v.get(11));
    }

    /** The committed folder is exactly what {@link WriteVideoReaderWorkflow} writes (dates aside). */
    @Test
    void committedFolderIsWhatTheWriterWrites(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path tmp)
        throws Exception {
        org.vavl.knime.nodes.workflows.TestWorkflowFolders.assertCommittedIsWritten(WriteVideoReaderWorkflow.NAME, WriteVideoReaderWorkflow.workflow(), tmp,
            WriteVideoReaderWorkflow.class);
    }
}
