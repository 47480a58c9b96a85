package org.vavl.knime.nodes.workflows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.vavl.core.demo.DemoDataset;
import org.vavl.core.demo.DemoSettings;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.audioencoder.AudioEncoderNodeFactory;
import org.vavl.knime.nodes.audioextractor.AudioExtractorNodeFactory;
import org.vavl.knime.nodes.facealigner.FaceAlignerNodeFactory;
import org.vavl.knime.nodes.faceencoder.FaceEncoderNodeFactory;
import org.vavl.knime.nodes.learner.AuxFormerLearnerNodeFactory;
import org.vavl.knime.nodes.port.AuxFormerPortObject;
import org.vavl.knime.nodes.predictor.AuxFormerPredictorNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.runner.WorkflowBuilder;
import org.vavl.knime.runner.WorkflowRunner;

/**
 * Runs the committed example workflow "Inference — emotions of new videos" (a copy, so that its per-clip files are
 * written outside the repository) through the runner on a few generated demo clips, with a model file that a tiny
 * AuxFormer Learner wrote in this test from the same chain's features, both given as {@code knime://} URLs (the
 * model workflow-relative, the videos mount-point-relative); the Predictor's rows are checked against the
 * predictions of the Learner's model port on those features.
 */
class InferenceWorkflowTest {

    static final String[] MODES = {"audiovisual", "audio-only", "visual-only"};

    @TempDir
    Path dir;

    static Path workflow() {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "workflows", ExampleWorkflows.INFERENCE);
    }

    /** The per-clip chain of the inference workflow without the Predictor, to make training features. */
    static WorkflowBuilder featureChain() {
        final WorkflowBuilder b = new WorkflowBuilder();
        final int r = b.node("Video Reader", new VideoReaderNodeFactory(), s -> s.addInt("threads", 1));
        b.bindVariable(r, "video_folder", "folder");
        final int a = b.node("Audio Extractor", new AudioExtractorNodeFactory(), s -> { });
        final int f = b.node("Face Aligner", new FaceAlignerNodeFactory(), s -> { });
        final int ae = b.node("Audio Encoder", new AudioEncoderNodeFactory(), s -> { });
        final int fe = b.node("Face Encoder", new FaceEncoderNodeFactory(), s -> { });
        b.connect(r, 1, a, 1).connect(a, 1, f, 1).connect(f, 1, ae, 1).connect(ae, 1, fe, 1);
        b.workflowVariable("video_folder", "");
        return b;
    }

    @Test
    void predictsEmotionsOfNewVideosWithASavedModel() throws Exception {
        // six clips, one per emotion, of one demo speaker
        final DemoDataset.Result demo = DemoDataset.generate(dir.resolve("demo"), DemoSettings.SETTINGS
            .builder().set(DemoSettings.SPEAKERS, 1).set(DemoSettings.CLIPS_PER_EMOTION, 1)
            .set(DemoSettings.DEV_SPEAKERS, 0).set(DemoSettings.TEST_SPEAKERS, 0).set(DemoSettings.SEED, 3)
            .set(DemoSettings.THREADS, 2).build(), Progress.NONE);
        final Path videos = demo.videoFolder();

        // training features from the same chain, and a tiny model trained on them, written to a model file
        final Path chain = dir.resolve("chain");
        featureChain().write(chain);
        final List<WorkflowRunner.NodeRun> chainRuns = new WorkflowRunner(System.out, System.err)
            .execute(WorkflowRunner.Options.of(chain).variable("video_folder", videos.toString()));
        final BufferedDataTable features = (BufferedDataTable)chainRuns.get(4).outputs().get(0);
        final Map<String, String> emotionOf = new HashMap<>();
        demo.clips().forEach(c -> emotionOf.put(c.clipId(), c.emotion().name().toLowerCase()));
        final DataTableSpec trainSpec = Tables.spec("Clip", StringCell.TYPE, "Audio features", StringCell.TYPE,
            "Visual features", StringCell.TYPE, "Emotion", StringCell.TYPE, "Split", StringCell.TYPE);
        final List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            final String clip = (String)Tables.value(features, i, "Clip");
            rows.add(new Object[] {clip, Tables.value(features, i, "Audio features"),
                Tables.value(features, i, "Visual features"), emotionOf.get(clip), i % 3 == 2 ? "Development" : "Train"});
        }
        assertEquals(6, rows.size());
        final BufferedDataTable train = Tables.table(trainSpec, rows.toArray(new Object[0][]));
        final Path modelFile = dir.resolve("models/new-videos.auxformer");
        final var learner = NodeTester.of(new AuxFormerLearnerNodeFactory());
        learner.settings(s -> {
            s.addBoolean("reference sizes", false);
            s.addInt("projection dim", 8);
            s.addInt("model dim", 16);
            s.addInt("attention heads", 2);
            s.addInt("feed-forward dim", 32);
            s.addInt("convolution kernel", 3);
            s.addInt("branch blocks", 1);
            s.addInt("shared blocks", 1);
            s.addInt("epochs", 2);
            s.addInt("batch size", 4);
            s.addString("device", "cpu");
            s.addInt("threads", 1);
            s.addString("model file", modelFile.toString());
        });
        final AuxFormerPortObject model = (AuxFormerPortObject)learner.execute(train)[0];
        assertTrue(Files.isRegularFile(modelFile));
        // what the model port predicts for these features
        final var predictor = NodeTester.of(new AuxFormerPredictorNodeFactory());
        predictor.settings(s -> {
            s.addInt("threads", 1);
            s.addString("device", "cpu");
        });
        final BufferedDataTable expected = (BufferedDataTable)predictor.execute(new PortObject[] {model, train})[0];

        // the inference workflow, copied, with the videos and the model file as workflow variables
        final Path wf = dir.resolve("Inference");
        PathUtils.copyDirectory(workflow(), wf);
        // as KNIME users give them: the model next to the workflow, the videos in its mount point (the folder above)
        final String videosUrl = "knime://knime.mountpoint/" + dir.relativize(videos).toString().replace('\\', '/');
        final List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(System.out, System.err).execute(
            WorkflowRunner.parse(wf.toString(), "-workflow.variable=video_folder," + videosUrl + ",String",
                "-workflow.variable=model_file,knime://knime.workflow/../models/new-videos.auxformer,String"));
        assertEquals(List.of("Video Reader (#1)", "Audio Extractor (#2)", "Face Aligner (#3)", "Audio Encoder (#4)",
            "Face Encoder (#5)", "AuxFormer Predictor (#6)"), runs.stream().map(WorkflowRunner.NodeRun::name).toList());
        for (WorkflowRunner.NodeRun r : runs) {
            assertNull(r.warning(), r.name());
        }
        // per-clip files go into the workflow's vavl-data folder (knime://knime.workflow/vavl-data/... defaults),
        // one file per clip, and nowhere else (no folder named "knime:")
        for (String f : List.of("audio", "face-tracks", "audio-features", "face-features")) {
            for (String clip : emotionOf.keySet()) {
                try (Stream<Path> s = Files.list(wf.resolve("vavl-data").resolve(f))) {
                    assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith(clip + ".")), f + "/" + clip);
                }
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName() != null
                && p.getFileName().toString().startsWith("knime:")).toList());
        }
        final BufferedDataTable out = (BufferedDataTable)runs.get(5).outputs().get(0);
        assertEquals(6, out.size());
        final List<String> classes = model.getSpec().labels();
        for (int i = 0; i < out.size(); i++) {
            final String clip = (String)Tables.value(out, i, "Clip");
            assertEquals(Tables.value(expected, i, "Clip"), clip);
            assertEquals("audiovisual", Tables.value(out, i, "Input used"), clip);
            assertNull(Tables.value(out, i, "Prediction error"), clip);
            for (String m : MODES) {
                final String predicted = (String)Tables.value(out, i, "Predicted class (" + m + ")");
                assertTrue(classes.contains(predicted), predicted);
                assertEquals(Tables.value(expected, i, "Predicted class (" + m + ")"), predicted, clip + " " + m);
                final double[] p = new double[classes.size()];
                final double[] e = new double[classes.size()];
                for (int c = 0; c < p.length; c++) {
                    p[c] = (Double)Tables.value(out, i, "P(" + classes.get(c) + ") (" + m + ")");
                    e[c] = (Double)Tables.value(expected, i, "P(" + classes.get(c) + ") (" + m + ")");
                }
                assertEquals(1, Arrays.stream(p).sum(), 1e-5);
                assertArrayEquals(e, p, 1e-6, clip + " " + m);
            }
        }
    }
}
