package org.vavl.core.face;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.vavl.core.util.AtomicFiles;

/**
 * OpenCV's Haar cascades as shipped inside the OpenCV jar ({@code org/bytedeco/opencv/<platform>/share/
 * opencv4/haarcascades/}). {@code CascadeClassifier} reads files only, so each cascade is copied to the
 * temporary folder once, under a name made from its content, and reused by every later run (see
 * {@link #shared}); nothing is left per run, killed runs included.
 */
final class HaarCascades {

    /** Frontal face cascade (Viola-Jones, OpenCV's default). */
    static final String FRONTAL_FACE = "haarcascade_frontalface_default.xml";

    /** Eye cascade. */
    static final String EYE = "haarcascade_eye.xml";

    private static final String[] PLATFORMS = {"linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64",
        "windows-x86_64"};

    private static final Map<String, Path> FILES = new HashMap<>();

    private HaarCascades() {
    }

    /** @return a loaded cascade (one per caller: {@code CascadeClassifier} is not safe for concurrent use) */
    static CascadeClassifier load(final String name) throws IOException {
        final Path file = file(name);
        final CascadeClassifier c = new CascadeClassifier(file.toString());
        if (c.empty()) {
            c.close();
            throw new IOException("OpenCV could not read its Haar cascade '" + name + "' (copied to " + file + ").");
        }
        return c;
    }

    /** @return the cascade's temporary file, copied from the OpenCV jar on first use */
    static synchronized Path file(final String name) throws IOException {
        final Path known = FILES.get(name);
        if (known != null && Files.isRegularFile(known)) {
            return known;
        }
        for (String platform : PLATFORMS) {
            final String res = "org/bytedeco/opencv/" + platform + "/share/opencv4/haarcascades/" + name;
            final byte[] bytes;
            try (InputStream in = resource(res)) {
                if (in == null) {
                    continue;
                }
                bytes = in.readAllBytes();
            }
            final Path file = shared(name, bytes);
            FILES.put(name, file);
            return file;
        }
        throw new IOException("OpenCV's Haar cascade '" + name + "' is not on the class path: the OpenCV "
            + "natives jar for this platform (org.bytedeco:opencv with a platform classifier) is missing.");
    }

    /**
     * The cascade in the temporary folder under a name made from its content
     * ({@code vavl-haarcascade_eye-<sha-256 prefix>.xml}): every run of every JVM reuses the same file, so
     * killed runs leave no copies behind. Written through a temporary name and renamed; an existing file is
     * used only when its content is the cascade's.
     */
    static Path shared(final String name, final byte[] bytes) throws IOException {
        final String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, 16);
        final Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        final Path file = dir.resolve("vavl-" + name.replace(".xml", "") + "-" + hash + ".xml");
        deleteOldCopies(dir, name);
        if (Files.isRegularFile(file) && Arrays.equals(bytes, Files.readAllBytes(file))) {
            return file;
        }
        try {
            return AtomicFiles.write(file, part -> Files.write(part, bytes));
        } catch (IOException e) {
            // another user's file of that name: keep a copy of our own for this JVM
            final Path own = Files.createTempFile(dir, "vavl-" + name.replace(".xml", "") + "-", ".xml");
            own.toFile().deleteOnExit();
            Files.write(own, bytes);
            return own;
        }
    }

    /** Removes copies that earlier versions made per JVM ({@code vavl-<cascade>-<random digits>.xml}) and left when killed. */
    private static void deleteOldCopies(final Path dir, final String name) {
        final String prefix = "vavl-" + name.replace(".xml", "") + "-";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*.xml")) {
            for (Path p : ds) {
                final String digits = p.getFileName().toString().substring(prefix.length()).replace(".xml", "");
                if (digits.matches("\\d+") && Files.getLastModifiedTime(p).toInstant()
                    .isBefore(Instant.now().minus(Duration.ofHours(1)))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not ours, or gone: leave it
        }
    }

    private static byte[] sha256(final byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(final String res) {
        InputStream in = HaarCascades.class.getClassLoader().getResourceAsStream(res);
        if (in == null) {
            // inside OSGi the natives jar may be visible through the OpenCV classes' loader only
            in = org.bytedeco.opencv.global.opencv_core.class.getClassLoader().getResourceAsStream(res);
        }
        return in;
    }
}
