package org.vavl.core.face;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * OpenCV's Haar cascades as shipped inside the OpenCV jar ({@code org/bytedeco/opencv/<platform>/share/
 * opencv4/haarcascades/}). {@code CascadeClassifier} reads files only, so each cascade is copied once per
 * JVM to a temporary file (deleted on exit).
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
            try (InputStream in = resource(res)) {
                if (in == null) {
                    continue;
                }
                final Path tmp = Files.createTempFile("vavl-" + name.replace(".xml", "") + "-", ".xml");
                tmp.toFile().deleteOnExit();
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                FILES.put(name, tmp);
                return tmp;
            }
        }
        throw new IOException("OpenCV's Haar cascade '" + name + "' is not on the class path: the OpenCV "
            + "natives jar for this platform (org.bytedeco:opencv with a platform classifier) is missing.");
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
