package org.vavl.core.face;

import static org.vavl.core.face.FaceAlignerSettings.ALIGNMENT;
import static org.vavl.core.face.FaceAlignerSettings.DETECTOR;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
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
 * generate OUT.mp4 WIDTH HEIGHT SECONDS [VARIANT]  astronaut.png moving, rolling and zooming, 30 fps
 * decode CLIP...                           decode-only: every frame to BGR, one thread
 * align OUTDIR CLIP...                     the face aligner with default settings, one thread; where a
 *                                          clip has its geometry file, its crops are checked against it;
 *                                          -Dvavl.bench.detector=haar|yunet|tiny and
 *                                          -Dvavl.bench.alignment=eyes|landmarks choose other settings
 * profile OUTDIR CLIP...                   where the aligner's time goes (thread CPU ms per frame)
 * </pre>
 *
 * Each measurement prints one line {@code RESULT key=value ...}: frames, wall seconds, CPU seconds of the
 * process (all threads: the worker, the JIT compilers, the garbage collector) and of the worker thread, and the
 * peak resident memory of this JVM (VmHWM from /proc/self/status).
 */
public final class FaceBench {

    private FaceBench() {
    }

    public static void main(final String[] args) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        switch (args[0]) {
            case "generate":
                generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : 0);
                break;
            case "decode":
                decode(paths(args, 1));
                break;
            case "align":
                align(Path.of(args[1]), paths(args, 2));
                break;
            case "profile":
                profile(Path.of(args[1]), paths(args, 2));
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

    /** Frames of one movement cycle (4 s at 30 fps; a multiple of the recorder's 30-frame GOP). */
    private static final int CYCLE = 120;

    /**
     * Where the portrait lies in frame k of a generated clip: rolling -15..15 degrees, zooming +-10 %, drifting;
     * the face fills about a third of the frame height, as in CREMA-D's 480x360 videos. Written beside each
     * clip ({@code <clip>.geometry}), so that the aligner's results can be checked against it.
     */
    static final class Geometry {
        final int width;

        final int height;

        final int variant;

        Geometry(final int width, final int height, final int variant) {
            this.width = width;
            this.height = height;
            this.variant = variant;
        }

        private double phase(final long k) {
            return k % CYCLE + variant * 37;
        }

        double rollRad(final long k) {
            return Math.toRadians(15 * Math.sin(2 * Math.PI * phase(k) / CYCLE));
        }

        double scale(final long k) {
            return height / 3.0 / AstronautClip.FACE_SIDE * (1 + 0.1 * Math.sin(2 * Math.PI * phase(k) / (CYCLE / 2.0)));
        }

        /** Frame point (continuous coordinates) of portrait point (x, y) in frame k (0-based). */
        double[] toFrame(final long k, final double x, final double y) {
            final double i = phase(k);
            final double a = rollRad(k);
            final double s = scale(k);
            final double cx = width * (0.5 + 0.03 * (variant % 3 - 1)) + 0.08 * width * Math.sin(2 * Math.PI * i / (CYCLE / 3.0));
            final double cy = height / 2.0 + 0.05 * height * Math.cos(2 * Math.PI * i / (CYCLE / 2.0));
            final double dx = x - AstronautClip.FACE_CENTRE[0];
            final double dy = y - AstronautClip.FACE_CENTRE[1];
            return new double[]{cx + s * (Math.cos(a) * dx - Math.sin(a) * dy), cy + s * (Math.sin(a) * dx + Math.cos(a) * dy)};
        }

        /** The portrait-to-frame matrix of frame k in OpenCV's pixel-index convention. */
        void matrix(final long k, final Mat m) {
            final double a = rollRad(k);
            final double s = scale(k);
            final double[] o = toFrame(k, 0.5, 0.5);
            Similarity.putRotationScale(m, s * Math.cos(a), s * Math.sin(a), o[0] - 0.5, o[1] - 0.5);
        }

        static Path file(final Path clip) {
            return clip.resolveSibling(clip.getFileName() + ".geometry");
        }

        void save(final Path clip) throws Exception {
            Files.writeString(file(clip), width + " " + height + " " + variant + "\n");
        }

        static Geometry load(final Path clip) throws Exception {
            final Path f = file(clip);
            if (!Files.isRegularFile(f)) {
                return null;
            }
            final String[] v = Files.readString(f).trim().split(" ");
            return new Geometry(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]));
        }
    }

    /**
     * Writes a clip of the portrait moving, rolling and zooming ({@link Geometry}), 30 fps, H.264 (OpenH264) in
     * MP4. Only one movement cycle ({@link #CYCLE} frames, starting with a key frame) is rendered and encoded;
     * longer clips repeat its compressed packets with shifted time stamps (no re-encoding), so a 10-minute
     * 720p clip takes seconds to make. {@code variant} shifts the phase and the face's path, so clips differ.
     */
    private static void generate(final Path out, final int w, final int h, final double seconds, final int variant)
        throws Exception {
        final int fps = 30;
        final long frames = Math.round(seconds * fps);
        final long t0 = System.nanoTime();
        Files.createDirectories(out.toAbsolutePath().getParent());
        final Path cycle = out.resolveSibling("." + out.getFileName() + ".cycle.mp4");
        final int rendered = (int)Math.min(CYCLE, frames);
        final Geometry geo = new Geometry(w, h, variant);
        final Mat portrait = portrait();
        final Mat frame = new Mat(h, w, opencv_core.CV_8UC3);
        final Mat m = new Mat(2, 3, opencv_core.CV_64F);
        final byte[] bgr = new byte[w * h * 3];
        try (ClipRecorder rec = ClipRecorder.builder(cycle, w, h).format(ClipRecorder.Format.MP4_H264_AAC)
            .frameRate(fps).noAudio().start()) {
            for (int k = 0; k < rendered; k++) {
                geo.matrix(k, m);
                warpAffine(portrait, frame, m, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
                ((ByteBuffer)frame.createBuffer()).get(bgr);
                rec.addFrameBgr(bgr);
            }
            rec.finish();
        }
        try {
            if (frames <= rendered) {
                Files.move(cycle, out, StandardCopyOption.REPLACE_EXISTING);
            } else {
                repeat(cycle, out, frames);
            }
        } finally {
            Files.deleteIfExists(cycle);
        }
        geo.save(out);
        System.out.printf(Locale.ROOT, "generated %s: %dx%d, %d frames (%.1f s)%n", out, w, h, frames,
            (System.nanoTime() - t0) / 1e9);
    }

    /** Copies the cycle's video packets again and again, time stamps shifted, until {@code frames} frames. */
    private static void repeat(final Path cycle, final Path out, final long frames) throws Exception {
        final Path part = out.resolveSibling("." + out.getFileName() + ".part");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(cycle.toFile())) {
            g.start();
            final AVStream in = g.getFormatContext().streams(g.getVideoStream());
            final List<AVPacket> packets = new ArrayList<>();
            AVPacket p;
            while ((p = g.grabPacket()) != null) {
                if (p.stream_index() == g.getVideoStream()) {
                    packets.add(avcodec.av_packet_clone(p));
                }
            }
            // one cycle in the stream's time base: the next cycle starts where this one ends
            final long period = avutil.av_rescale_q(packets.size(), avutil.av_inv_q(in.avg_frame_rate()), in.time_base());
            final FFmpegFrameRecorder r = new FFmpegFrameRecorder(part.toFile(), g.getImageWidth(), g.getImageHeight(), 0);
            r.setFormat("mp4");
            r.setVideoCodec(g.getVideoCodec());
            r.setFrameRate(g.getFrameRate());
            try {
                r.start(g.getFormatContext());
                long written = 0;
                for (long c = 0; written < frames; c++) {
                    for (int k = 0; k < packets.size() && written < frames; k++, written++) {
                        final AVPacket q = avcodec.av_packet_clone(packets.get(k));
                        q.pts(q.pts() + c * period);
                        q.dts(q.dts() + c * period);
                        r.recordPacket(q);
                        avcodec.av_packet_free(q);
                    }
                }
                r.stop();
            } finally {
                r.release();
                for (AVPacket k : packets) {
                    avcodec.av_packet_free(k);
                }
            }
        }
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
    }

    /** astronaut.png from this module's resources (the demo's copy), so the bench needs nothing outside the repo. */
    private static Mat portrait() throws Exception {
        try (InputStream in = FaceBench.class.getResourceAsStream("/org/vavl/core/demo/astronaut.png")) {
            if (in == null) {
                throw new IllegalStateException("astronaut.png is missing from org.vavl.core's resources");
            }
            final byte[] png = in.readAllBytes();
            try (Mat buf = new Mat(1, png.length, opencv_core.CV_8UC1)) {
                ((ByteBuffer)buf.createBuffer()).put(png);
                return opencv_imgcodecs.imdecode(buf, opencv_imgcodecs.IMREAD_COLOR);
            }
        }
    }

    /**
     * Untimed passes over the clips before the timed ones (-Dvavl.bench.warmups, default 3) and timed passes
     * (-Dvavl.bench.passes, default 3), for decode-only and the aligner alike: their steady state, as in a batch run
     * over thousands of clips. The JIT compiler is slow to settle on the aligner, whose code runs per frame, per
     * detection frame (every 30th) and per clip: after a single warm-up pass the landmark aligner measured 767 frames
     * per CPU second over 3 timed passes and 832 over 9 (the compiler threads still took 7 % of the process's CPU
     * during the first 3), while decode-only stayed at 2647 and 2638 (2026-12-07, issue 18). Earlier, one warm-up
     * pass and one timed pass had made the aligner 15 % slower than three timed passes.
     */
    static final int WARMUPS = Integer.getInteger("vavl.bench.warmups", 3);

    static final int PASSES = Integer.getInteger("vavl.bench.passes", 3);

    /** The clips once per timed pass; a single clip (the memory runs) once. */
    private static List<Path> timed(final List<Path> clips) {
        if (clips.size() < 2) {
            return clips;
        }
        final List<Path> all = new ArrayList<>();
        for (int i = 0; i < PASSES; i++) {
            all.addAll(clips);
        }
        return all;
    }

    private static void decode(final List<Path> clips) throws Exception {
        for (int i = 0; i < WARMUPS; i++) {
            decodeFrames(clips, new OpenCVFrameConverter.ToMat());
        }
        final OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
        final long t0 = System.nanoTime();
        final long[] c0 = cpuNanos();
        final long[] r = decodeFrames(timed(clips), conv);
        report("decode", r[0], r[0], t0, c0, "checksum=" + r[1]);
    }

    /**
     * Warm-up (natives loaded, code compiled) is {@link #WARMUPS} untimed passes over all the clips before the timed
     * ones, in both modes (decode-only and aligner), so both are measured in their steady state.
     */
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
            // warm-up passes (see WARMUPS); a single clip (the memory runs) is measured cold
            try (FaceTrackExtractor w = new FaceTrackExtractor(benchSettings(),
                outDir.resolve("warm-up"), Overwrite.ALWAYS)) {
                for (int i = 0; i < WARMUPS; i++) {
                    for (Path p : clips) {
                        w.extract("warm-up", p, new CancelToken());
                    }
                }
            }
        }
        final long t0 = System.nanoTime();
        final long[] c0 = cpuNanos();
        long frames = 0;
        long withFace = 0;
        long detectorRuns = 0;
        long eyesNotFound = 0;
        long landmarkFrames = 0;
        double landmarkConfidence = 0;
        final Accuracy acc = new Accuracy();
        final FaceAlignerSettings settings = benchSettings();
        final List<Path> timed = timed(clips);
        try (FaceTrackExtractor x = new FaceTrackExtractor(settings, outDir, Overwrite.ALWAYS)) {
            for (Path p : timed) {
                final String id = p.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                final Geometry geo = Geometry.load(p);
                final FaceTrackResult r = x.extract(id, p, new CancelToken(),
                    geo == null ? null : (n, res) -> acc.add(geo, n - 1, res, settings));
                frames += r.framesRead();
                withFace += r.framesWithFace();
                detectorRuns += r.detectorRuns();
                eyesNotFound += r.eyesNotFound();
                landmarkFrames += r.landmarkFrames();
                landmarkConfidence += Double.isNaN(r.meanLandmarkConfidence()) ? 0
                    : r.meanLandmarkConfidence() / timed.size();
                System.out.println("  " + r);
            }
        }
        report("align", frames, withFace, t0, c0, String.format(Locale.ROOT,
            "detector_runs=%d eyes_not_found=%d checked=%d aligned=%d mean_eye_deg=%.3f worst_eye_deg=%.3f "
                + "worst_centre=%.4f detector=%s alignment=%s landmark_frames=%d landmark_confidence=%.3f", detectorRuns,
            eyesNotFound, acc.frames, acc.good, acc.sumAngle / Math.max(1, acc.frames), acc.worstAngle, acc.worstCentre,
            settings.detector().settingValue(), settings.alignment().settingValue(), landmarkFrames, landmarkConfidence));
    }

    /** Default settings, or the detector and alignment of -Dvavl.bench.detector / -Dvavl.bench.alignment. */
    static FaceAlignerSettings benchSettings() {
        return FaceAlignerSettings.builder()
            .set(DETECTOR, FaceDetectorKind.fromSetting(System.getProperty("vavl.bench.detector", "haar")))
            .set(ALIGNMENT, FaceAlignment.fromSetting(System.getProperty("vavl.bench.alignment", "eyes"))).build();
    }

    /**
     * The aligner's crops against the known geometry, as the alignment test measures them: the true eyes
     * and face centre carried through each crop; aligned = eyes level within 3 degrees and centre within 5 %.
     */
    private static final class Accuracy {
        long frames;

        long good;

        double sumAngle;

        double worstAngle;

        double worstCentre;

        void add(final Geometry g, final long k, final FrameAligner.Result r, final FaceAlignerSettings s) {
            frames++;
            if (r.pose == null) {
                worstAngle = Double.POSITIVE_INFINITY;
                return;
            }
            final int side = s.outputSize();
            final Similarity crop = Similarity.around(r.pose, s.cropScale(), side);
            final double[] e1 = g.toFrame(k, AstronautClip.EYES[0], AstronautClip.EYES[1]);
            final double[] e2 = g.toFrame(k, AstronautClip.EYES[2], AstronautClip.EYES[3]);
            final double[] c1 = crop.toPatch(e1[0], e1[1]);
            final double[] c2 = crop.toPatch(e2[0], e2[1]);
            final double angle = Math.abs(Math.toDegrees(Math.atan2(c2[1] - c1[1], c2[0] - c1[0])));
            final double[] fc = g.toFrame(k, AstronautClip.FACE_CENTRE[0], AstronautClip.FACE_CENTRE[1]);
            final double[] cc = crop.toPatch(fc[0], fc[1]);
            final double off = Math.hypot(cc[0] - side / 2.0, cc[1] - side / 2.0) / side;
            sumAngle += angle;
            worstAngle = Math.max(worstAngle, angle);
            worstCentre = Math.max(worstCentre, off);
            if (angle <= 3 && off <= 0.05) {
                good++;
            }
        }
    }

    /**
     * Thread CPU time per frame of each stage, default settings: decode (grab the decoder's frame, as the aligner does), the aligner
     * on frames where the detector ran and on tracked frames, and the MJPEG encoding of the crops.
     */
    private static void profile(final Path outDir, final List<Path> clips) throws Exception {
        final ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        final FaceAlignerSettings s = FaceAlignerSettings.builder().build();
        Files.createDirectories(outDir);
        for (int pass = 0; pass < 2; pass++) {
            // pass 0 warms up on the first clip
            final List<Path> todo = pass == 0 ? clips.subList(0, 1) : clips;
            long decode = 0;
            long det = 0;
            long track = 0;
            long enc = 0;
            long nDet = 0;
            long nTrack = 0;
            long nFrames = 0;
            long nFaces = 0;
            try (FaceModels models = new HaarFaceModels()) {
                for (Path p : todo) {
                    final FaceTrackWriter rec = new FaceTrackWriter(outDir.resolve("profile.avi"), s.format(),
                        s.outputSize(), 30);
                    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(p.toFile());
                            FrameAligner a = new FrameAligner(models, s); YuvFrame yuv = new YuvFrame()) {
                        g.setVideoOption("threads", "1");
                        g.setImageMode(org.bytedeco.javacv.FrameGrabber.ImageMode.RAW);
                        g.start();
                        while (true) {
                            long t = tm.getCurrentThreadCpuTime();
                            final Frame f = g.grabImage();
                            if (f == null) {
                                break;
                            }
                            yuv.set((org.bytedeco.ffmpeg.avutil.AVFrame)f.opaque, 0);
                            long u = tm.getCurrentThreadCpuTime();
                            decode += u - t;
                            nFrames++;
                            final FrameAligner.Result r = a.process(yuv);
                            t = tm.getCurrentThreadCpuTime();
                            if (r.detectorRan) {
                                det += t - u;
                                nDet++;
                            } else {
                                track += t - u;
                                nTrack++;
                            }
                            if (r.face) {
                                nFaces++;
                                rec.write(r.crop);
                                enc += tm.getCurrentThreadCpuTime() - t;
                            }
                        }
                        rec.finish();
                    } finally {
                        rec.close();
                    }
                }
            }
            if (pass == 1) {
                System.out.printf(Locale.ROOT,
                    "RESULT what=profile frames=%d with_face=%d decode_ms=%.3f detect_frames=%d detect_ms=%.3f "
                        + "tracked_frames=%d track_ms=%.3f encode_ms=%.3f total_ms=%.3f%n",
                    nFrames, nFaces, decode / 1e6 / nFrames, nDet, det / 1e6 / Math.max(1, nDet), nTrack,
                    track / 1e6 / Math.max(1, nTrack), enc / 1e6 / Math.max(1, nFaces),
                    (decode + det + track + enc) / 1e6 / nFrames);
            }
        }
    }

    /** @return {CPU time of the whole process, CPU time of this thread} in ns */
    private static long[] cpuNanos() {
        final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        final long process = os instanceof com.sun.management.OperatingSystemMXBean
            ? ((com.sun.management.OperatingSystemMXBean)os).getProcessCpuTime() : 0;
        return new long[]{process, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()};
    }

    private static void report(final String what, final long frames, final long withFace, final long t0,
        final long[] c0, final String extra) throws Exception {
        final double wall = (System.nanoTime() - t0) / 1e9;
        final long[] c1 = cpuNanos();
        final double cpu = (c1[0] - c0[0]) / 1e9;
        final double thread = (c1[1] - c0[1]) / 1e9;
        System.out.printf(Locale.ROOT,
            "RESULT what=%s frames=%d with_face=%d wall_s=%.3f cpu_s=%.3f thread_cpu_s=%.3f fps_wall=%.1f fps_cpu=%.1f "
                + "fps_thread=%.1f vmhwm_kb=%d %s%n",
            what, frames, withFace, wall, cpu, thread, frames / wall, frames / cpu, frames / thread, vmHwmKb(), extra);
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
