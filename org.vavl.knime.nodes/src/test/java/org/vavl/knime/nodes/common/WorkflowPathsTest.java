package org.vavl.knime.nodes.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.vavl.knime.testkit.TestExecution;

/**
 * Every form a user types into a file or folder setting, or a path cell holds, resolved by {@link WorkflowPaths}
 * against the executing workflow (in the kit: mount point LOCAL, rooted at the folder above the workflow), and the
 * messages for what cannot be resolved.
 */
class WorkflowPathsTest {

    @TempDir
    Path m_root;

    private Path inWf(final String value) throws Exception {
        return TestExecution.inWorkflow(m_root.resolve("My Flow"),
            () -> WorkflowPaths.resolveFolder(value, "output folder"));
    }

    @Test
    void knimeUrlsFileUrlsAndPathsResolveAsKnimeResolvesThem() throws Exception {
        final Path wf = m_root.resolve("My Flow");
        assertEquals(wf.resolve("vavl-data/audio"), inWf("knime://knime.workflow/vavl-data/audio"));
        assertEquals(wf.resolve("my data/audio"), inWf("knime://knime.workflow/my data/audio"));
        assertEquals(wf.resolve("my data/audio"), inWf("knime://knime.workflow/my%20data/audio"));
        assertEquals(m_root.resolve("Other Flow/vavl-data/model.auxformer"),
            inWf("knime://knime.workflow/../Other Flow/vavl-data/model.auxformer"));
        assertEquals(m_root.resolve("shared/videos"), inWf("knime://knime.mountpoint/shared/videos"));
        assertEquals(m_root.resolve("shared/videos"), inWf("knime://LOCAL/shared/videos"));
        assertEquals(m_root.resolve("a b/c"), inWf(m_root.resolve("a b/c").toUri().toString()));
        assertEquals(m_root.resolve("a b/c"), inWf("file:" + m_root.resolve("a b/c")));
        assertEquals(m_root.resolve("abs"), inWf(m_root.resolve("abs/./x/..").toString()));
        assertEquals(wf.resolve("vavl-data/audio"), inWf(" vavl-data/audio "));
        assertEquals(wf.resolve("vavl-data/demo.auxformer"), TestExecution.inWorkflow(wf,
            () -> WorkflowPaths.resolveFile("knime://knime.workflow/vavl-data/demo.auxformer", "model file")));
        // path cells: the same forms
        assertEquals(wf.resolve("clips/a.mp4"),
            TestExecution.inWorkflow(wf, () -> WorkflowPaths.resolveCell("knime://knime.workflow/clips/a.mp4")));
        assertEquals(m_root.resolve("clips/a.mp4"),
            TestExecution.inWorkflow(wf, () -> WorkflowPaths.resolveCell("knime://LOCAL/clips/a.mp4")));
    }

    @Test
    void whatCannotBeResolvedIsRefusedNamingTheSettingAndWhatToType() throws Exception {
        final String forms = "Give the folder as knime://knime.workflow/... (in or next to this workflow), "
            + "knime://knime.mountpoint/... (in its mount point), knime://<mount ID>/..., a file: URL or a path.";
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> inWf("knime://My-Hub/Users/me/videos"));
        assertEquals("Setting 'output folder' is 'knime://My-Hub/Users/me/videos': Unknown mount point 'My-Hub' in "
            + "'knime://My-Hub/Users/me/videos'; the mount points here are: LOCAL. " + forms, e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> WorkflowPaths.resolveFolder("knime://knime.workflow/vavl-data", "output folder"));
        assertEquals("Setting 'output folder' is 'knime://knime.workflow/vavl-data': No context for relative URL "
            + "available: 'knime://knime.workflow/vavl-data' is relative to the executing workflow, and no workflow "
            + "executes here. " + forms, e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> inWf("knime://knime.workflow/../../elsewhere"));
        assertEquals("Setting 'output folder' is 'knime://knime.workflow/../../elsewhere': Leaving the mount point is "
            + "not allowed for workflow relative URLs: " + m_root.getParent().resolve("elsewhere") + " is not in "
            + m_root + ". " + forms, e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> inWf("https://example.org/videos"));
        assertEquals("Setting 'output folder' is 'https://example.org/videos': only local files can be used: give a "
            + "path, a file: URL or a knime:// URL.", e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> WorkflowPaths.resolveFolder("clips", "input folder"));
        assertEquals("Setting 'input folder' is 'clips': a relative path, but no workflow executes here to be relative "
            + "to: give an absolute path.", e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> WorkflowPaths.resolveFolder(" ", "output folder"));
        assertEquals("Setting 'output folder' is empty: give a folder.", e.getMessage());
        final IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
            () -> TestExecution.inWorkflow(m_root.resolve("My Flow"), () -> WorkflowPaths.resolveCell("knime://X/a")));
        assertEquals("Unknown mount point 'X' in 'knime://X/a'; the mount points here are: LOCAL. Give the file as "
            + "knime://knime.workflow/... (in or next to this workflow), knime://knime.mountpoint/... (in its mount "
            + "point), knime://<mount ID>/..., a file: URL or a path.", c.getMessage());
    }
}
