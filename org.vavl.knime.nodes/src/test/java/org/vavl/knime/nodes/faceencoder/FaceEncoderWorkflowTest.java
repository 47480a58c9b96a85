package org.vavl.knime.nodes.faceencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.core.media.ClipRecorder;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowRunner;

/** Runs the committed test workflow {@code test-workflows/Face Encoder} over face tracks made here. */
class FaceEncoderWorkflowTest {

    @TempDir
    Path dir;

    static Path workflow() {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "test-workflows", "Face Encoder");
    }

    @Test
    void encodesFaceTracksWithTheBuiltInAndAModelValueByValue() throws Exception {
        final Path tracks = Files.createDirectories(dir.resolve("tracks"));
        ClipRecorder.writeTestClip(tracks.resolve("1001_DFA_ANG_XX.mkv"), ClipRecorder.Format.MP4_H264_AAC, 64, 64,
            10, 0.6, 0, 0);
        ClipRecorder.writeTestClip(tracks.resolve("1001_DFA_HAP_XX.mkv"), ClipRecorder.Format.MP4_H264_AAC, 64, 64,
            10, 0.3, 0, 0);
        final Path hog = dir.resolve("hog");
        final Path model = dir.resolve("model");
        final List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(System.out, System.err).execute(
            WorkflowRunner.parse(workflow().toString(), "-workflow.variable=track_folder," + tracks + ",String",
                "-workflow.variable=hog_folder," + hog + ",String",
                "-workflow.variable=model_folder," + model + ",String",
                "-workflow.variable=model_file," + FaceEncoderNodeModelTest.fixture("tiny_cnn.onnx") + ",String"));
        assertEquals(3, runs.size());
        assertEquals("Face Encoder (#2)", runs.get(1).name());
        assertNull(runs.get(1).warning());
        final BufferedDataTable t = (BufferedDataTable)runs.get(1).outputs().get(0);
        assertEquals(List.of("1001_DFA_ANG_XX", "1001_DFA_HAP_XX"), Tables.column(t, "Clip"));
        assertEquals(List.of(hog.resolve("1001_DFA_ANG_XX.npy").toString(), hog.resolve("1001_DFA_HAP_XX.npy").toString()),
            Tables.column(t, "Visual features"));
        assertEquals(List.of(6, 3), Tables.column(t, "Visual feature frames"));
        assertEquals(List.of(1764, 1764), Tables.column(t, "Visual feature dim"));
        final FeatureSequence f = Npy.read(hog.resolve("1001_DFA_ANG_XX.npy"));
        assertEquals(6, f.frames());
        final BufferedDataTable m = (BufferedDataTable)runs.get(2).outputs().get(0);
        assertEquals(List.of(6, 3), Tables.column(m, "Visual feature frames"));
        assertEquals(List.of(16, 16), Tables.column(m, "Visual feature dim"));
        assertEquals(Arrays.asList(model.resolve("1001_DFA_HAP_XX.npy").toString()),
            Tables.column(m, "Visual features").subList(1, 2));
    }

    /** The committed folder is exactly what {@link WriteFaceEncoderWorkflow} writes (dates aside). */
    @Test
    void committedFolderIsWhatTheWriterWrites(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path tmp)
        throws Exception {
        org.vavl.knime.nodes.workflows.TestWorkflowFolders.assertCommittedIsWritten(WriteFaceEncoderWorkflow.NAME, WriteFaceEncoderWorkflow.workflow(), tmp,
            WriteFaceEncoderWorkflow.class);
    }
}
