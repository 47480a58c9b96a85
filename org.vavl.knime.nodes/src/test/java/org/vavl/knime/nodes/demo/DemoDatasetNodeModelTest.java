package org.vavl.knime.nodes.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

class DemoDatasetNodeModelTest {

    @TempDir
    Path workflow;

    @Test
    void generatesIntoTheWorkflowFolderOnceAndListsTheClips() throws Exception {
        try (NodeTester<DemoDatasetNodeModel> t = NodeTester.of(new DemoDatasetNodeFactory())) {
            t.workflowFolder(workflow);
            t.settings(s -> {
                s.addInt("speakers", 4);
                s.addInt("clips per emotion", 1);
                s.addInt("threads", 2);
            });
            final BufferedDataTable clips = t.executeTable();
            assertEquals(4 * 6, clips.size());
            final Path labels = workflow.resolve("vavl-data/demo-dataset/label_consensus.csv");
            assertEquals(labels.toString(), t.pushedFlowVariables().get("demo_label_file"));
            assertTrue(Files.isRegularFile(labels));
            final List<Object> paths = Tables.column(clips, "Path");
            for (Object p : paths) {
                assertTrue(Files.size(Path.of((String)p)) > 10_000, p.toString());
            }
            assertEquals(25, Files.readAllLines(labels).size(), "header + one line per clip");
            // a second execution keeps the complete dataset: same files, same modification times
            final long before = Files.getLastModifiedTime(Path.of((String)paths.get(0))).toMillis();
            t.reset();
            assertEquals(clips.size(), t.executeTable().size());
            assertEquals(before, Files.getLastModifiedTime(Path.of((String)paths.get(0))).toMillis());
        }
    }
}
