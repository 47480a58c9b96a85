package org.vavl.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Files the tests make from what the repository holds. */
public final class TestFiles {

    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private TestFiles() {
    }

    /**
     * A class path resource as a file, for libraries that read only files (OpenCV's {@code imread}): copied once
     * per test JVM into the temporary folder and deleted when the JVM exits.
     *
     * @param anchor the class next to which the resource lies
     * @param name the resource's name relative to {@code anchor}'s package
     * @return the file
     */
    public static Path resource(final Class<?> anchor, final String name) {
        return COPIES.computeIfAbsent(anchor.getName() + "/" + name, k -> {
            try (InputStream in = anchor.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing next to " + anchor.getName());
                }
                final String suffix = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
                final Path p = Files.createTempFile("vavl-test-", suffix);
                p.toFile().deleteOnExit();
                Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
