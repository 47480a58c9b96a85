package org.vavl.knime.nodes.facealigner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowRunner;

/** Runs the committed test workflow {@code test-workflows/Face Aligner} (Video Reader -> Face Aligner). */
class FaceAlignerWorkflowTest {

    @TempDir
    Path dir;

    static Path workflow() {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "test-workflows", "Face Aligner");
    }

    @Test
    void alignsGeneratedClipsValueByValue() throws Exception {
        final Path clips = Files.createDirectories(dir.resolve("clips"));
        FaceClips.write(clips.resolve("a_face.mp4"), 15, true);
        FaceClips.write(clips.resolve("b_wall.mp4"), 8, false);
        final Path tracks = dir.resolve("tracks");
        final List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(System.out, System.err).execute(
            WorkflowRunner.parse(workflow().toString(), "-workflow.variable=clip_folder," + clips + ",String",
                "-workflow.variable=face_folder," + tracks + ",String"));
        assertEquals(2, runs.size());
        final WorkflowRunner.NodeRun run = runs.get(1);
        assertEquals("Face Aligner (#2)", run.name());
        assertTrue(run.warning().contains("1 of 2 clip(s) have no face track (missing 'Face track'): no face found in"
            + " clip 'b_wall' (0 of 8 frames)"), run.warning());
        final BufferedDataTable t = (BufferedDataTable)run.outputs().get(0);
        final List<String> cols = Arrays.asList(t.getDataTableSpec().getColumnNames());
        assertEquals(List.of("Face track", "Frames read", "Frames with face", "Face ratio", "Median face size (px)",
            "Landmark ratio", "Mean landmark confidence", "Face error"), cols.subList(cols.size() - 8, cols.size()),
            "Haar: no detection confidence column; landmark alignment (the default)");
        final List<DataRow> rows = Tables.rows(t);
        assertEquals(2, rows.size());
        assertEquals("a_face", Tables.value(t, 0, "Clip"));
        assertEquals(tracks.resolve("a_face.avi").toString(), Tables.value(t, 0, "Face track"));
        assertEquals(15L, Tables.value(t, 0, "Frames read"));
        assertEquals(15L, Tables.value(t, 0, "Frames with face"));
        assertEquals(1.0, (Double)Tables.value(t, 0, "Face ratio"), 1e-12);
        assertNull(Tables.value(t, 0, "Face error"));
        assertEquals(1.0, (Double)Tables.value(t, 0, "Landmark ratio"), 1e-12);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(tracks.resolve("a_face.avi").toFile())) {
            g.start();
            assertEquals(112, g.getImageWidth());
            int n = 0;
            while (g.grabImage() != null) {
                n++;
            }
            assertEquals(15, n);
        }
        assertNull(Tables.value(t, 1, "Face track"));
        assertEquals(8L, Tables.value(t, 1, "Frames read"));
        assertEquals(0L, Tables.value(t, 1, "Frames with face"));
    }

    /** The committed folder is exactly what {@link WriteFaceAlignerWorkflow} writes (dates aside). */
    @Test
    void committedFolderIsWhatTheWriterWrites(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path tmp)
        throws Exception {
        org.vavl.knime.nodes.workflows.TestWorkflowFolders.assertCommittedIsWritten(WriteFaceAlignerWorkflow.NAME, WriteFaceAlignerWorkflow.workflow(), tmp,
            WriteFaceAlignerWorkflow.class);
    }
}
