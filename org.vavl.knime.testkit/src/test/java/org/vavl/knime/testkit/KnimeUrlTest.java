package org.vavl.knime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.util.FileUtil;

/**
 * {@code knime:} URLs, {@code file:} URLs and paths resolved by the kit's {@code FileUtil.toURL} /
 * {@code FileUtil.resolveToPath} against the executing workflow and its mount point (the folder above it), as KNIME
 * Analytics Platform resolves them for a workflow in its local workspace.
 */
class KnimeUrlTest {

    @TempDir
    Path root;

    private static Path resolve(final String s) throws Exception {
        return FileUtil.resolveToPath(FileUtil.toURL(s));
    }

    @Test
    void workflowMountpointAndLocalUrlsResolveAgainstTheExecutingWorkflow() throws Exception {
        final Path wf = root.resolve("My Workflow");
        TestExecution.inWorkflow(wf, () -> {
            assertEquals(wf.resolve("vavl-data/audio"), resolve("knime://knime.workflow/vavl-data/audio"));
            assertEquals(wf.resolve("my data/x.csv"), resolve("knime://knime.workflow/my data/x.csv"));
            assertEquals(wf.resolve("my data/x.csv"), resolve("knime://knime.workflow/my%20data/x.csv"));
            assertEquals(wf, resolve("knime://knime.workflow"));
            assertEquals(root.resolve("Other/model.auxformer"),
                resolve("knime://knime.workflow/../Other/model.auxformer"));
            assertEquals(root.resolve("shared/videos"), resolve("knime://knime.mountpoint/shared/videos"));
            assertEquals(root.resolve("shared/videos"), resolve("knime://knime.space/shared/videos"));
            assertEquals(root.resolve("shared/videos"), resolve("knime://LOCAL/shared/videos"));
            assertEquals(root.resolve("a b"), resolve("file:" + root.resolve("a%20b")));
            assertEquals(root.resolve("plain"), resolve(root.resolve("plain").toString()));
            assertNull(FileUtil.resolveToPath(new URL("https://example.org/x.csv")), "not a local file");
            return null;
        });
    }

    @Test
    void aKnimeUrlOpensTheFileItNames() throws Exception {
        final Path wf = root.resolve("wf");
        Files.createDirectories(wf);
        Files.writeString(wf.resolve("labels.csv"), "clip,emotion\n");
        TestExecution.inWorkflow(wf, () -> {
            try (InputStream in = new URL("knime://knime.workflow/labels.csv").openStream()) {
                assertEquals("clip,emotion\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return null;
        });
    }

    @Test
    void unknownMountPointsLeavingTheMountPointAndNoWorkflowAreRefusedWithKnimesReasons() throws Exception {
        final Path wf = root.resolve("wf");
        TestExecution.inWorkflow(wf, () -> {
            IOException e = assertThrows(IOException.class, () -> resolve("knime://My-Hub/Users/x/model.auxformer"));
            assertEquals("Unknown mount point 'My-Hub' in 'knime://My-Hub/Users/x/model.auxformer'; the mount points "
                + "here are: LOCAL", e.getMessage());
            e = assertThrows(IOException.class, () -> resolve("knime://knime.workflow/../../outside"));
            assertTrue(e.getMessage().startsWith("Leaving the mount point is not allowed for workflow relative URLs: "),
                e.getMessage());
            e = assertThrows(IOException.class, () -> resolve("knime://knime.mountpoint/../outside"));
            assertTrue(e.getMessage().startsWith("Leaving the mount point is not allowed for relative URLs: "),
                e.getMessage());
            return null;
        });
        final IOException e = assertThrows(IOException.class, () -> resolve("knime://knime.workflow/data"));
        assertEquals("No context for relative URL available: 'knime://knime.workflow/data' is relative to the "
            + "executing workflow, and no workflow executes here", e.getMessage());
    }

    @Test
    void aNamedMountPointRootMayLieHigherUp() throws Exception {
        final Path wf = root.resolve("group/sub/wf");
        // what NodeTester.workflowFolder(wf, root) sets around the node's calls
        org.vavl.knime.testkit.internal.KitAccess.workflow().pushWorkflowContext(wf, root);
        try {
            assertEquals(root.resolve("group/data"), resolve("knime://knime.workflow/../../data"));
            assertEquals(root.resolve("models"), resolve("knime://LOCAL/models"));
        } finally {
            org.vavl.knime.testkit.internal.KitAccess.workflow().popWorkflowContext();
        }
    }
}
