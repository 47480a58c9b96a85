package org.vavl.knime.nodes.workflows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.knime.core.node.NodeSettings;
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
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * Writes the example workflows under {@code workflows/} from the nodes' own default settings, so that
 * their settings keys are always the ones the nodes read. {@code ExampleWorkflowsTest} checks that the
 * committed folders are what this program writes.
 *
 * <pre>java ... ExampleWorkflows &lt;repo&gt;/workflows</pre>
 */
public final class ExampleWorkflows {

    /** Folder names of the example workflows. */
    public static final String DEMO = "Demo — train and evaluate";

    public static final String CREMA_D = "CREMA-D — AuxFormer, 6 classes";

    public static final String MSP_IMPROV = "MSP-IMPROV — AuxFormer, arousal, valence, dominance";

    public static final String INFERENCE = "Inference — emotions of new videos";

    private static final int Y = 200;

    private static final int DX = 140;

    private ExampleWorkflows() {
    }

    public static void main(final String[] args) throws IOException {
        final Path out = Paths.get(args.length > 0 ? args[0] : "workflows");
        for (Map.Entry<String, WorkflowBuilder> e : all().entrySet()) {
            final Path folder = out.resolve(e.getKey());
            deleteNodeFolders(folder);
            e.getValue().write(folder);
            System.out.println("wrote " + folder);
        }
    }

    /** @return every example workflow by folder name */
    public static Map<String, WorkflowBuilder> all() {
        final Map<String, WorkflowBuilder> m = new LinkedHashMap<>();
        m.put(DEMO, demo());
        m.put(CREMA_D, cremaD());
        m.put(MSP_IMPROV, mspImprov());
        m.put(INFERENCE, inference());
        return m;
    }

    private static void deleteNodeFolders(final Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>)s::iterator) {
                if (Files.isDirectory(p) && p.getFileName().toString().matches(".* \\(#\\d+\\)")) {
                    try (Stream<Path> w = Files.walk(p)) {
                        w.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
                    }
                }
            }
        }
    }

    /** The per-clip chain shared by the training workflows: nodes 2..7 after a source node 1. */
    private record Chain(int reader, int labels, int audio, int faces, int audioFeatures, int visualFeatures) {
    }

    private static Chain chain(final WorkflowBuilder b, final int x0, final Consumer<NodeSettings> reader,
        final Consumer<NodeSettings> labels, final Consumer<NodeSettings> faces,
        final Consumer<NodeSettings> audioEncoder, final Consumer<NodeSettings> faceEncoder) {
        final int r = b.node("Video Reader", new VideoReaderNodeFactory(), reader);
        b.position(r, x0, Y);
        final int l = b.node("Emotion Label Joiner", new LabelJoinerNodeFactory(), labels);
        b.position(l, x0 + DX, Y);
        final int a = b.node("Audio Extractor", new AudioExtractorNodeFactory(), s -> { });
        b.position(a, x0 + 2 * DX, Y);
        final int f = b.node("Face Aligner", new FaceAlignerNodeFactory(), faces);
        b.position(f, x0 + 3 * DX, Y);
        final int ae = b.node("Audio Encoder", new AudioEncoderNodeFactory(), audioEncoder);
        b.position(ae, x0 + 4 * DX, Y);
        final int fe = b.node("Face Encoder", new FaceEncoderNodeFactory(), faceEncoder);
        b.position(fe, x0 + 5 * DX, Y);
        b.connect(r, 1, l, 1).connect(l, 1, a, 1).connect(a, 1, f, 1).connect(f, 1, ae, 1).connect(ae, 1, fe, 1);
        return new Chain(r, l, a, f, ae, fe);
    }

    /** Learner, Predictor and Evaluator after the chain; returns the Learner's id. */
    private static int learnAndEvaluate(final WorkflowBuilder b, final Chain c, final int x0,
        final Consumer<NodeSettings> learner, final Consumer<NodeSettings> evaluator) {
        return learnAndEvaluate(b, c, x0, learner, s -> { }, evaluator);
    }

    private static int learnAndEvaluate(final WorkflowBuilder b, final Chain c, final int x0,
        final Consumer<NodeSettings> learner, final Consumer<NodeSettings> predictor,
        final Consumer<NodeSettings> evaluator) {
        final int learn = b.node("AuxFormer Learner", new AuxFormerLearnerNodeFactory(), learner);
        b.position(learn, x0, Y - 90);
        final int predict = b.node("AuxFormer Predictor", new AuxFormerPredictorNodeFactory(), predictor);
        b.position(predict, x0 + DX, Y);
        final int evaluate = b.node("Evaluator", new EvaluatorNodeFactory(), evaluator);
        b.position(evaluate, x0 + 2 * DX, Y);
        b.connect(c.visualFeatures(), 1, learn, 1).connect(learn, 1, predict, 1)
            .connect(c.visualFeatures(), 1, predict, 2).connect(predict, 1, evaluate, 1)
            .connect(learn, 2, evaluate, 2).connect(predict, 2, evaluate, 3);
        return learn;
    }

    static WorkflowBuilder demo() {
        final WorkflowBuilder b = new WorkflowBuilder();
        b.description("VAVL for KNIME demo: a synthetic audio-visual emotion dataset (six CREMA-D emotions), "
            + "generated on first execution, goes through the whole chain: audio and face tracks, feature sequences, "
            + "AuxFormer training, predictions from both modalities and from each alone, evaluation.");
        final int demo = b.node("Demo Dataset", new DemoDatasetNodeFactory(), s -> { });
        b.position(demo, 40, Y);
        final Chain c = chain(b, 40 + DX, s -> s.addString("path column", "Path"),
            s -> {
                s.addString("label source", "label file");
                s.addString("label file", "knime://knime.workflow/vavl-data/demo-dataset/label_consensus.csv");
            },
            s -> { }, s -> { }, s -> { });
        b.connect(demo, 1, c.reader(), 1);
        b.bindVariable(c.labels(), "demo_label_file", "label file");
        learnAndEvaluate(b, c, 40 + 7 * DX, DemoSettings::learner, DemoSettings::predictor, s -> s.addString("report title",
            "VAVL for KNIME demo: evaluation on the Test speakers"));
        b.annotation("Demo: runs as it is. The Demo Dataset node writes 192 synthetic clips into vavl-data/ next to "
            + "this workflow on its first execution (about a minute or two); every node after it writes its per-clip files "
            + "there too and skips them on re-runs. The AuxFormer Learner uses a small model so that training takes a "
            + "few minutes on a laptop; the Evaluator writes its charts and report.html to "
            + "vavl-data/evaluation-report.", 20, 20, 1500, 70);
        return b;
    }

    /**
     * The Face Encoder of the corpus workflows: the built-in expression network (trained on real faces; all six
     * CREMA-D emotions among its seven expressions), both parts (263 values per frame).
     */
    static void expressionEncoder(final NodeSettings s) {
        s.addString(org.vavl.knime.nodes.common.EncoderSettings.ENCODER, "built-in expression network");
    }

    static WorkflowBuilder cremaD() {
        final WorkflowBuilder b = new WorkflowBuilder();
        b.description("AuxFormer on CREMA-D (six classes), as in the VAVL paper. Set the workflow variables "
            + "crema_d_videos (the folder of CREMA-D's .flv videos, VideoFlash) and partition (1..5).");
        final Chain c = chain(b, 40, s -> {
            s.addString("folder", "/path/to/CREMA-D/VideoFlash");
            s.addString("file pattern", "*.flv");
        }, s -> {
            s.addString("label source", "shipped partition");
            s.addString("corpus", "CREMA-D");
        }, s -> { }, s -> { }, ExampleWorkflows::expressionEncoder);
        b.workflowVariable("crema_d_videos", "/path/to/CREMA-D/VideoFlash");
        b.workflowVariable("partition", 1);
        b.bindVariable(c.reader(), "crema_d_videos", "folder");
        b.bindVariable(c.labels(), "partition", "partition");
        learnAndEvaluate(b, c, 40 + 6 * DX, s -> s.addInt("batch size", 32), s -> { });
        b.annotation("CREMA-D: set the workflow variable crema_d_videos to your copy of CREMA-D's VideoFlash folder "
            + "(.flv) and partition to 1..5 (the VAVL partitions ship with the extension). The Face Encoder uses the "
            + "built-in expression network (trained on faces, weights inside the extension). For the paper's features, "
            + "choose your exported wav2vec2 model in the Audio Encoder and HSEmotion's EfficientNet-B2 in the Face "
            + "Encoder (tools/export).", 20, 20, 1200, 70);
        return b;
    }

    static WorkflowBuilder mspImprov() {
        final WorkflowBuilder b = new WorkflowBuilder();
        b.description("AuxFormer on MSP-IMPROV, dimensional: arousal (flipped 6 - a, as the reference does), "
            + "valence, dominance scaled to 0..1; CCC per attribute. Set msp_improv_videos and partition.");
        final Chain c = chain(b, 40, s -> s.addString("folder", "/path/to/MSP-IMPROV/Video"), s -> {
            s.addString("label source", "shipped partition");
            s.addString("corpus", "MSP-IMPROV");
        }, s -> { }, s -> { }, ExampleWorkflows::expressionEncoder);
        b.workflowVariable("msp_improv_videos", "/path/to/MSP-IMPROV/Video");
        b.workflowVariable("partition", 1);
        b.bindVariable(c.reader(), "msp_improv_videos", "folder");
        b.bindVariable(c.labels(), "partition", "partition");
        learnAndEvaluate(b, c, 40 + 6 * DX, s -> {
            s.addString("task", "dimensional");
            s.addString("attribute columns", "arousal, valence, dominance");
            s.addInt("batch size", 9);
        }, s -> { });
        b.annotation("MSP-IMPROV: set msp_improv_videos to the folder of the corpus's videos and partition to 1..5. "
            + "The Label Joiner flips arousal and scales the attributes to 0..1 as the reference does; the Learner "
            + "trains on the sum of (1 - CCC) with batch 9, the reference's value. The Face Encoder uses the built-in "
            + "expression network (trained on faces, weights inside the extension).", 20, 20, 1200, 70);
        return b;
    }

    /** Where the demo leaves its model (in the Demo workflow's folder). */
    static final String DEMO_MODEL_FILE = "knime://knime.workflow/vavl-data/demo-model.auxformer";

    /** The inference workflow's default model file: inside its own folder, so that it travels with it. */
    static final String INFERENCE_MODEL_FILE = "knime://knime.workflow/model.auxformer";

    /** The inference workflow's default video folder: inside its own folder. */
    static final String INFERENCE_VIDEO_FOLDER = "knime://knime.workflow/videos";

    /**
     * The values that point the inference workflow at the Demo workflow next to it, once the demo has run (what the
     * README and {@code ./vavl demo} tell users): the demo's model and clips.
     */
    public static final String INFERENCE_DEMO_MODEL_FILE =
        "knime://knime.workflow/../" + DEMO + "/vavl-data/demo-model.auxformer";

    public static final String INFERENCE_DEMO_VIDEO_FOLDER =
        "knime://knime.workflow/../" + DEMO + "/vavl-data/demo-dataset/videos";

    /**
     * Inference: the per-clip chain without labels, and the AuxFormer Predictor with no model connected, reading the
     * model file an AuxFormer Learner wrote. Everything it reads by default lies inside its own folder (the model file
     * {@code model.auxformer}, the videos in {@code videos/}), so it can be imported alone or uploaded to a Hub; the
     * workflow variables model_file and video_folder point it elsewhere.
     */
    static WorkflowBuilder inference() {
        final WorkflowBuilder b = new WorkflowBuilder();
        b.description("Predicts the emotions of new videos with a saved AuxFormer model. Set the workflow variables "
            + "video_folder (your videos; default: the videos folder inside this workflow) and model_file (a .auxformer "
            + "file written by an AuxFormer Learner's 'model file' setting; default: model.auxformer inside this "
            + "workflow), e.g. knime://knime.workflow/../Demo — train and evaluate/vavl-data/demo-model.auxformer for "
            + "the model the demo leaves.");
        final int r = b.node("Video Reader", new VideoReaderNodeFactory(),
            s -> s.addString("folder", INFERENCE_VIDEO_FOLDER));
        b.position(r, 40, Y);
        final int a = b.node("Audio Extractor", new AudioExtractorNodeFactory(), s -> { });
        b.position(a, 40 + DX, Y);
        final int f = b.node("Face Aligner", new FaceAlignerNodeFactory(), s -> { });
        b.position(f, 40 + 2 * DX, Y);
        final int ae = b.node("Audio Encoder", new AudioEncoderNodeFactory(), s -> { });
        b.position(ae, 40 + 3 * DX, Y);
        final int fe = b.node("Face Encoder", new FaceEncoderNodeFactory(), s -> { });
        b.position(fe, 40 + 4 * DX, Y);
        final int p = b.node("AuxFormer Predictor", new AuxFormerPredictorNodeFactory(),
            s -> s.addString("model file", INFERENCE_MODEL_FILE));
        b.position(p, 40 + 5 * DX, Y);
        b.connect(r, 1, a, 1).connect(a, 1, f, 1).connect(f, 1, ae, 1).connect(ae, 1, fe, 1).connect(fe, 1, p, 2);
        b.workflowVariable("video_folder", INFERENCE_VIDEO_FOLDER);
        b.workflowVariable("model_file", INFERENCE_MODEL_FILE);
        b.bindVariable(r, "video_folder", "folder");
        b.bindVariable(p, "model_file", "model file");
        b.annotation("Inference: put your videos (.mp4, .flv, ...; one clip per file) into the videos folder of this "
            + "workflow and a .auxformer model (written by an AuxFormer Learner, setting 'model file') into it as "
            + "model.auxformer, or point the workflow variables elsewhere (right-click the workflow > Workflow "
            + "Variables..., or -workflow.variable=model_file,<url or path>,String in a batch run): video_folder and "
            + "model_file take knime://knime.workflow/... (relative to this workflow), knime://knime.mountpoint/..., "
            + "knime://LOCAL/..., file: URLs and paths. After the demo, for its model and clips: model_file = "
            + INFERENCE_DEMO_MODEL_FILE + ", video_folder = " + INFERENCE_DEMO_VIDEO_FOLDER + ". Keep the Face "
            + "Aligner's and both encoders' settings as in the workflow that trained the model. The Predictor adds the "
            + "predicted emotion and class probabilities from both modalities and from each alone; the per-clip files "
            + "go to vavl-data/ inside this workflow.", 20, 20, 860, 140);
        return b;
    }

    /** The demo's deviations from the defaults, in one place. */
    static final class DemoSettings {
        private DemoSettings() {
        }

        static void learner(final NodeSettings s) {
            s.addBoolean("reference sizes", false);
            s.addInt("projection dim", 32);
            s.addInt("model dim", 64);
            s.addInt("attention heads", 4);
            s.addInt("feed-forward dim", 128);
            s.addInt("branch blocks", 1);
            s.addInt("shared blocks", 1);
            s.addInt("epochs", 30);
            s.addInt("batch size", 16);
            s.addDouble("learning rate", 1e-3);
            s.addString("model file", DEMO_MODEL_FILE);
        }

        /**
         * Emotion over time on (the second output and a timeline PNG of the first 10 clips), with windows of 1 s every
         * 0.25 s, as the demo's clips last about 2 s.
         */
        static void predictor(final NodeSettings s) {
            s.addBoolean("emotion over time", true);
            s.addDouble("window (s)", 1.0);
            s.addDouble("hop (s)", 0.25);
        }
    }
}
