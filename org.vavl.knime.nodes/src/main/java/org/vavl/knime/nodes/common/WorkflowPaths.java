package org.vavl.knime.nodes.common;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.workflow.NodeContext;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.knime.core.util.FileUtil;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.core.util.Overwrite;

/**
 * The one place where the nodes turn what a user typed into a file or folder setting, or what a path cell holds, into
 * a local path. Accepted, as in KNIME's own file settings:
 * <ul>
 * <li>{@code knime://knime.workflow/...} (relative to the executing workflow's folder),
 * {@code knime://knime.mountpoint/...} and {@code knime://knime.space/...} (relative to the root of its mount point),
 * {@code knime://<mount ID>/...} such as {@code knime://LOCAL/...}: resolved by KNIME itself
 * ({@link FileUtil#toURL(String)}, {@link FileUtil#resolveToPath(URL)}), so against the workflow that executes the
 * node, wherever it runs;</li>
 * <li>{@code file:} URLs;</li>
 * <li>absolute paths, and paths relative to the workflow folder (through KNIME's workflow context,
 * {@code NodeContext -> WorkflowManager -> WorkflowContextV2 -> ExecutorInfo.getLocalWorkflowPath()}).</li>
 * </ul>
 * A URL that KNIME cannot resolve to a local file (an unknown mount point, a remote location, a {@code knime://}
 * URL with no executing workflow) is refused with KNIME's reason and what to type instead.
 */
public final class WorkflowPaths {

    /** A URL scheme of two letters or more (one letter is a Windows drive, {@code C:\...}). */
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    private WorkflowPaths() {
    }

    /**
     * @param value the setting's value
     * @param settingName the setting's name, for messages
     * @return the absolute, normalised path
     * @throws InvalidSettingsException when the value is empty, not a path or a URL of a local file, or relative
     *             while no workflow executes
     */
    public static Path resolveFolder(final String value, final String settingName) throws InvalidSettingsException {
        return resolveSetting(value, settingName, "folder");
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
     * @throws InvalidSettingsException when the value is empty, not a path or a URL of a local file, or relative
     *             while no workflow executes
     */
    public static Path resolveFile(final String value, final String settingName) throws InvalidSettingsException {
        return resolveSetting(value, settingName, "file");
    }

    /**
     * A path cell's value as a local path: like a setting, except that a relative path with no executing workflow
     * is taken relative to the current directory.
     *
     * @param value the cell's text
     * @return the absolute, normalised path
     * @throws IllegalArgumentException with the reason (to be prefixed with the row and column) when the text is
     *             empty, not a path, or a URL that names no local file
     */
    public static Path resolveCell(final String value) {
        final String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        try {
            return toPath(v, true, "file");
        } catch (Problem e) {
            throw new IllegalArgumentException(e.getMessage(), e.getCause());
        }
    }

    private static Path resolveSetting(final String value, final String settingName, final String what)
        throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException("Setting '" + settingName + "' is empty: give a " + what + ".");
        }
        try {
            return toPath(value.trim(), false, what);
        } catch (Problem e) {
            throw new InvalidSettingsException("Setting '" + settingName + "' is '" + value.trim() + "': "
                + e.getMessage(), e.getCause());
        }
    }

    /** Why a value is no local path; the message says what to do. */
    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    private static Path toPath(final String v, final boolean relativeToCurrentDirectory, final String what)
        throws Problem {
        if (URL_SCHEME.matcher(v).find()) {
            final String scheme = v.substring(0, v.indexOf(':')).toLowerCase(Locale.ROOT);
            if (!scheme.equals("knime") && !scheme.equals("file")) {
                throw new Problem("only local files can be used: give a path, a file: URL or a knime:// URL.", null);
            }
            final Path p;
            try {
                p = FileUtil.resolveToPath(FileUtil.toURL(v));
            } catch (IOException | URISyntaxException | IllegalArgumentException e) {
                throw new Problem(reason(e) + ". " + whatToType(what), e);
            }
            if (p == null) {
                throw new Problem("KNIME resolves it to a location that is not a local " + what + ". " + whatToType(what),
                    null);
            }
            return p.toAbsolutePath().normalize();
        }
        final Path p;
        try {
            p = Paths.get(v);
        } catch (InvalidPathException e) {
            throw new Problem("not a valid path (" + e.getReason() + "). " + whatToType(what), e);
        }
        if (p.isAbsolute()) {
            return p.normalize();
        }
        final Path workflow = workflowFolder();
        if (workflow == null) {
            if (relativeToCurrentDirectory) {
                return p.toAbsolutePath().normalize();
            }
            throw new Problem("a relative path, but no workflow executes here to be relative to: give an absolute path.",
                null);
        }
        return workflow.resolve(p).normalize();
    }

    private static String reason(final Exception e) {
        if (e instanceof MalformedURLException || e instanceof URISyntaxException) {
            return "not a valid URL (" + e.getMessage() + ")";
        }
        final String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceFirst("[.\\s]+$", "");
    }

    private static String whatToType(final String what) {
        return "Give the " + what + " as knime://knime.workflow/... (in or next to this workflow), "
            + "knime://knime.mountpoint/... (in its mount point), knime://<mount ID>/..., a file: URL or a path.";
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
