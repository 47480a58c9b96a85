package org.vavl.knime.testkit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.spi.URLStreamHandlerProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The test kit's resolution of {@code knime:} URLs to local files, as KNIME Analytics Platform resolves them for a
 * workflow in its local workspace (knime-core {@code org.knime.core.util.urlresolve.AnalyticsPlatformLocalUrlResolver}
 * and {@code KnimeUrlType}, read for facts): against the workflow of the current {@code NodeContext} and the mount
 * point it lies in. The runner and {@code NodeTester} put a workflow in the mount point {@code LOCAL} whose root is
 * the folder above the workflow folder (or a root the test names).
 * <ul>
 * <li>{@code knime://knime.workflow/<path>}: relative to the workflow folder; it may leave the workflow
 * ({@code ../}) but not the mount point;</li>
 * <li>{@code knime://knime.mountpoint/<path>} and {@code knime://knime.space/<path>}: relative to the mount point's
 * root, not leaving it;</li>
 * <li>{@code knime://LOCAL/<path>}: absolute in the mount point {@code LOCAL}; any other mount ID is unknown here;</li>
 * <li>{@code knime://knime.node/...} is not supported by the kit.</li>
 * </ul>
 * The path is percent-decoded. The messages follow KNIME's where KNIME has one.
 */
public final class KnimeUrls {

    private KnimeUrls() {
    }

    /** Makes {@code new URL("knime://...")} work wherever the test kit is on the class path, as in KNIME. */
    public static final class Provider extends URLStreamHandlerProvider {
        @Override
        public URLStreamHandler createURLStreamHandler(final String protocol) {
            return "knime".equalsIgnoreCase(protocol) ? HANDLER : null;
        }
    }

    /** Opens the local file a {@code knime:} URL resolves to; the connection's URL is that file's URL. */
    public static final URLStreamHandler HANDLER = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(final URL u) throws IOException {
            return resolve(u).toUri().toURL().openConnection();
        }
    };

    /**
     * @param url a {@code knime:} URL
     * @return the local file it names, absolute and normalised
     * @throws IOException with KNIME's reason when it cannot be resolved here
     */
    public static Path resolve(final URL url) throws IOException {
        final URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("Not a valid KNIME URL: '" + url + "' (" + e.getMessage() + ")", e);
        }
        final String authority = uri.getAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IOException("KNIME URLs must contain an Authority, found '" + url + "'");
        }
        final String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/+", "");
        final KitAccess.WorkflowLocation wf = KitAccess.workflow().currentWorkflow();
        final String host = authority.toLowerCase(Locale.ROOT);
        try {
            switch (host) {
                case "knime.workflow": {
                    if (wf == null) {
                        throw new IOException("No context for relative URL available: '" + url
                            + "' is relative to the executing workflow, and no workflow executes here");
                    }
                    final Path resolved = wf.workflowFolder().resolve(path).normalize();
                    if (!resolved.startsWith(wf.mountpointRoot())) {
                        throw new IOException("Leaving the mount point is not allowed for workflow relative URLs: "
                            + resolved + " is not in " + wf.mountpointRoot());
                    }
                    return resolved;
                }
                case "knime.mountpoint":
                case "knime.space":
                    if (wf == null) {
                        throw new IOException("No context for relative URL available: '" + url
                            + "' is relative to the mount point of the executing workflow, and no workflow executes "
                            + "here");
                    }
                    return inMountpoint(wf, path);
                case "knime.node":
                    throw new IOException("Node relative URLs (" + url + ") are not supported by the test kit");
                default:
                    if (wf == null || !wf.mountId().equalsIgnoreCase(authority)) {
                        throw new IOException("Unknown mount point '" + authority + "' in '" + url
                            + "'; the mount points here are: " + (wf == null ? "none (no workflow executes here)"
                                : wf.mountId()));
                    }
                    return inMountpoint(wf, path);
            }
        } catch (InvalidPathException e) {
            throw new IOException("Not a valid path in '" + url + "': " + e.getMessage(), e);
        }
    }

    private static Path inMountpoint(final KitAccess.WorkflowLocation wf, final String path) throws IOException {
        final Path resolved = wf.mountpointRoot().resolve(path).normalize();
        if (!resolved.startsWith(wf.mountpointRoot())) {
            throw new IOException("Leaving the mount point is not allowed for relative URLs: " + resolved
                + " is not in " + wf.mountpointRoot());
        }
        return resolved;
    }
}
