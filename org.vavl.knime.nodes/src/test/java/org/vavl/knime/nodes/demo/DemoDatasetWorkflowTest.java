package org.vavl.knime.nodes.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.vavl.knime.nodes.workflows.TestWorkflowFolders;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowRunner;

/**
 * Runs the committed test workflow {@code test-workflows/Demo Dataset} (Demo Dataset -> Video Reader -> Emotion
 * Label Joiner) on a copy of the folder, so that the 24 generated clips land in a temporary {@code vavl-data/}, and
 * checks the clips, the label file and the joined labels.
 */
class DemoDatasetWorkflowTest {

    private static final Map<String, String> EMOTION_OF_CODE = Map.of("ANG", "angry", "SAD", "sad", "DIS", "disgust",
        "FEA", "fear", "NEU", "neutral", "HAP", "happy");

    @TempDir
    Path dir;

    @Test
    void generatesReadsAndLabelsTheClips() throws Exception {
        final Path wf = TestWorkflowFolders.copy(TestWorkflowFolders.committed(WriteDemoDatasetWorkflow.NAME),
            dir.resolve(WriteDemoDatasetWorkflow.NAME));
        final List<WorkflowRunner.NodeRun> runs =
            new WorkflowRunner(System.out, System.err).execute(WorkflowRunner.parse(wf.toString(), "-quiet"));
        assertEquals(List.of("Demo Dataset (#1)", "Video Reader (#2)", "Emotion Label Joiner (#3)"),
            runs.stream().map(WorkflowRunner.NodeRun::name).toList());
        runs.forEach(r -> assertNull(r.warning(), r.name()));

        // the Demo Dataset's table: 4 speakers x 6 emotions x 1 clip, each an mp4 in the workflow's vavl-data
        final Path data = wf.resolve("vavl-data/demo-dataset");
        final BufferedDataTable clips = (BufferedDataTable)runs.get(0).outputs().get(0);
        assertEquals(24, clips.size());
        for (int i = 0; i < clips.size(); i++) {
            final String clip = (String)Tables.value(clips, i, "Clip");
            assertEquals(data.resolve("videos").resolve(clip + ".mp4").toString(), Tables.value(clips, i, "Path"));
        }

        // the label file: CREMA-D's consensus format, one row per clip, split by speaker 1 Train / 1 Dev / 2 Test
        final List<String> lines = Files.readAllLines(data.resolve("label_consensus.csv"), StandardCharsets.UTF_8);
        assertEquals("FileName,angry,sad,disgust,fear,neutral,happy,SpkrID,Gender,Split_Set", lines.get(0));
        assertEquals(1 + 24, lines.size());
        final Map<String, String> splitOfSpeaker = new TreeMap<>();
        final Map<String, Integer> clipsPerSplit = new HashMap<>();
        final TreeSet<String> files = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",");
            assertEquals(10, f.length, line);
            assertTrue(f[0].endsWith(".wav"), line);
            files.add(f[0].substring(0, f[0].length() - 4));
            double sum = 0;
            for (int k = 1; k <= 6; k++) {
                final double v = Double.parseDouble(f[k]);
                assertTrue(v >= 0 && v <= 1, line);
                sum += v;
            }
            assertEquals(1.0, sum, 0.01, line);
            assertTrue(f[0].startsWith(f[7] + "_"), "speaker id starts the clip id: " + line);
            assertTrue(List.of("Female", "Male").contains(f[8]), line);
            final String before = splitOfSpeaker.put(f[7], f[9]);
            assertTrue(before == null || before.equals(f[9]), "one split per speaker: " + line);
            clipsPerSplit.merge(f[9], 1, Integer::sum);
        }
        assertEquals(new TreeSet<>(Tables.column(clips, "Clip")), files, "a label row per clip");
        assertEquals(4, splitOfSpeaker.size());
        assertEquals(Map.of("Train", 6, "Development", 6, "Test", 12), clipsPerSplit);

        // every clip's video opens: the Video Reader probes all 24 (it fails on a clip it cannot read)
        final BufferedDataTable videos = (BufferedDataTable)runs.get(1).outputs().get(0);
        assertEquals(24, videos.size());
        for (int i = 0; i < videos.size(); i++) {
            final String clip = (String)Tables.value(videos, i, "Clip");
            assertEquals(480, Tables.value(videos, i, "Width"), clip);
            assertEquals(360, Tables.value(videos, i, "Height"), clip);
            assertEquals(30.0, (Double)Tables.value(videos, i, "FPS"), 1e-6, clip);
            assertEquals("h264", Tables.value(videos, i, "Video codec"), clip);
            assertEquals(Boolean.TRUE, Tables.value(videos, i, "Has audio"), clip);
            // a few seconds of speech per clip; the video has one frame per 1/30 s of it
            final double seconds = (Double)Tables.value(videos, i, "Duration (s)");
            assertTrue(seconds >= 1 && seconds <= 5, clip + ": " + seconds + " s");
            assertEquals(seconds * 30, (Long)Tables.value(videos, i, "Frames"), 1.5, clip);
        }

        // the Label Joiner read the file through the flow variable demo_label_file: every clip labelled
        final BufferedDataTable labelled = (BufferedDataTable)runs.get(2).outputs().get(0);
        assertEquals(24, labelled.size());
        assertEquals(0, ((BufferedDataTable)runs.get(2).outputs().get(1)).size(), "nothing unmatched");
        final Map<String, Integer> joinedSplits = new HashMap<>();
        for (int i = 0; i < labelled.size(); i++) {
            final String clip = (String)Tables.value(labelled, i, "Clip");
            assertEquals(EMOTION_OF_CODE.get(clip.split("_")[2]), Tables.value(labelled, i, "Emotion"), clip);
            assertEquals(splitOfSpeaker.get(clip.split("_")[0]), Tables.value(labelled, i, "Split"), clip);
            joinedSplits.merge((String)Tables.value(labelled, i, "Split"), 1, Integer::sum);
        }
        assertEquals(clipsPerSplit, joinedSplits);
    }

    @Test
    void committedFolderIsWhatTheWriterWrites() throws Exception {
        TestWorkflowFolders.assertCommittedIsWritten(WriteDemoDatasetWorkflow.NAME, WriteDemoDatasetWorkflow.workflow(),
            dir, WriteDemoDatasetWorkflow.class);
    }
}
