package org.vavl.core.face;

import static org.vavl.core.face.FaceAlignerSettings.OUTPUT_SIZE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.vavl.core.media.AudioExtractor;
import org.vavl.core.media.ClipRecorder;
import org.vavl.core.media.TestMedia;
import org.vavl.core.media.VideoProbe;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;

/**
 * The responsiveness benchmark's Java side (bench/responsiveness.sh): what the unit tests used to assert with a
 * clock, measured where timing belongs. Prints one line {@code RESULT key=value ...}:
 * <ul>
 * <li>probe_ms: milliseconds per {@link VideoProbe#probe} of a 2 s mp4 and flv (median of 5 rounds of 20);</li>
 * <li>audio_cancel_ms: from the cancellation to {@link AudioExtractor#extractAll} returning, 2 threads (max of
 * 5);</li>
 * <li>face_cancel_ms: from the cancellation to {@link FaceTrackExtractor#extract} returning (max of 5).</li>
 * </ul>
 * Usage: {@code ResponsivenessBench <work-folder>}.
 */
public final class ResponsivenessBench {

    private ResponsivenessBench() {
    }

    public static void main(final String[] args) throws Exception {
        final Path work = Path.of(args[0]);
        Files.createDirectories(work);
        final Path mp4 = TestMedia.clip(work.resolve("probe.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25,
            2.0, 44100, 2, (c, i) -> 0.3 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        final Path flv = TestMedia.clip(work.resolve("probe.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 160, 120, 25,
            2.0, 44100, 1, (c, i) -> 0.3 * Math.sin(2 * Math.PI * 300 * i / 44100.0));
        final double[] probe = new double[5];
        VideoProbe.probe(flv);
        for (int r = 0; r < probe.length; r++) {
            final long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                VideoProbe.probe(mp4);
                VideoProbe.probe(flv);
            }
            probe[r] = (System.nanoTime() - t0) / 1e6 / 20;
        }
        Arrays.sort(probe);
        double audioCancel = 0;
        double faceCancel = 0;
        for (int r = 0; r < 5; r++) {
            audioCancel = Math.max(audioCancel, audioCancelMillis(work.resolve("audio" + r), mp4, flv));
            faceCancel = Math.max(faceCancel, faceCancelMillis(work.resolve("face" + r), mp4));
        }
        System.out.printf(Locale.ROOT, "RESULT probe_ms=%.2f audio_cancel_ms=%.1f face_cancel_ms=%.1f%n", probe[2],
            audioCancel, faceCancel);
    }

    private static double audioCancelMillis(final Path out, final Path mp4, final Path flv) throws Exception {
        final List<AudioExtractor.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(new AudioExtractor.Job("clip" + i, i % 2 == 0 ? mp4 : flv));
        }
        final AtomicInteger polls = new AtomicInteger();
        final AtomicLong cancelledAt = new AtomicLong();
        final Progress cancelLater = new Progress() {
            @Override
            public void update(final double fraction, final String message) {
                // nothing
            }

            @Override
            public boolean isCancelled() {
                if (polls.incrementAndGet() >= 150) {
                    cancelledAt.compareAndSet(0, System.nanoTime());
                    return true;
                }
                return false;
            }
        };
        try {
            new AudioExtractor().extractAll(jobs, out, Overwrite.ALWAYS, 2, OnError.FAIL, cancelLater);
            throw new IllegalStateException("not cancelled");
        } catch (CancelledException expected) {
            return (System.nanoTime() - cancelledAt.get()) / 1e6;
        }
    }

    private static double faceCancelMillis(final Path out, final Path clip) throws Exception {
        final CancelToken token = new CancelToken();
        final AtomicInteger seen = new AtomicInteger();
        final AtomicLong cancelledAt = new AtomicLong();
        try (FaceTrackExtractor x = new FaceTrackExtractor(FaceAlignerSettings.builder().set(OUTPUT_SIZE, 112).build(),
            out,
            Overwrite.ALWAYS)) {
            x.extract("clip", clip, token, (n, r) -> {
                if (seen.incrementAndGet() == 12) {
                    cancelledAt.set(System.nanoTime());
                    token.cancel();
                }
            });
            throw new IllegalStateException("not cancelled");
        } catch (CancelledException expected) {
            return (System.nanoTime() - cancelledAt.get()) / 1e6;
        }
    }
}
