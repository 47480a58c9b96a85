package org.vavl.knime.nodes.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.vavl.knime.nodes.common.WorkflowPaths;
import org.vavl.knime.testkit.TestExecution;

/**
 * What the README promises of each committed example workflow, read from its files as KNIME reads them: which
 * nodes it holds, the settings that make it what it is (CREMA-D's partition variable, MSP-IMPROV's attributes and
 * arousal flip, the inference workflow's paths, the demo's small model) and which settings are bound to which
 * workflow variables.
 */
class ExampleWorkflowSettingsTest {

    @TempDir
    Path m_tmp;

    private static Path workflow(final String name) {
        return Paths.get(System.getProperty("vavl.repo.dir", "..")).resolve("workflows").resolve(name);
    }

    private static NodeSettingsRO load(final Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return NodeSettings.loadFromXML(in);
        }
    }

    /** @return the node folders of a workflow, e.g. "Video Reader (#1)" */
    private static List<String> nodes(final Path wf) throws Exception {
        try (Stream<Path> s = Files.list(wf)) {
            // node folders only: a workflow that ran has its vavl-data folder too
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                .filter(n -> n.matches(".* \\(#\\d+\\)")).sorted().toList();
        }
    }

    /** @return the "model" settings of a node */
    private static NodeSettingsRO model(final Path wf, final String node) throws Exception {
        return load(wf.resolve(node).resolve("settings.xml")).getNodeSettings("model");
    }

    /** @return setting key to the workflow variable it is bound to */
    private static Map<String, String> bindings(final Path wf, final String node) throws Exception {
        final NodeSettingsRO s = load(wf.resolve(node).resolve("settings.xml"));
        final Map<String, String> m = new TreeMap<>();
        if (s.containsKey("variables")) {
            final NodeSettingsRO tree = s.getNodeSettings("variables").getNodeSettings("tree");
            for (String k : tree.keySet()) {
                m.put(k, tree.getNodeSettings(k).getString("used_variable"));
            }
        }
        return m;
    }

    /** @return workflow variable name to "TYPE value" */
    private static Map<String, String> variables(final Path wf) throws Exception {
        final NodeSettingsRO vars = load(wf.resolve("workflow.knime")).getNodeSettings("workflow_variables");
        final Map<String, String> m = new TreeMap<>();
        for (String k : vars.keySet()) {
            final NodeSettingsRO v = vars.getNodeSettings(k);
            final String type = v.getString("class");
            m.put(v.getString("name"), type + " " + ("INTEGER".equals(type) ? String.valueOf(v.getInt("value"))
                : v.getString("value")));
        }
        return m;
    }

    private static final List<String> CHAIN = List.of("Audio Encoder", "Audio Extractor", "AuxFormer Learner",
        "AuxFormer Predictor", "Emotion Label Joiner", "Evaluator", "Face Aligner", "Face Encoder", "Video Reader");

    private static List<String> names(final List<String> folders) {
        return folders.stream().map(f -> f.replaceAll(" \\(#\\d+\\)$", "")).sorted().toList();
    }

    @Test
    void cremaDReadsTheShippedPartitionChosenByAVariable() throws Exception {
        final Path wf = workflow(ExampleWorkflows.CREMA_D);
        assertEquals(CHAIN, names(nodes(wf)));
        assertEquals(Map.of("crema_d_videos", "STRING /path/to/CREMA-D/VideoFlash", "partition", "INTEGER 1"),
            variables(wf));
        final NodeSettingsRO reader = model(wf, "Video Reader (#1)");
        assertEquals("*.flv", reader.getString("file pattern"));
        assertEquals(Map.of("folder", "crema_d_videos"), bindings(wf, "Video Reader (#1)"));
        final NodeSettingsRO labels = model(wf, "Emotion Label Joiner (#2)");
        assertEquals("shipped partition", labels.getString("label source"));
        assertEquals("CREMA-D", labels.getString("corpus"));
        assertEquals(Map.of("partition", "partition"), bindings(wf, "Emotion Label Joiner (#2)"));
        final NodeSettingsRO learner = model(wf, "AuxFormer Learner (#7)");
        assertEquals("categorical", learner.getString("task"));
        assertEquals(32, learner.getInt("batch size"));
        assertTrue(learner.getBoolean("reference sizes"), "the paper's model sizes");
    }

    @Test
    void mspImprovIsDimensionalWithFlippedArousalScaledToZeroOne() throws Exception {
        final Path wf = workflow(ExampleWorkflows.MSP_IMPROV);
        assertEquals(CHAIN, names(nodes(wf)));
        assertEquals(Map.of("msp_improv_videos", "STRING /path/to/MSP-IMPROV/Video", "partition", "INTEGER 1"),
            variables(wf));
        assertEquals(Map.of("folder", "msp_improv_videos"), bindings(wf, "Video Reader (#1)"));
        final NodeSettingsRO labels = model(wf, "Emotion Label Joiner (#2)");
        assertEquals("shipped partition", labels.getString("label source"));
        assertEquals("MSP-IMPROV", labels.getString("corpus"));
        assertTrue(labels.getBoolean("flip arousal"), "arousal flipped (6 - EmoAct) as the reference does");
        assertTrue(labels.getBoolean("scale to 0..1"), "attributes scaled to 0..1");
        assertEquals(Map.of("partition", "partition"), bindings(wf, "Emotion Label Joiner (#2)"));
        final NodeSettingsRO learner = model(wf, "AuxFormer Learner (#7)");
        assertEquals("dimensional", learner.getString("task"));
        assertEquals("arousal, valence, dominance", learner.getString("attribute columns"));
        assertEquals(9, learner.getInt("batch size"));
    }

    @Test
    void inferenceReadsItsModelAndVideosFromVariables() throws Exception {
        final Path wf = workflow(ExampleWorkflows.INFERENCE);
        assertEquals(List.of("Audio Encoder", "Audio Extractor", "AuxFormer Predictor", "Face Aligner",
            "Face Encoder", "Video Reader"), names(nodes(wf)));
        final Map<String, String> vars = variables(wf);
        assertEquals(List.of("model_file", "video_folder"), List.copyOf(vars.keySet()));
        assertEquals(Map.of("folder", "video_folder"), bindings(wf, "Video Reader (#1)"));
        assertEquals(Map.of("model file", "model_file"), bindings(wf, "AuxFormer Predictor (#6)"));
        assertEquals("STRING " + model(wf, "AuxFormer Predictor (#6)").getString("model file"), vars.get("model_file"));
        assertEquals("STRING " + model(wf, "Video Reader (#1)").getString("folder"), vars.get("video_folder"));
        // both defaults lie inside the workflow's own folder, so it runs imported alone or uploaded to a Hub
        assertEquals("STRING knime://knime.workflow/model.auxformer", vars.get("model_file"));
        assertEquals("STRING knime://knime.workflow/videos", vars.get("video_folder"));
        final Path copy = m_tmp.resolve("Inference");
        assertEquals(copy.resolve("model.auxformer"), TestExecution.inWorkflow(copy,
            () -> WorkflowPaths.resolveFile(vars.get("model_file").substring("STRING ".length()), "model file")));
        // what the README and the annotation tell users to set after the demo reaches the demo's model and clips
        final String annotation = Files.readString(wf.resolve("workflow.knime"), StandardCharsets.UTF_8);
        assertTrue(annotation.contains("model_file = " + ExampleWorkflows.INFERENCE_DEMO_MODEL_FILE), "annotation");
        final Path repo = workflow(ExampleWorkflows.DEMO).getParent();
        assertEquals(repo.resolve(ExampleWorkflows.DEMO).resolve("vavl-data/demo-model.auxformer").toAbsolutePath()
            .normalize(), TestExecution.inWorkflow(wf, () -> WorkflowPaths.resolveFile(
                ExampleWorkflows.INFERENCE_DEMO_MODEL_FILE, "model file")));
        final String readme = Files.readString(repo.getParent().resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("model_file," + ExampleWorkflows.INFERENCE_DEMO_MODEL_FILE + ",String"),
            "README shows how to run inference with the demo's model");
    }

    @Test
    void demoTrainsTheSmallModelAndSavesIt() throws Exception {
        final Path wf = workflow(ExampleWorkflows.DEMO);
        final List<String> expected = new java.util.ArrayList<>(CHAIN);
        expected.add("Demo Dataset");
        assertEquals(expected.stream().sorted().toList(), names(nodes(wf)));
        assertEquals("knime://knime.workflow/vavl-data/demo-dataset/label_consensus.csv",
            model(wf, "Emotion Label Joiner (#3)").getString("label file"));
        assertEquals(Map.of("label file", "demo_label_file"), bindings(wf, "Emotion Label Joiner (#3)"));
        final NodeSettingsRO learner = model(wf, "AuxFormer Learner (#8)");
        assertEquals(30, learner.getInt("epochs"));
        assertEquals(64, learner.getInt("model dim"));
        assertEquals(ExampleWorkflows.DEMO_MODEL_FILE, learner.getString("model file"));
        // what the demo shows beyond the paper: emotion over time, calibrated confidence, the speaker guard
        assertTrue(model(wf, "AuxFormer Predictor (#9)").getBoolean("emotion over time"));
        assertTrue(model(wf, "Evaluator (#10)").getBoolean("bootstrap"));
        assertFalse(learner.getBoolean("allow speakers in several splits"));
    }
}
