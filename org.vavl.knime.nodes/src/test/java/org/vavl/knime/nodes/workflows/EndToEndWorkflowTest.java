package org.vavl.knime.nodes.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.vavl.knime.nodes.audioencoder.AudioEncoderNodeFactory;
import org.vavl.knime.nodes.audioextractor.AudioExtractorNodeFactory;
import org.vavl.knime.nodes.demo.DemoDatasetNodeFactory;
import org.vavl.knime.nodes.evaluator.EvaluatorNodeFactory;
import org.vavl.knime.nodes.facealigner.FaceAlignerNodeFactory;
import org.vavl.knime.nodes.faceencoder.FaceEncoderNodeFactory;
import org.vavl.knime.nodes.labels.LabelJoinerNodeFactory;
import org.vavl.knime.nodes.learner.AuxFormerLearnerNodeFactory;
import org.vavl.knime.nodes.predictor.AuxFormerPredictorNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowBuilder;
import org.vavl.knime.runner.WorkflowRunner;

/**
 * The whole chain on a tiny generated set, as a workflow folder ({@code test-workflows/End to end}) run by
 * the headless runner with the model port passed through its serializer: Demo Dataset (4 speakers x 6
 * emotions x 1 clip) → Video Reader → Emotion Label Joiner → Audio Extractor → Face Aligner → Audio Encoder
 * → Face Encoder → AuxFormer Learner (tiny) → AuxFormer Predictor → Evaluator. The folder is copied to a
 * temporary folder first, so that its data ({@code vavl-data/}) never lands in the source tree.
 */
class EndToEndWorkflowTest {

    static final String NAME = "End to end";

    @TempDir
    Path dir;

    static Path committed() {
        return Paths.get(System.getProperty("vavl.repo.dir", "..")).resolve("test-workflows").resolve(NAME);
    }

    /** The workflow; {@code main} of this class writes it into test-workflows/. */
    static WorkflowBuilder workflow() {
        final WorkflowBuilder b = new WorkflowBuilder();
        b.description("Test workflow: the whole VAVL chain on 24 generated clips.");
        final int demo = b.node("Demo Dataset", new DemoDatasetNodeFactory(), s -> {
            s.addInt("speakers", 4);
            s.addInt("clips per emotion", 1);
        });
        final int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -> s.addString("path column", "Path"));
        final int labels = b.node("Emotion Label Joiner", new LabelJoinerNodeFactory(), s -> {
            s.addString("label source", "label file");
            s.addString("label file", "knime://knime.workflow/vavl-data/demo-dataset/label_consensus.csv");
        });
        final int audio = b.node("Audio Extractor", new AudioExtractorNodeFactory(), s -> { });
        final int faces = b.node("Face Aligner", new FaceAlignerNodeFactory(), s -> {
            s.addString("output folder", "knime://knime.workflow/vavl-data/face-tracks");
            s.addInt("frame step", 3);
        });
        final int audioFeatures = b.node("Audio Encoder", new AudioEncoderNodeFactory(), s -> { });
        final int visualFeatures = b.node("Face Encoder", new FaceEncoderNodeFactory(), s -> { });
        final int learner = b.node("AuxFormer Learner", new AuxFormerLearnerNodeFactory(), s -> {
            s.addBoolean("reference sizes", false);
            s.addInt("projection dim", 8);
            s.addInt("model dim", 16);
            s.addInt("attention heads", 2);
            s.addInt("feed-forward dim", 32);
            s.addInt("convolution kernel", 5);
            s.addInt("branch blocks", 1);
            s.addInt("shared blocks", 1);
            s.addInt("epochs", 2);
            s.addInt("batch size", 8);
        });
        final int predictor = b.node("AuxFormer Predictor", new AuxFormerPredictorNodeFactory(),
            s -> s.addBoolean("emotion over time", true));
        final int evaluator = b.node("Evaluator", new EvaluatorNodeFactory(), s -> { });
        b.connect(demo, 1, reader, 1).connect(reader, 1, labels, 1).connect(labels, 1, audio, 1)
            .connect(audio, 1, faces, 1).connect(faces, 1, audioFeatures, 1)
            .connect(audioFeatures, 1, visualFeatures, 1).connect(visualFeatures, 1, learner, 1)
            .connect(learner, 1, predictor, 1).connect(visualFeatures, 1, predictor, 2)
            .connect(predictor, 1, evaluator, 1).connect(learner, 2, evaluator, 2)
            .connect(predictor, 2, evaluator, 3);
        b.bindVariable(labels, "demo_label_file", "label file");
        return b;
    }

    public static void main(final String[] args) throws IOException {
        workflow().write(Paths.get(args.length > 0 ? args[0] : "test-workflows").resolve(NAME));
    }

    @Test
    void theWholeChainRunsOnATinyGeneratedSet() throws Exception {
        final Path wf = dir.resolve(NAME);
        TestWorkflowFolders.copy(committed(), wf);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final WorkflowRunner runner = new WorkflowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        final List<WorkflowRunner.NodeRun> runs =
            runner.execute(WorkflowRunner.parse(wf.toString(), "-saveLoad", "-quiet"));
        assertEquals(10, runs.size());
        final Map<String, WorkflowRunner.NodeRun> byName = new java.util.HashMap<>();
        runs.forEach(r -> byName.put(r.name().replaceAll(" \\(#\\d+\\)$", ""), r));
        final BufferedDataTable clips = (BufferedDataTable)byName.get("Demo Dataset").outputs().get(0);
        assertEquals(24, clips.size());
        final BufferedDataTable features = (BufferedDataTable)byName.get("Face Encoder").outputs().get(0);
        for (int i = 0; i < features.size(); i++) {
            assertTrue((Double)Tables.value(features, i, "Face ratio") > 0.9, "face found in clip " + i);
            assertTrue(Files.isRegularFile(Path.of((String)Tables.value(features, i, "Audio features"))));
            final int frames = (Integer)Tables.value(features, i, "Visual feature frames");
            assertTrue(frames >= 20 && frames <= 40, "every third frame of a ~3 s clip, got " + frames);
            assertEquals(80, Tables.value(features, i, "Audio feature dim"));
        }
        final BufferedDataTable predictions = (BufferedDataTable)byName.get("AuxFormer Predictor").outputs().get(0);
        assertEquals(24, predictions.size());
        final Set<Object> classes = new HashSet<>(Tables.column(predictions, "Predicted class (audiovisual)"));
        assertTrue(Set.of("angry", "sad", "disgust", "fear", "neutral", "happy").containsAll(classes), classes.toString());
        final BufferedDataTable metrics = (BufferedDataTable)byName.get("Evaluator").outputs().get(0);
        assertEquals(Set.of("audiovisual", "audio-only", "visual-only"), new HashSet<>(Tables.column(metrics, "Modality")));
        assertTrue(Files.isRegularFile(wf.resolve("vavl-data/evaluation-report/report.html")));
        assertTrue(Files.isRegularFile(wf.resolve("vavl-data/evaluation-report/training-history.png")));
        // the Predictor's calibrated probabilities give the report its calibration and contribution sections
        assertTrue(Files.isRegularFile(wf.resolve("vavl-data/evaluation-report/reliability.png")));
        final String html = Files.readString(wf.resolve("vavl-data/evaluation-report/report.html"));
        // emotion over time: the Predictor's second table, its timeline images, three timelines in the report
        try (var files = Files.list(wf.resolve("vavl-data/timelines"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("timeline-")));
        }
        assertTrue(((BufferedDataTable)byName.get("AuxFormer Predictor").outputs().get(1)).size() >= 3 * 24,
            "at least one window per clip and modality");
        assertEquals(3, html.lines().filter(l -> l.contains("<img src=\"timeline-")).count(), html);
        assertTrue(html.contains("<h2>How sure: calibration of the probabilities</h2>")
            && html.contains("<h2>What the voice and the face contribute</h2>"), html);
        final String summary = Files.readString(wf.resolve("vavl-data/evaluation-report/summary.txt"));
        assertTrue(summary.contains("Training: ") && summary.contains("the model kept epoch "), summary);
    }

    @Test
    void committedFolderIsWhatTheBuilderWrites() throws Exception {
        final Path fresh = dir.resolve("fresh");
        workflow().write(fresh);
        try (Stream<Path> s = Files.walk(fresh)) {
            for (Path p : (Iterable<Path>)s.filter(Files::isRegularFile)::iterator) {
                final Path old = committed().resolve(fresh.relativize(p).toString());
                assertTrue(Files.isRegularFile(old), "missing " + old + ": run EndToEndWorkflowTest.main");
                final String a = Files.readString(p).replaceAll("(-when\" type=\"xstring\" value=\")[^\"]*", "$1")
                    .replaceAll("<last-modified>[^<]*", "");
                final String b2 = Files.readString(old).replaceAll("(-when\" type=\"xstring\" value=\")[^\"]*", "$1")
                    .replaceAll("<last-modified>[^<]*", "");
                assertEquals(a, b2, old + " differs: run EndToEndWorkflowTest.main");
            }
        }
    }
}
