package org.vavl.knime.nodes.common;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.workflow.NodeContext;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.core.util.Overwrite;

/**
 * Resolves folder and file settings that are absolute or relative to the workflow folder, through KNIME's
 * workflow context ({@code NodeContext -> WorkflowManager -> WorkflowContextV2 -> ExecutorInfo
 * .getLocalWorkflowPath()}, KNIME 4.7+), so that a workflow and its data can move together.
 */
public final class WorkflowPaths {

    private WorkflowPaths() {
    }

    /**
     * @param value the setting's value
     * @param settingName the setting's name, for messages
     * @return the absolute, normalised path
     * @throws InvalidSettingsException when the value is empty or not a path, or relative while the workflow
     *             folder is unknown
     */
    public static Path resolveFolder(final String value, final String settingName) throws InvalidSettingsException {
        return resolve(value, settingName, "folder");
    }

    /**
     * {@link #resolveFolder} for an output folder, which must exist and be writable or be creatable; checked
     * without changing anything on disk (for configure).
     *
     * @throws InvalidSettingsException naming the setting when the folder cannot be used (under a regular file,
     *             read-only)
     */
    public static Path resolveOutputFolder(final String value, final String settingName)
        throws InvalidSettingsException {
        final Path folder = resolveFolder(value, settingName);
        final String problem = ClipOutputStore.folderProblem(folder);
        if (problem != null) {
            throw new InvalidSettingsException("Setting '" + settingName + "': the folder '" + folder
                + "' cannot be used: " + problem + ". Choose a folder you can write to.");
        }
        return folder;
    }

    /**
     * Resolves an output folder, creates it and proves that a file can be written into it: call it before the
     * first clip, so that an unusable folder fails the node once, naming the setting, instead of every clip.
     */
    public static Path prepareOutputFolder(final String value, final String settingName)
        throws InvalidSettingsException {
        final Path folder = resolveOutputFolder(value, settingName);
        try {
            new ClipOutputStore(folder, "out", Map.of(), Overwrite.NEVER).prepareFolder();
        } catch (IOException e) {
            throw new InvalidSettingsException("Setting '" + settingName + "': " + e.getMessage(), e);
        }
        return folder;
    }

    /**
     * Like {@link #resolveFolder}, for a file setting.
     *
     * @param value the setting's value
     * @param settingName the setting's name, for messages
     * @return the absolute, normalised path of the file
     * @throws InvalidSettingsException when the value is empty or not a path, or relative while the workflow
     *             folder is unknown
     */
    public static Path resolveFile(final String value, final String settingName) throws InvalidSettingsException {
        return resolve(value, settingName, "file");
    }

    private static Path resolve(final String value, final String settingName, final String what)
        throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException("Setting '" + settingName + "' is empty: give a " + what + ".");
        }
        final Path p;
        try {
            p = Paths.get(value.trim());
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("Setting '" + settingName + "' is not a valid path: " + value, e);
        }
        if (p.isAbsolute()) {
            return p.normalize();
        }
        final Path workflow = workflowFolder();
        if (workflow == null) {
            throw new InvalidSettingsException("Setting '" + settingName + "' is the relative path '" + value
                + "', but the workflow's folder is unknown here; give an absolute path.");
        }
        return workflow.resolve(p).normalize();
    }

    /** @return the local folder of the running workflow, or null when unknown */
    public static Path workflowFolder() {
        final NodeContext context = NodeContext.getContext();
        if (context == null) {
            return null;
        }
        final WorkflowManager wfm = context.getWorkflowManager();
        if (wfm == null) {
            return null;
        }
        final WorkflowContextV2 wc = wfm.getContextV2();
        return wc == null ? null : wc.getExecutorInfo().getLocalWorkflowPath();
    }
}
