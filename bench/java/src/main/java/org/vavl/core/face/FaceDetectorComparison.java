package org.vavl.core.face;

import static org.vavl.core.face.FaceAlignerSettings.ALIGNMENT;
import static org.vavl.core.face.FaceAlignerSettings.DETECTOR;
import static org.vavl.core.face.FaceAlignerSettings.TRACKING;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.lang.management.ManagementFactory;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.Overwrite;

/**
 * Compares the aligner's detectors (Haar cascade, tiny face detector) and alignments (eye cascade, 68-point
 * landmarks) on real faces (not a test; {@code bench/face-detectors.sh} runs it):
 *
 * <ul>
 * <li><b>Rolled photos</b>: each photo turned about its face by -30..30 degrees (step 5) and shrunk by 0.6..1.0, the
 * detector on every frame; for the astronaut portrait (the demo's face, eye centres measured on the image) the
 * eye-line error against the true roll and the face centre's offset from the true one (share of the crop side); for
 * other photos, whose eyes are not measured, the spread of (found roll - applied roll) over the frames, which a
 * constant bias does not change.</li>
 * <li><b>Videos</b> (real footage from Debian's {@code opencv-doc}): frames with a face, frames with landmarks and
 * their confidence, frames per CPU second of the whole aligner (decode, align, write), default tracking.</li>
 * </ul>
 * Usage: {@code FaceDetectorComparison OUT.md WORKDIR PHOTO... -- VIDEO...}; prints the table too.
 */
public final class FaceDetectorComparison {

    private FaceDetectorComparison() {
    }

    private static final String[][] CONFIGS = {{"haar", "eyes"}, {"haar", "landmarks"}, {"tiny", "eyes"},
        {"tiny", "landmarks"}};

    public static void main(final String[] args) throws Exception {
        final Path out = Path.of(args[0]);
        final Path work = Path.of(args[1]);
        final List<Path> photos = new ArrayList<>();
        final List<Path> videos = new ArrayList<>();
        boolean vid = false;
        for (int i = 2; i < args.length; i++) {
            if ("--".equals(args[i])) {
                vid = true;
            } else if (Files.isRegularFile(Path.of(args[i]))) {
                (vid ? videos : photos).add(Path.of(args[i]));
            }
        }
        final StringBuilder md = new StringBuilder();
        md.append("## Rolled photos (detector on every frame; 13 rolls from -30 to 30 degrees x 3 scales)\n\n");
        md.append("| photo | detector + alignment | frames aligned | eyes found | mean eye-line error (deg) | worst (deg) "
            + "| mean centre offset | worst | ms per frame (CPU) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Path p : photos) {
            for (String[] c : CONFIGS) {
                md.append(photo(p, c[0], c[1])).append('\n');
            }
        }
        md.append("\n## Videos (default tracking; whole aligner: decode, align, write)\n\n");
        md.append("| video | detector + alignment | frames | with face | with landmarks | mean landmark confidence "
            + "| mean detection confidence | eyes not found | frames/s (per CPU s) |\n"
            + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Path v : videos) {
            for (String[] c : CONFIGS) {
                md.append(video(v, c[0], c[1], work)).append('\n');
            }
        }
        Files.writeString(out, md);
        System.out.print(md);
    }

    private static FaceAlignerSettings settings(final String detector, final String alignment, final boolean tracking) {
        return FaceAlignerSettings.builder().set(DETECTOR, FaceDetectorKind.fromSetting(detector))
            .set(ALIGNMENT, FaceAlignment.fromSetting(alignment)).set(TRACKING, tracking).build();
    }

    private static String photo(final Path file, final String detector, final String alignment) throws Exception {
        final Mat img = opencv_imgcodecs.imread(file.toString());
        final boolean astronaut = file.getFileName().toString().startsWith("astronaut");
        final FaceAlignerSettings s = settings(detector, alignment, false);
        // the face to turn about: the astronaut's measured box; for other photos the Haar / tiny face found upright
        double[] centre = astronaut ? AstronautClip.FACE_CENTRE.clone() : null;
        final double trueAngle = Math.atan2(AstronautClip.EYES[3] - AstronautClip.EYES[1],
            AstronautClip.EYES[2] - AstronautClip.EYES[0]);
        int frames = 0;
        int aligned = 0;
        int eyes = 0;
        double sumErr = 0;
        double worstErr = 0;
        double sumOff = 0;
        double worstOff = 0;
        final List<Double> rel = new ArrayList<>();
        long cpu = 0;
        try (FaceModels models = newModels(s); LandmarkFitter lm = s.alignment() == FaceAlignment.LANDMARKS
            ? new LandmarkFitter() : null) {
            if (centre == null) {
                try (FrameAligner a = new FrameAligner(models, s, lm)) {
                    final FrameAligner.Result r = a.process(img);
                    if (!r.face) {
                        return String.format(Locale.ROOT, "| %s | %s + %s | no face upright | | | | | | |",
                            file.getFileName(), detector, alignment);
                    }
                    centre = new double[] {r.pose.cx, r.pose.cy};
                }
            }
            final Mat frame = new Mat();
            final Mat m = new Mat(2, 3, opencv_core.CV_64F);
            for (double scale : new double[] {1.0, 0.8, 0.6}) {
                for (int deg = -30; deg <= 30; deg += 5) {
                    final double a = Math.toRadians(deg);
                    // turn and shrink about the face centre, which stays where it is
                    final DoubleBuffer b = m.createBuffer();
                    final double cx = centre[0];
                    final double cy = centre[1];
                    b.put(0, scale * Math.cos(a));
                    b.put(1, -scale * Math.sin(a));
                    b.put(2, cx - scale * (Math.cos(a) * cx - Math.sin(a) * cy));
                    b.put(3, scale * Math.sin(a));
                    b.put(4, scale * Math.cos(a));
                    b.put(5, cy - scale * (Math.sin(a) * cx + Math.cos(a) * cy));
                    warpAffine(img, frame, m, new Size(img.cols(), img.rows()), INTER_LINEAR, BORDER_REPLICATE,
                        new Scalar());
                    frames++;
                    final long t0 = threadCpu();
                    final FrameAligner.Result r;
                    try (FrameAligner al = new FrameAligner(models, s, lm)) {
                        r = al.process(frame);
                    }
                    cpu += threadCpu() - t0;
                    if (!r.face) {
                        continue;
                    }
                    aligned++;
                    eyes += r.eyes ? 1 : 0;
                    final double found = Math.toDegrees(r.pose.angle);
                    if (astronaut) {
                        final double err = Math.abs(norm(found - Math.toDegrees(trueAngle) - deg));
                        sumErr += err;
                        worstErr = Math.max(worstErr, err);
                        final double off = Math.hypot(r.pose.cx - cx, r.pose.cy - cy)
                            / (AstronautClip.FACE_SIDE * scale * s.cropScale());
                        sumOff += off;
                        worstOff = Math.max(worstOff, off);
                    } else {
                        rel.add(norm(found - deg));
                    }
                }
            }
        }
        if (astronaut) {
            return String.format(Locale.ROOT, "| %s | %s + %s | %d / %d | %d | %.2f | %.2f | %.3f | %.3f | %.1f |",
                file.getFileName(), detector, alignment, aligned, frames, eyes, sumErr / Math.max(1, aligned), worstErr,
                sumOff / Math.max(1, aligned), worstOff, cpu / 1e6 / frames);
        }
        // no measured eyes: the spread of the found roll minus the applied one (its median as the photo's own roll)
        final List<Double> sorted = new ArrayList<>(rel);
        sorted.sort(null);
        final double median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        double sum = 0;
        double worst = 0;
        for (double v : rel) {
            sum += Math.abs(v - median);
            worst = Math.max(worst, Math.abs(v - median));
        }
        return String.format(Locale.ROOT, "| %s | %s + %s | %d / %d | %d | %.2f (about the median) | %.2f | - | - | %.1f |",
            file.getFileName(), detector, alignment, aligned, frames, eyes, sum / Math.max(1, rel.size()), worst,
            cpu / 1e6 / frames);
    }

    private static String video(final Path file, final String detector, final String alignment, final Path work)
        throws Exception {
        final FaceAlignerSettings s = settings(detector, alignment, true);
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        final FaceTrackResult r;
        final long c0;
        final double cpu;
        try (FaceTrackExtractor x = new FaceTrackExtractor(s, work.resolve(detector + "-" + alignment),
            Overwrite.ALWAYS)) {
            c0 = os.getProcessCpuTime();
            r = x.extract(file.getFileName().toString().replaceFirst("\\.[^.]+$", ""), file, new CancelToken());
            cpu = (os.getProcessCpuTime() - c0) / 1e9;
        }
        return String.format(Locale.ROOT, "| %s | %s + %s | %d | %d (%.0f %%) | %d (%.0f %%) | %s | %s | %d | %.0f |",
            file.getFileName(), detector, alignment, r.framesProcessed(), r.framesWithFace(), 100 * r.faceRatio(),
            r.landmarkFrames(), 100 * r.landmarkRatio(), Double.isNaN(r.meanLandmarkConfidence()) ? "-"
                : String.format(Locale.ROOT, "%.2f", r.meanLandmarkConfidence()),
            Double.isNaN(r.meanDetectionConfidence()) ? "-"
                : String.format(Locale.ROOT, "%.2f", r.meanDetectionConfidence()), r.eyesNotFound(),
            r.framesRead() / cpu);
    }

    private static FaceModels newModels(final FaceAlignerSettings s) throws Exception {
        return s.detector() == FaceDetectorKind.TINY ? new TinyFaceModels()
            : new HaarFaceModels(s.alignment() == FaceAlignment.LANDMARKS);
    }

    private static double norm(final double deg) {
        return Math.toDegrees(Math.atan2(Math.sin(Math.toRadians(deg)), Math.cos(Math.toRadians(deg))));
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
