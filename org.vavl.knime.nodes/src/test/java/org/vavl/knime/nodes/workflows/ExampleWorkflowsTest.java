package org.vavl.knime.nodes.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.runner.WorkflowBuilder;

/**
 * The committed example workflows under {@code workflows/} are exactly what {@link ExampleWorkflows} writes
 * from the nodes' current settings (timestamps aside), and every node's settings load into its node model
 * the way KNIME loads them.
 */
class ExampleWorkflowsTest {

    @TempDir
    Path dir;

    private static Path committed() {
        return Paths.get(System.getProperty("vavl.repo.dir", "..")).resolve("workflows");
    }

    @Test
    void committedWorkflowsAreWhatTheGeneratorWrites() throws Exception {
        for (Map.Entry<String, WorkflowBuilder> e : ExampleWorkflows.all().entrySet()) {
            final Path fresh = dir.resolve(e.getKey());
            e.getValue().write(fresh);
            final Path old = committed().resolve(e.getKey());
            assertTrue(Files.isDirectory(old), "missing workflow folder " + old
                + ": run ExampleWorkflows (see its Javadoc) and commit the result");
            assertEquals(TestWorkflowFolders.files(fresh), TestWorkflowFolders.files(old), e.getKey());
            for (Path f : TestWorkflowFolders.files(fresh)) {
                assertEquals(TestWorkflowFolders.withoutDates(Files.readString(fresh.resolve(f), StandardCharsets.UTF_8)),
                    TestWorkflowFolders.withoutDates(Files.readString(old.resolve(f), StandardCharsets.UTF_8)),
                    e.getKey() + "/" + f + " differs from what ExampleWorkflows writes: regenerate the workflows");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyNodesSettingsLoadAsKnimeLoadsThem() throws Exception {
        int nodes = 0;
        try (Stream<Path> s = Files.walk(committed(), 3)) {
            for (Path settingsFile : (Iterable<Path>)s.filter(p -> p.getFileName().toString().equals("settings.xml"))::iterator) {
                final NodeSettingsRO settings;
                try (InputStream in = Files.newInputStream(settingsFile)) {
                    settings = NodeSettings.loadFromXML(in);
                }
                final NodeFactory<NodeModel> factory = (NodeFactory<NodeModel>)Class.forName(settings.getString("factory"))
                    .getDeclaredConstructor().newInstance();
                try (NodeTester<NodeModel> t = NodeTester.of(factory)) {
                    t.loadSettings(settings.getNodeSettings("model"));
                }
                nodes++;
            }
        }
        assertEquals(10 + 9 + 9 + 6, nodes, "nodes of the four example workflows");
    }
}
