package org.vavl.core.face;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.vavl.core.media.DisplayRotation;
import org.vavl.core.util.AtomicFiles;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.core.util.ClipWorkPool;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.InputIdentity;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.InputFiles;
import org.vavl.core.util.Progress;

/**
 * Makes face tracks: for each clip, one video file {@code <clip>.<ext>} in the output folder whose frames
 * are the clip's aligned main face (square, {@code outputSize} pixels, colour), read back with
 * {@code FFmpegFrameGrabber.grabImage()}. Streaming: one decoded frame at a time, so memory does not grow
 * with the clip's length. Parallel over clips ({@link #run}), with progress per clip and cancellation
 * polled per frame; a cancelled or failed clip leaves no partial file (temporary name, renamed when
 * complete). A re-run keeps face tracks made with the same settings (per the overwrite policy) and reads
 * their figures from the record beside them ({@code <clip>.<ext>.figures}).
 *
 * <p>Usage from any JVM program:
 *
 * <pre>{@code
 * FaceAlignerSettings s = FaceAlignerSettings.builder().build();
 * try (FaceTrackExtractor x = new FaceTrackExtractor(s, Path.of("faces"), Overwrite.IF_CHANGED)) {
 *     List<Outcome<FaceTrackResult>> r = x.run(clips, 4, OnError.SKIP, Progress.console("faces"));
 * }
 * }</pre>
 */
public final class FaceTrackExtractor implements AutoCloseable {

    /** Suffix of the figures recorded beside each face track. */
    public static final String FIGURES_SUFFIX = ".figures";

    private final FaceAlignerSettings m_settings;

    private final ClipOutputStore m_store;

    private final ConcurrentLinkedQueue<FaceModels> m_models = new ConcurrentLinkedQueue<>();

    /** The landmark network (thread safe, shared by the workers) with landmark alignment, else null. */
    private final LandmarkFitter m_landmarks;

    /** A clip to process: its id (names the output) and its video file. */
    public static final class ClipInput {
        private final String m_clipId;

        private final Path m_video;

        public ClipInput(final String clipId, final Path video) {
            m_clipId = Objects.requireNonNull(clipId, "clip id");
            m_video = video;
        }

        public String clipId() {
            return m_clipId;
        }

        public Path video() {
            return m_video;
        }
    }

    /** Sees every processed frame (tests and tools). */
    interface FrameObserver {
        /**
         * @param frameNumber 1-based number of the frame in the clip
         * @param result what the aligner made of it (its crop is valid during the call only)
         */
        void frame(long frameNumber, FrameAligner.Result result);
    }

    /**
     * @param settings the aligner's settings
     * @param outputFolder where the face tracks go (created when missing)
     * @param overwrite when existing face tracks are made again
     * @throws IOException when the detector cannot be loaded (the message names the YuNet model file)
     */
    public FaceTrackExtractor(final FaceAlignerSettings settings, final Path outputFolder, final Overwrite overwrite)
        throws IOException {
        m_settings = Objects.requireNonNull(settings, "settings");
        m_store = new ClipOutputStore(outputFolder, settings.format().extension(), settings.toRecord(), overwrite);
        avutil.av_log_set_level(AV_LOG_ERROR);
        // parallelism is over clips (threads setting); OpenCV's own threads would only compete with them
        opencv_core.setNumThreads(1);
        // load the detector once now, so that a bad model file fails here with its name
        m_models.add(newModels());
        LandmarkFitter landmarks = null;
        if (settings.alignment() == FaceAlignment.LANDMARKS) {
            try {
                landmarks = new LandmarkFitter();
            } finally {
                if (landmarks == null) {
                    close();
                }
            }
        }
        m_landmarks = landmarks;
    }

    /** @return the settings */
    public FaceAlignerSettings settings() {
        return m_settings;
    }

    /** @return where the face track of a clip goes */
    public Path faceTrackPath(final String clipId) {
        return m_store.pathFor(clipId);
    }

    /** @return the output store (folder, extension, settings record) */
    public ClipOutputStore store() {
        return m_store;
    }

    private FaceModels newModels() throws IOException {
        if (m_settings.detector() == FaceDetectorKind.YUNET) {
            return new YuNetFaceModels(m_settings.yunetModel(), m_settings.yunetScoreThreshold());
        }
        if (m_settings.detector() == FaceDetectorKind.TINY) {
            return new TinyFaceModels();
        }
        return new HaarFaceModels(m_settings.alignment() == FaceAlignment.LANDMARKS);
    }

    /**
     * Processes the clips on {@code threads} workers.
     *
     * @return one outcome per clip, in order (with {@link OnError#SKIP} failed clips carry their message)
     */
    public List<Outcome<FaceTrackResult>> run(final List<ClipInput> clips, final int threads, final OnError onError,
        final Progress progress) throws ClipException, CancelledException {
        try {
            m_store.prepareFolder();
        } catch (IOException e) {
            throw new ClipException("", e.getMessage(), e);
        }
        try {
            m_store.deleteLeftoverParts();
        } catch (IOException e) {
            // not fatal: leftovers have temporary names that never clash
        }
        return ClipWorkPool.run(clips, threads, ClipInput::clipId, (c, cancel) -> extract(c.clipId(), c.video(), cancel),
            onError, progress);
    }

    /**
     * Makes the face track of one clip (or keeps an up-to-date one).
     *
     * @throws ClipException naming the clip: missing, empty, unreadable or truncated video; no video stream;
     *             a frame without a face with the missing-face policy "reject clip"
     * @throws CancelledException when cancelled (no partial file is left)
     */
    public FaceTrackResult extract(final String clipId, final Path video, final CancelToken cancel)
        throws ClipException, CancelledException {
        return extract(clipId, video, cancel, null);
    }

    FaceTrackResult extract(final String clipId, final Path video, final CancelToken cancel,
        final FrameObserver observer) throws ClipException, CancelledException {
        final CancelToken token = cancel == null ? new CancelToken() : cancel;
        InputFiles.check(clipId, video, "video file");
        final Map<String, String> input;
        try {
            input = InputIdentity.of(video);
        } catch (IOException e) {
            throw new ClipException(clipId, "Clip '" + clipId + "': cannot read '" + video + "': " + e.getMessage(), e);
        }
        try (ClipOutputStore.ClipLock lock = m_store.lock(clipId, token)) {
            if (observer == null && m_store.isUpToDate(clipId, input)) {
                final FaceTrackResult kept = readFigures(clipId);
                if (kept != null) {
                    return kept;
                }
            }
            FaceModels models = m_models.poll();
            try {
                if (models == null) {
                    models = newModels();
                }
                return make(clipId, video, input, models, token, observer);
            } finally {
                if (models != null) {
                    m_models.add(models);
                }
            }
        } catch (IOException e) {
            throw new ClipException(clipId, "Clip '" + clipId + "': " + e.getMessage(), e);
        }
    }

    /** Thrown inside the store's writer when no frame has a face, so that nothing is kept. */
    private static final class NoFaceInClip extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private FaceTrackResult make(final String clipId, final Path video, final Map<String, String> input,
        final FaceModels models,
        final CancelToken token, final FrameObserver observer) throws ClipException, CancelledException {
        final Stats stats = new Stats();
        final Path pngTemp = pngTempFolder(clipId);
        try {
            final Path written;
            Path track = null;
            try {
                written = m_store.write(clipId, input, target -> writeTrack(clipId, video, models, token, observer, target,
                    pngTemp, stats));
                track = written;
            } catch (NoFaceInClip e) {
                deleteStale(clipId);
            }
            if (pngTemp != null && track != null) {
                movePngsIntoPlace(clipId, pngTemp);
            }
            final FaceTrackResult result = stats.result(clipId, track);
            if (track != null) {
                writeFigures(clipId, result);
            }
            return result;
        } catch (ClipException | CancelledException e) {
            throw e;
        } catch (Exception e) {
            throw ClipWorkPool.asClipException(clipId, e);
        } finally {
            if (pngTemp != null) {
                deleteTree(pngTemp);
            }
        }
    }

    private void writeTrack(final String clipId, final Path video, final FaceModels models, final CancelToken token,
        final FrameObserver observer, final Path target, final Path pngTemp, final Stats stats) throws Exception {
        final int step = m_settings.frameStep();
        final MissingFacePolicy missing = m_settings.missingFace();
        FaceTrackWriter recorder = null;
        boolean recorded = false;
        long pendingRepeats = 0;
        try (FFmpegFrameGrabber grabber = open(clipId, video); FrameAligner aligner = new FrameAligner(models, m_settings,
            m_landmarks); YuvFrame yuv = new YuvFrame();
                FaceCrop last = new FaceCrop(m_settings.outputSize(), m_settings.format().subsampledChroma());
                Mat png = new Mat()) {
            final double fps = grabber.getVideoFrameRate() > 0 && Double.isFinite(grabber.getVideoFrameRate())
                ? grabber.getVideoFrameRate() : 25;
            // a phone clip's display matrix: turn every frame upright, as players do
            final int rotation = DisplayRotation.of(grabber);
            long number = 0;
            while (true) {
                token.check();
                final Frame frame;
                try {
                    frame = grabber.grabImage();
                } catch (Exception e) {
                    throw new ClipException(clipId, "Clip '" + clipId + "': the video '" + video
                        + "' could not be decoded after frame " + number + " (" + e.getMessage()
                        + "). The file may be truncated or damaged.", e);
                }
                if (frame == null) {
                    break;
                }
                number++;
                stats.read++;
                if ((number - 1) % step != 0) {
                    continue;
                }
                if (!(frame.opaque instanceof AVFrame) || ((AVFrame)frame.opaque).width() <= 0) {
                    continue;
                }
                yuv.set((AVFrame)frame.opaque, rotation);
                stats.processed++;
                final FrameAligner.Result r = aligner.process(yuv);
                if (observer != null) {
                    observer.frame(number, r);
                }
                stats.add(r);
                if (!r.face) {
                    if (missing == MissingFacePolicy.REJECT_CLIP) {
                        throw new ClipException(clipId, String.format(Locale.ROOT,
                            "Clip '%s': no face in frame %d (%.2f s) of '%s', and the missing-face setting is "
                                + "'reject clip'. Choose 'skip frame' or 'repeat last face' to keep clips with "
                                + "some frames without a face.", clipId, number, (number - 1) / fps, video));
                    }
                    if (missing == MissingFacePolicy.REPEAT_LAST) {
                        if (recorded) {
                            writeFrame(recorder, last, pngTemp, png, number, stats);
                        } else {
                            pendingRepeats++;
                        }
                    }
                    continue;
                }
                if (recorder == null) {
                    recorder = new FaceTrackWriter(target, m_settings.format(), m_settings.outputSize(), fps / step);
                }
                if (pendingRepeats > 0) {
                    // frames before the first face get the first face
                    for (long i = pendingRepeats; i >= 1; i--) {
                        writeFrame(recorder, r.crop, pngTemp, png, number - i * step, stats);
                    }
                    pendingRepeats = 0;
                }
                writeFrame(recorder, r.crop, pngTemp, png, number, stats);
                recorded = true;
                if (missing == MissingFacePolicy.REPEAT_LAST) {
                    last.copyFrom(r.crop);
                }
            }
            if (stats.read == 0) {
                throw new ClipException(clipId, "Clip '" + clipId + "': no video frame could be decoded from '"
                    + video + "'. The file may be truncated, damaged or not a video.");
            }
            if (recorder == null) {
                throw new NoFaceInClip();
            }
            recorder.finish();
        } finally {
            if (recorder != null) {
                recorder.close();
            }
        }
    }

    private FFmpegFrameGrabber open(final String clipId, final Path video) throws ClipException {
        org.vavl.core.media.FfmpegLog.quiet(); // checks the natives once, then FFmpeg quiet
        final FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile());
        g.setVideoOption("threads", "1");
        // the decoder's own frames, not converted to BGR: the aligner works on their planes (YuvFrame)
        g.setImageMode(FrameGrabber.ImageMode.RAW);
        try {
            g.start();
        } catch (Exception e) {
            closeQuietly(g);
            throw new ClipException(clipId, "Clip '" + clipId + "': '" + video + "' cannot be opened as a video ("
                + firstLine(e.getMessage()) + "). Check that it is a video file (for example .mp4, .flv, .avi) and "
                + "not truncated or damaged.", e);
        }
        if (!g.hasVideo() || g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            closeQuietly(g);
            throw new ClipException(clipId, "Clip '" + clipId + "': '" + video
                + "' has no video stream (is it an audio file?). The face aligner needs the clip's video.");
        }
        return g;
    }

    private static void closeQuietly(final FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception e) {
            // ignored: called after the work (or on a failure being thrown); nothing is left to redo or report
        }
    }

    private static String firstLine(final String s) {
        if (s == null) {
            return "no message";
        }
        final String t = s.strip();
        final int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static void writeFrame(final FaceTrackWriter recorder, final FaceCrop crop, final Path pngTemp,
        final Mat bgr, final long frameNumber, final Stats stats) throws IOException {
        recorder.write(crop);
        stats.written++;
        if (pngTemp != null) {
            final Path png = pngTemp.resolve("detections").resolve(pngName(frameNumber));
            if (!opencv_imgcodecs.imwrite(png.toString(), crop.toBgr(bgr))) {
                throw new IOException("cannot write the PNG frame '" + png + "'");
            }
        }
    }

    /** @return the reference's name of a frame's first detection: 1-based frame number, 6 digits, "_000" */
    static String pngName(final long frameNumber) {
        return String.format(Locale.ROOT, "%06d_000.png", frameNumber);
    }

    // ---------------------------------------------------------------- PNG frames in the reference's layout

    private Path pngTempFolder(final String clipId) throws ClipException {
        final Path root = m_settings.pngFolder();
        if (root == null) {
            return null;
        }
        try {
            Files.createDirectories(root);
            final Path tmp = Files.createTempDirectory(root, "." + safe(clipId) + ClipOutputStore.partMark());
            Files.createDirectories(tmp.resolve("detections"));
            return tmp;
        } catch (IOException e) {
            throw new ClipException(clipId, "Clip '" + clipId + "': cannot create the PNG folder in '" + root + "': "
                + e.getMessage(), e);
        }
    }

    /** @return the folder of a clip's PNG frames: {@code <png folder>/<clip>/detections} */
    public Path pngFramesFolder(final String clipId) {
        final Path root = m_settings.pngFolder();
        return root == null ? null : root.resolve(safe(clipId)).resolve("detections");
    }

    private void movePngsIntoPlace(final String clipId, final Path tmp) throws IOException {
        final Path dest = m_settings.pngFolder().resolve(safe(clipId));
        deleteTree(dest);
        Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String safe(final String clipId) {
        return ClipOutputStore.fileNameOf(clipId);
    }

    private static void deleteTree(final Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException e) {
                    // left behind: a hidden .part- folder at worst
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    // ---------------------------------------------------------------- figures beside the track

    private Path figuresFor(final String clipId) {
        final Path track = m_store.pathFor(clipId);
        return track.resolveSibling(track.getFileName() + FIGURES_SUFFIX);
    }

    private void writeFigures(final String clipId, final FaceTrackResult result) throws IOException {
        AtomicFiles.writeText(figuresFor(clipId),
            w -> result.toProperties().store(w, "figures of " + m_store.pathFor(clipId).getFileName()));
    }

    private FaceTrackResult readFigures(final String clipId) {
        final Path file = figuresFor(clipId);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        final Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return FaceTrackResult.fromProperties(p, m_store.pathFor(clipId));
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private void deleteStale(final String clipId) throws IOException {
        final Path track = m_store.pathFor(clipId);
        Files.deleteIfExists(track);
        Files.deleteIfExists(track.resolveSibling(track.getFileName() + ClipOutputStore.SETTINGS_SUFFIX));
        Files.deleteIfExists(figuresFor(clipId));
    }

    // ---------------------------------------------------------------- figures

    /** Running figures of one clip; bounded memory (the face sizes go into a histogram). */
    private static final class Stats {
        long read;

        long processed;

        long withFace;

        long written;

        long eyesNotFound;

        long detectorRuns;

        double scoreSum;

        long scoreCount;

        long landmarkFrames;

        double landmarkSum;

        long landmarkCount;

        final long[] sizes = new long[4097];

        void add(final FrameAligner.Result r) {
            if (r.detectorRan) {
                detectorRuns++;
            }
            if (r.detected && !Double.isNaN(r.score)) {
                scoreSum += r.score;
                scoreCount++;
            }
            if (!Double.isNaN(r.landmarkConfidence)) {
                landmarkSum += r.landmarkConfidence;
                landmarkCount++;
            }
            if (r.face) {
                withFace++;
                if (r.landmarks) {
                    landmarkFrames++;
                }
                if (!r.eyes) {
                    eyesNotFound++;
                }
                sizes[(int)Math.max(0, Math.min(sizes.length - 1, Math.round(r.size)))]++;
            }
        }

        double median() {
            if (withFace == 0) {
                return Double.NaN;
            }
            // the lower median for an even count: a face size that occurred
            final long half = (withFace + 1) / 2;
            long seen = 0;
            for (int i = 0; i < sizes.length; i++) {
                seen += sizes[i];
                if (seen >= half) {
                    return i;
                }
            }
            return sizes.length - 1;
        }

        FaceTrackResult result(final String clipId, final Path track) {
            return new FaceTrackResult(clipId, track, read, processed, withFace, written, median(),
                scoreCount == 0 ? Double.NaN : scoreSum / scoreCount, eyesNotFound, detectorRuns, landmarkFrames,
                landmarkCount == 0 ? Double.NaN : landmarkSum / landmarkCount, false);
        }
    }

    @Override
    public void close() {
        FaceModels m;
        while ((m = m_models.poll()) != null) {
            m.close();
        }
        if (m_landmarks != null) {
            m_landmarks.close();
        }
    }

    /** @return a list of clip inputs made from parallel lists (a convenience for callers and tests) */
    public static List<ClipInput> inputs(final List<String> ids, final List<Path> videos) {
        final List<ClipInput> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(new ClipInput(ids.get(i), videos.get(i)));
        }
        return out;
    }
}
