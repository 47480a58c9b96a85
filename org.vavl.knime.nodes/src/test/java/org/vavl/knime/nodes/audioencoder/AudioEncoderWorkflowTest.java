package org.vavl.knime.nodes.audioencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.core.media.ClipRecorder;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowRunner;

/** Runs the committed test workflow {@code test-workflows/Audio Encoder} over clips made here. */
class AudioEncoderWorkflowTest {

    @TempDir
    Path dir;

    static Path workflow() {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "test-workflows", "Audio Encoder");
    }

    @Test
    void extractsAndEncodesAudioValueByValue() throws Exception {
        final Path clips = Files.createDirectories(dir.resolve("clips"));
        ClipRecorder.writeTestClip(clips.resolve("1001_DFA_ANG_XX.mp4"), ClipRecorder.Format.MP4_H264_AAC, 64, 48, 10,
            1.0, 16000, 1);
        ClipRecorder.writeTestClip(clips.resolve("1002_IEO_SAD_HI.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 64, 48, 10,
            2.0, 44100, 2);
        final Path mel = dir.resolve("mel");
        final Path model = dir.resolve("w2v");
        final List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(System.out, System.err).execute(
            WorkflowRunner.parse(workflow().toString(), "-workflow.variable=clip_folder," + clips + ",String",
                "-workflow.variable=audio_folder," + dir.resolve("audio") + ",String",
                "-workflow.variable=mel_folder," + mel + ",String",
                "-workflow.variable=model_folder," + model + ",String",
                "-workflow.variable=model_file," + AudioEncoderNodeModelTest.fixture("tiny_wav2vec2.pt") + ",String"));
        assertEquals(4, runs.size());
        assertEquals("Audio Encoder (#3)", runs.get(2).name());
        assertNull(runs.get(2).warning());
        final BufferedDataTable m = (BufferedDataTable)runs.get(2).outputs().get(0);
        assertEquals(List.of("1001_DFA_ANG_XX", "1002_IEO_SAD_HI"), Tables.column(m, "Clip"));
        final List<Object> samples = Tables.column(m, "Audio samples");
        final BufferedDataTable w = (BufferedDataTable)runs.get(3).outputs().get(0);
        for (int i = 0; i < 2; i++) {
            final long n = (Long)samples.get(i);
            final String clip = (String)Tables.value(m, i, "Clip");
            assertTrue(Math.abs(n - 16000L * (i + 1)) < 2000, "samples of " + clip + ": " + n);
            // log-mel: 1 + (n - 512) / 160 frames of 80
            assertEquals(mel.resolve(clip + ".npy").toString(), Tables.value(m, i, "Audio features"));
            assertEquals((int)(1 + (n - 512) / 160), Tables.value(m, i, "Audio feature frames"));
            assertEquals(80, Tables.value(m, i, "Audio feature dim"));
            final FeatureSequence f = Npy.read(mel.resolve(clip + ".npy"));
            assertEquals((int)(1 + (n - 512) / 160), f.frames());
            // the speech model (batched, 2 clips): 1 + (n - 400) / 320 frames of 64, as on its own
            assertEquals(model.resolve(clip + ".npy").toString(), Tables.value(w, i, "Audio features"));
            assertEquals((int)(1 + (n - 400) / 320), Tables.value(w, i, "Audio feature frames"));
            assertEquals(64, Tables.value(w, i, "Audio feature dim"));
        }
    }

    /** The committed folder is exactly what {@link WriteAudioEncoderWorkflow} writes (dates aside). */
    @Test
    void committedFolderIsWhatTheWriterWrites(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path tmp)
        throws Exception {
        org.vavl.knime.nodes.workflows.TestWorkflowFolders.assertCommittedIsWritten(WriteAudioEncoderWorkflow.NAME, WriteAudioEncoderWorkflow.workflow(), tmp,
            WriteAudioEncoderWorkflow.class);
    }
}
