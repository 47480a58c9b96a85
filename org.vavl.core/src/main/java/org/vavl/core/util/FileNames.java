package org.vavl.core.util;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * File names the JVM cannot represent. Java reads and writes file names in the encoding of the locale it was started
 * with ({@code sun.jnu.encoding}); under {@code LANG=C} that is ASCII, so a clip named {@code café.mp4} is listed as
 * {@code caf\uFFFD.mp4} and cannot be opened. The file then "does not exist" or looks damaged; this says why.
 */
public final class FileNames {

    private FileNames() {
    }

    /** @return why the JVM cannot open a file of this name, or null when it can */
    public static String encodingProblem(final Path file) {
        return file == null ? null : encodingProblem(file.toString(), fileNameCharset());
    }

    static String encodingProblem(final String name, final Charset fileNames) {
        if (name.indexOf('\uFFFD') < 0 && fileNames.newEncoder().canEncode(name)) {
            return null;
        }
        return "its name has characters that this Java's file-name encoding (" + fileNames.name() + ") cannot"
            + " represent, so the file cannot be opened: start KNIME (or ./vavl) in a UTF-8 locale (for example with"
            + " the environment variable LC_ALL=C.UTF-8) or rename the file";
    }

    /** @return the encoding this JVM uses for file names */
    static Charset fileNameCharset() {
        final String e = System.getProperty("sun.jnu.encoding");
        try {
            return e == null ? Charset.defaultCharset() : Charset.forName(e);
        } catch (IllegalArgumentException x) {
            return Charset.defaultCharset();
        }
    }
}
