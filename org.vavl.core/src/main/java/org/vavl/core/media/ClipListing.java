package org.vavl.core.media;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.vavl.core.settings.Setting;

/**
 * Lists the clip files of a folder: file name patterns (globs with {@code *} and {@code ?}, matched
 * case-insensitively against the file name), optionally through sub-folders, sorted by path so that the
 * order is the same on every machine. Hidden files (name starting with a dot, such as macOS's
 * {@code ._clip.mp4} or unfinished {@code .part} files) are never listed.
 */
public final class ClipListing {

    /** The default file pattern list: the usual video containers. */
    public static final String DEFAULT_PATTERNS = "*.flv, *.mp4, *.avi, *.mkv, *.mov";

    /** Whether {@link #list} includes sub-folders (default off). */
    public static final Setting<Boolean> RECURSIVE = Setting.flag("recursive", false).withKey("include sub-folders")
        .withLabel("Include sub-folders");

    /** The file name patterns {@link #list} matches (default {@link #DEFAULT_PATTERNS}). */
    public static final Setting<String> PATTERNS = Setting.text("patterns", DEFAULT_PATTERNS).withKey("file pattern")
        .withLabel("File pattern (comma separated, case-insensitive)");

    private ClipListing() {
    }

    /**
     * @param folder the folder to list
     * @param recursive whether to include sub-folders (any depth; symbolic links are followed)
     * @param patterns comma- or semicolon-separated globs, e.g. {@code *.flv, *.mp4}; blank means
     *        {@link #DEFAULT_PATTERNS}
     * @return the matching files, sorted by path (never empty)
     * @throws IOException naming the folder when it does not exist, is not a folder, cannot be read, or
     *         nothing in it matches
     */
    public static List<Path> list(final Path folder, final boolean recursive, final String patterns)
        throws IOException {
        final Path abs = folder.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new IOException("The clip folder " + abs + " does not exist: choose an existing folder of videos.");
        }
        if (!Files.isDirectory(abs)) {
            throw new IOException("The clip folder " + abs + " is a file, not a folder: choose the folder that holds "
                + "the videos.");
        }
        final Pattern matcher = compile(patterns);
        final List<Path> found = new ArrayList<>();
        try (Stream<Path> s = recursive
            ? Files.walk(abs, Integer.MAX_VALUE, EnumSet.of(FileVisitOption.FOLLOW_LINKS).toArray(new FileVisitOption[0]))
            : Files.list(abs)) {
            s.filter(p -> {
                final String name = p.getFileName().toString();
                return !name.startsWith(".") && matcher.matcher(name).matches() && Files.isRegularFile(p);
            }).forEach(found::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IOException("The clip folder " + abs + " cannot be read: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IOException("No clip in " + abs + (recursive ? " or its sub-folders" : "")
                + " matches the file pattern '" + normalise(patterns) + "': check the folder and the pattern"
                + (recursive ? "" : " (or include sub-folders)") + ".");
        }
        Collections.sort(found);
        return found;
    }

    /** @return the pattern list in its canonical form ("*.flv, *.mp4"), the default when blank */
    public static String normalise(final String patterns) {
        return String.join(", ", split(patterns));
    }

    private static List<String> split(final String patterns) {
        final String p = patterns == null || patterns.isBlank() ? DEFAULT_PATTERNS : patterns;
        final List<String> out = new ArrayList<>();
        for (String s : p.split("[,;]")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The file pattern '" + patterns + "' has no pattern: use e.g. "
                + DEFAULT_PATTERNS);
        }
        return out;
    }

    /** Compiles a pattern list to one case-insensitive regular expression; checks it. */
    public static Pattern compile(final String patterns) {
        final StringBuilder re = new StringBuilder();
        for (String glob : split(patterns)) {
            if (glob.contains("/") || glob.contains("\\")) {
                throw new IllegalArgumentException("The file pattern '" + glob + "' contains a folder separator: "
                    + "patterns match file names only; use the folder setting and 'include sub-folders'.");
            }
            if (re.length() > 0) {
                re.append('|');
            }
            re.append("(?:");
            for (char c : glob.toCharArray()) {
                if (c == '*') {
                    re.append(".*");
                } else if (c == '?') {
                    re.append('.');
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            re.append(')');
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /**
     * @return the clip ids that occur more than once among the files, each with its files (empty when all
     *         clip ids are unique); later nodes name their outputs by clip id, so such files would collide
     */
    public static Map<String, List<Path>> duplicateClipIds(final List<Path> files) {
        final Map<String, List<Path>> byId = new LinkedHashMap<>();
        for (Path p : files) {
            byId.computeIfAbsent(VideoProbe.clipId(p).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p);
        }
        return byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(e -> VideoProbe.clipId(e.getValue().get(0)), Map.Entry::getValue,
                (a, b) -> a, LinkedHashMap::new));
    }
}
