package org.vavl.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one check of a clip's input file before FFmpeg opens it (Video Reader's probe, Audio Extractor, Face Aligner):
 * a missing path, a name this JVM cannot represent, a file that does not exist, a folder, an unreadable or empty
 * file each give a {@link ClipException} that names the clip and the file and says what to do, instead of FFmpeg's
 * own words.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * @param clipId the clip, named in the message
     * @param file the clip's input file; null gives "has no path"
     * @param what what the file is, in the message: "video file", "media file"
     * @throws ClipException when the file cannot be used
     */
    public static void check(final String clipId, final Path file, final String what) throws ClipException {
        if (file == null) {
            throw new ClipException(clipId, "Clip '" + clipId + "' has no " + what + " path: fill the path column.");
        }
        // before anything else: Java may open such a file (it keeps the name's bytes), FFmpeg gets a mangled name
        final String encoding = FileNames.encodingProblem(file);
        if (encoding != null) {
            throw fail(clipId, file, what, "cannot be opened: " + encoding, null);
        }
        if (!Files.exists(file)) {
            throw fail(clipId, file, what, "does not exist: check the path (was the file moved or renamed, is the disk"
                + " holding it mounted?)", null);
        }
        if (Files.isDirectory(file)) {
            throw fail(clipId, file, what, "is a folder, not a file", null);
        }
        if (!Files.isRegularFile(file)) {
            throw fail(clipId, file, what, "is not a regular file", null);
        }
        if (!Files.isReadable(file)) {
            throw fail(clipId, file, what, "cannot be read: check the file's permissions", null);
        }
        final long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw fail(clipId, file, what, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (size == 0) {
            throw fail(clipId, file, what, "is empty (0 bytes): the copy or download of this clip did not complete;"
                + " copy it again or remove it", null);
        }
    }

    private static ClipException fail(final String clipId, final Path file, final String what, final String problem,
        final Throwable cause) {
        return new ClipException(clipId, "Clip '" + clipId + "': the " + what + " '" + file + "' " + problem + ".",
            cause);
    }
}
