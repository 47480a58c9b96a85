package org.vavl.knime.nodes.audioextractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.vavl.core.media.ClipRecorder;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowRunner;

/**
 * Runs the committed test workflow {@code test-workflows/Audio and Labels} (Video Reader -> Emotion Label Joiner ->
 * Audio Extractor) over clips named as CREMA-D's and checks the outputs value by value.
 */
class AudioAndLabelsWorkflowTest {

    @TempDir
    Path dir;

    static Path workflow() {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "test-workflows", "Audio and Labels");
    }

    @Test
    void clipsGetLabelsSplitsAndWavFiles() throws Exception {
        final Path clips = Files.createDirectories(dir.resolve("clips"));
        ClipRecorder.writeTestClip(clips.resolve("1026_IEO_ANG_HI.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 160, 120,
            25, 2.0, 44100, 2);
        ClipRecorder.writeTestClip(clips.resolve("1065_IWL_SAD_XX.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120,
            25, 1.5, 48000, 1);
        ClipRecorder.writeTestClip(clips.resolve("zz_silent.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25, 1.0,
            0, 0);
        final Path audio = dir.resolve("wav");
        final List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(System.out, System.err).execute(
            WorkflowRunner.parse(workflow().toString(), "-workflow.variable=clip_folder," + clips + ",String",
                "-workflow.variable=audio_folder," + audio + ",String"));
        assertEquals(List.of("Video Reader (#1)", "Emotion Label Joiner (#2)", "Audio Extractor (#3)"),
            runs.stream().map(WorkflowRunner.NodeRun::name).toList());
        assertTrue(runs.get(1).warning().startsWith("1 of 3 clip(s) have no label row in CREMA-D partition 1"),
            runs.get(1).warning());
        final BufferedDataTable unmatched = (BufferedDataTable)runs.get(1).outputs().get(1);
        assertEquals("zz_silent", Tables.value(unmatched, 0, "Clip"));
        assertEquals(1 + 5818, unmatched.size());
        assertEquals("1 of 3 clip(s) skipped: see column 'Audio error'.", runs.get(2).warning());

        final BufferedDataTable t = (BufferedDataTable)runs.get(2).outputs().get(0);
        assertEquals(List.of("1026_IEO_ANG_HI", "1065_IWL_SAD_XX", "zz_silent"), Tables.column(t, "Clip"));
        assertEquals(List.of("angry", "neutral"), Tables.column(t, "Emotion").subList(0, 2));
        assertEquals(0.856, Tables.value(t, 0, "P(angry) (annotators)"));
        assertEquals(List.of("Train", "Train"), Tables.column(t, "Split").subList(0, 2));
        assertEquals(List.of("Male", "Male"), Tables.column(t, "Gender").subList(0, 2));
        assertEquals(audio.resolve("1026_IEO_ANG_HI.wav").toString(), Tables.value(t, 0, "Audio path"));
        assertEquals(audio.resolve("1065_IWL_SAD_XX.wav").toString(), Tables.value(t, 1, "Audio path"));
        // FLV/MP3: the decoded length includes the MP3 codec delay (1105 samples at 44.1 kHz); mp4 ends as declared
        assertEquals(2.0 + 1105 / 44100.0, (Double)Tables.value(t, 0, "Audio duration (s)"), 0.03);
        // mp4: the length the container declares (the recorder stores whole AAC frames: 1.52 s here)
        assertEquals(1.5, (Double)Tables.value(t, 1, "Audio duration (s)"), 0.03);
        // the test clips' tone is at amplitude 0.25 (-15.05 dBFS RMS for a sine); the stereo clip averages 440 and
        // 660 Hz tones: RMS 0.25 / 2 = -18.06 dBFS
        assertEquals(-15.05, (Double)Tables.value(t, 1, "RMS (dBFS)"), 0.3);
        assertEquals(-18.06, (Double)Tables.value(t, 0, "RMS (dBFS)"), 0.7); // MP3 at 64 kb/s loses some level
        assertNull(Tables.value(t, 0, "Audio error"));
        assertNull(Tables.value(t, 2, "Emotion"));
        assertNull(Tables.value(t, 2, "Audio path"));
        assertTrue(((String)Tables.value(t, 2, "Audio error")).contains("has no audio track"));
        assertTrue(Files.isRegularFile(audio.resolve("1026_IEO_ANG_HI.wav.settings")));
    }

    /** The committed folder is exactly what {@link WriteAudioAndLabelsWorkflow} writes (dates aside). */
    @Test
    void committedFolderIsWhatTheWriterWrites(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path tmp)
        throws Exception {
        org.vavl.knime.nodes.workflows.TestWorkflowFolders.assertCommittedIsWritten(WriteAudioAndLabelsWorkflow.NAME, WriteAudioAndLabelsWorkflow.workflow(), tmp,
            WriteAudioAndLabelsWorkflow.class);
    }
}
