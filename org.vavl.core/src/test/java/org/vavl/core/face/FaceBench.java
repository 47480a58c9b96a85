package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.vavl.core.media.ClipRecorder;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.Overwrite;

/**
 * The face benchmark's worker (run by {@code bench/face.sh}, one JVM per measurement; not a test).
 *
 * <pre>
 * generate OUT.mp4 WIDTH HEIGHT SECONDS     a clip of astronaut.png moving, rolling and zooming, 30 fps
 * decode CLIP...                           decode-only: every frame to BGR, one thread
 * align OUTDIR CLIP...                     the face aligner with default settings, one thread
 * </pre>
 *
 * Each measurement prints one line {@code RESULT key=value ...}: frames, wall seconds, process CPU seconds,
 * and the peak resident memory of this JVM (VmHWM from /proc/self/status).
 */
public final class FaceBench {

    private FaceBench() {
    }

    public static void main(final String[] args) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        switch (args[0]) {
            case "generate":
                generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]));
                break;
            case "decode":
                decode(paths(args, 1));
                break;
            case "align":
                align(Path.of(args[1]), paths(args, 2));
                break;
            default:
                throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static List<Path> paths(final String[] args, final int from) {
        final List<Path> l = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            l.add(Path.of(args[i]));
        }
        return l;
    }

    /**
     * Renders 120 distinct frames (4 s of movement: roll -15..15 degrees, zoom, drift) once and repeats
     * them for the clip's length, so long clips are quick to make; H.264 (OpenH264) in MP4.
     */
    private static void generate(final Path out, final int w, final int h, final double seconds) throws Exception {
        final int fps = 30;
        final long frames = Math.round(seconds * fps);
        final int cycle = 120;
        final Mat portrait = opencv_imgcodecs.imread(AstronautClip.astronautPng().toString());
        final byte[][] rendered = new byte[(int)Math.min(cycle, frames)][];
        final Mat frame = new Mat(h, w, opencv_core.CV_8UC3);
        final Mat m = new Mat(2, 3, opencv_core.CV_64F);
        // the face fills about a third of the frame height, as in CREMA-D's 480x360 videos
        final double base = h / 3.0 / AstronautClip.FACE_SIDE;
        for (int i = 0; i < rendered.length; i++) {
            final double a = Math.toRadians(15 * Math.sin(2 * Math.PI * i / cycle));
            final double s = base * (1 + 0.1 * Math.sin(2 * Math.PI * i / (cycle / 2.0)));
            final double cx = w / 2.0 + 0.08 * w * Math.sin(2 * Math.PI * i / (cycle / 3.0));
            final double cy = h / 2.0 + 0.05 * h * Math.cos(2 * Math.PI * i / (cycle / 2.0));
            final double ox = 0.5 - AstronautClip.FACE_CENTRE[0];
            final double oy = 0.5 - AstronautClip.FACE_CENTRE[1];
            final DoubleBuffer b = m.createBuffer();
            b.put(0, s * Math.cos(a));
            b.put(1, -s * Math.sin(a));
            b.put(2, cx + s * (Math.cos(a) * ox - Math.sin(a) * oy) - 0.5);
            b.put(3, s * Math.sin(a));
            b.put(4, s * Math.cos(a));
            b.put(5, cy + s * (Math.sin(a) * ox + Math.cos(a) * oy) - 0.5);
            warpAffine(portrait, frame, m, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
            rendered[i] = new byte[w * h * 3];
            ((ByteBuffer)frame.createBuffer()).get(rendered[i]);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (ClipRecorder rec = ClipRecorder.builder(out, w, h).format(ClipRecorder.Format.MP4_H264_AAC)
            .frameRate(fps).noAudio().start()) {
            for (long i = 0; i < frames; i++) {
                rec.addFrameBgr(rendered[(int)(i % rendered.length)]);
            }
            rec.finish();
        }
        System.out.printf(Locale.ROOT, "generated %s: %dx%d, %d frames%n", out, w, h, frames);
    }

    private static void decode(final List<Path> clips) throws Exception {
        decodeFrames(clips.subList(0, 1), new OpenCVFrameConverter.ToMat());
        final OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
        final long t0 = System.nanoTime();
        final long c0 = cpuNanos();
        final long[] r = decodeFrames(clips, conv);
        report("decode", r[0], r[0], t0, c0, "checksum=" + r[1]);
    }

    /** Warm-up (natives loaded, code compiled) happens on the first clip before any timing, in both modes. */
    private static long[] decodeFrames(final List<Path> clips, final OpenCVFrameConverter.ToMat conv)
        throws Exception {
        long frames = 0;
        long checksum = 0;
        for (Path p : clips) {
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(p.toFile())) {
                g.setVideoOption("threads", "1");
                g.start();
                Frame f;
                while ((f = g.grabImage()) != null) {
                    final Mat bgr = conv.convert(f);
                    checksum += bgr.cols();
                    frames++;
                }
            }
        }
        return new long[]{frames, checksum};
    }

    private static void align(final Path outDir, final List<Path> clips) throws Exception {
        if (clips.size() > 1) {
            try (FaceTrackExtractor w = new FaceTrackExtractor(FaceAlignerSettings.builder().build(),
                outDir.resolve("warm-up"), Overwrite.ALWAYS)) {
                w.extract("warm-up", clips.get(0), new CancelToken());
            }
        }
        final long t0 = System.nanoTime();
        final long c0 = cpuNanos();
        long frames = 0;
        long withFace = 0;
        long detectorRuns = 0;
        long eyesNotFound = 0;
        try (FaceTrackExtractor x = new FaceTrackExtractor(FaceAlignerSettings.builder().build(), outDir,
            Overwrite.ALWAYS)) {
            for (Path p : clips) {
                final String id = p.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                final FaceTrackResult r = x.extract(id, p, new CancelToken());
                frames += r.framesRead();
                withFace += r.framesWithFace();
                detectorRuns += r.detectorRuns();
                eyesNotFound += r.eyesNotFound();
                System.out.println("  " + r);
            }
        }
        report("align", frames, withFace, t0, c0,
            "detector_runs=" + detectorRuns + " eyes_not_found=" + eyesNotFound);
    }

    private static long cpuNanos() {
        final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean)os).getProcessCpuTime();
        }
        return 0;
    }

    private static void report(final String what, final long frames, final long withFace, final long t0,
        final long c0, final String extra) throws Exception {
        final double wall = (System.nanoTime() - t0) / 1e9;
        final double cpu = (cpuNanos() - c0) / 1e9;
        System.out.printf(Locale.ROOT,
            "RESULT what=%s frames=%d with_face=%d wall_s=%.3f cpu_s=%.3f fps_wall=%.1f fps_cpu=%.1f vmhwm_kb=%d %s%n",
            what, frames, withFace, wall, cpu, frames / wall, frames / cpu, vmHwmKb(), extra);
    }

    /** @return peak resident set size of this process in kB (VmHWM), -1 where /proc is missing */
    static long vmHwmKb() throws Exception {
        final Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
