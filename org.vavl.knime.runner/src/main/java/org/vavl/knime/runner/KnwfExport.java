package org.vavl.knime.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips every workflow folder (a folder with {@code workflow.knime}) directly under a source folder into a
 * {@code <name>.knwf} file, in the shape of KNIME's export wizard: the zip holds the folder itself
 * ({@code <name>/workflow.knime}, ...). KNIME's "Import KNIME Workflow" and the batch executor's
 * {@code -workflowFile=} read it. Data a run leaves inside a workflow folder ({@code vavl-data/}) and
 * files starting with a dot are left out.
 *
 * <pre>java ... KnwfExport &lt;source folder&gt; &lt;target folder&gt;</pre>
 */
public final class KnwfExport {

    /** Folder name of the data the example workflows write next to themselves. */
    static final String DATA_FOLDER = "vavl-data";

    private KnwfExport() {
    }

    public static void main(final String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Usage: KnwfExport <source folder> <target folder>");
            System.exit(2);
        }
        for (Path p : export(Paths.get(args[0]), Paths.get(args[1]))) {
            System.out.println("wrote " + p);
        }
    }

    /** @return the .knwf files written, one per workflow folder, sorted by name */
    public static List<Path> export(final Path source, final Path target) throws IOException {
        Files.createDirectories(target);
        final List<Path> workflows = new ArrayList<>();
        try (Stream<Path> s = Files.list(source)) {
            s.filter(p -> Files.isRegularFile(p.resolve("workflow.knime"))).sorted().forEach(workflows::add);
        }
        final List<Path> written = new ArrayList<>();
        for (Path wf : workflows) {
            final String name = wf.getFileName().toString();
            final Path knwf = target.resolve(name + ".knwf");
            final Path tmp = Files.createTempFile(target, "." + name, ".knwf.tmp");
            try {
                try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                    final List<Path> files = new ArrayList<>();
                    try (Stream<Path> w = Files.walk(wf)) {
                        w.filter(Files::isRegularFile).filter(p -> included(wf.relativize(p))).sorted()
                            .forEach(files::add);
                    }
                    for (Path f : files) {
                        final String entry = name + "/" + wf.relativize(f).toString().replace('\\', '/');
                        zip.putNextEntry(new ZipEntry(entry));
                        Files.copy(f, zip);
                        zip.closeEntry();
                    }
                }
                Files.move(tmp, knwf, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            written.add(knwf);
        }
        return written;
    }

    private static boolean included(final Path relative) {
        for (Path part : relative) {
            final String s = part.toString();
            if (s.startsWith(".") || s.equals(DATA_FOLDER)) {
                return false;
            }
        }
        return true;
    }
}
