package org.knime.core.util;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * File and URL utilities (test-kit subset: turning what a user typed into a URL, and a URL into a local path).
 * {@code knime:} URLs are resolved against the executing workflow and its mount point as KNIME does (see the test
 * kit's {@code KnimeUrls}).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/util/FileUtil.java
 */
public final class FileUtil {

    private FileUtil() {
    }

    /**
     * Tries to convert the given path into a URL. Either the path is already a valid URL or it denotes a local file
     * and is then converted into a file URL (relative paths against the current directory, as in KNIME).
     *
     * @param path any path
     * @return a URL
     * @throws MalformedURLException if the path is neither a URL nor a proper filesystem path
     * @throws InvalidPathException if the parameter looks like a file system path but is invalid
     */
    public static URL toURL(final String path) throws MalformedURLException, InvalidPathException {
        if (path.isEmpty()) {
            throw new InvalidPathException("", "Empty path");
        }
        try {
            return new URL(path.replace(" ", "%20")); // replacement of spaces is a fallback only
        } catch (MalformedURLException ex) {
            return Paths.get(path).toAbsolutePath().toUri().toURL();
        }
    }

    /**
     * Tries to resolve the given URL into a local path: {@code file:} URLs and {@code knime:} URLs that name local
     * files. If the URL does not denote a local path, {@code null} is returned.
     *
     * @param url any URL
     * @return the path or {@code null}
     * @throws IOException if an I/O error occurs while resolving the URL (for a {@code knime:} URL: an unknown mount
     *             point, no workflow context, leaving the mount point)
     * @throws URISyntaxException if the passed URL does not conform with RFC2396 for URIs
     */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        final URL resolved = url.openConnection().getURL();
        if (!"file".equalsIgnoreCase(resolved.getProtocol())) {
            return null;
        }
        if (resolved.getPath().contains(" ")) {
            // fix a non-encoded URL path, as KNIME does
            return Paths.get(new URL(resolved.toString().replace(" ", "%20")).toURI());
        }
        return Paths.get(resolved.toURI());
    }
}
