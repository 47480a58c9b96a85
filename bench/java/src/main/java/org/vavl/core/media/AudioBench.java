package org.vavl.core.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;

/**
 * The audio benchmark's Java side (bench/audio.sh):
 *
 * <pre>
 * generate &lt;folder&gt; &lt;n&gt;          n clips of 3 s, 480x360 H.264 30 fps, AAC 48 kHz stereo (kept when present)
 * engine &lt;out&gt; &lt;threads&gt; &lt;folder&gt;  extract every clip of the folder with AudioExtractor (16 kHz mono 16-bit)
 * compare &lt;dirA&gt; &lt;dirB&gt;            sample correlation of the same-named WAV files of two folders
 * </pre>
 *
 * Each command prints one line {@code RESULT key=value ...}.
 */
public final class AudioBench {

    private AudioBench() {
    }

    public static void main(final String[] args) throws Exception {
        switch (args[0]) {
            case "generate":
                generate(Path.of(args[1]), Integer.parseInt(args[2]));
                break;
            case "engine":
                engine(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
                break;
            case "compare":
                compare(Path.of(args[1]), Path.of(args[2]));
                break;
            default:
                throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void generate(final Path folder, final int n) throws Exception {
        Files.createDirectories(folder);
        final long t0 = System.nanoTime();
        int made = 0;
        for (int i = 0; i < n; i++) {
            final Path f = folder.resolve(String.format(Locale.ROOT, "clip_%03d.mp4", i));
            if (Files.isRegularFile(f) && Files.size(f) > 0) {
                continue;
            }
            // a different pitch per clip (speech-like band), so that the files are not all the same
            final double hz = 150 + 7 * i;
            final ClipRecorder.Builder b = ClipRecorder.builder(f, 480, 360)
                .format(ClipRecorder.Format.MP4_H264_AAC).frameRate(30).audio(48000, 2);
            try (ClipRecorder r = b.start()) {
                final byte[] bgr = new byte[480 * 360 * 3];
                long done = 0;
                for (int fr = 0; fr < 90; fr++) {
                    for (int p = 0; p < bgr.length; p += 3) {
                        final int x = (p / 3) % 480;
                        final int y = (p / 3) / 480;
                        bgr[p] = (byte)(x + 3 * fr);
                        bgr[p + 1] = (byte)(y + i);
                        bgr[p + 2] = (byte)((x ^ y) + fr);
                    }
                    r.addFrameBgr(bgr);
                    final long upTo = Math.round((fr + 1) / 30.0 * 48000);
                    final float[] inter = new float[(int)(upTo - done) * 2];
                    for (int s = 0; s < inter.length / 2; s++) {
                        final double t = (done + s) / 48000.0;
                        // a harmonic tone with a syllable-like envelope, and a second voice on the right
                        final double env = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
                        double v = 0;
                        for (int h = 1; h <= 5; h++) {
                            v += Math.sin(2 * Math.PI * hz * h * t) / h;
                        }
                        inter[2 * s] = (float)(0.2 * env * v);
                        inter[2 * s + 1] = (float)(0.2 * env * v + 0.1 * Math.sin(2 * Math.PI * 1.5 * hz * t));
                    }
                    r.addAudioInterleaved(inter);
                    done = upTo;
                }
                r.finish();
            }
            made++;
        }
        System.out.printf(Locale.ROOT, "RESULT generated=%d seconds=%.3f%n", made, (System.nanoTime() - t0) / 1e9);
    }

    static List<Path> clips(final Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".mp4")).sorted().collect(Collectors.toList());
        }
    }

    static void engine(final Path out, final int threads, final Path folder) throws Exception {
        final List<AudioExtractor.Job> jobs = new ArrayList<>();
        for (Path p : clips(folder)) {
            jobs.add(new AudioExtractor.Job(VideoProbe.clipId(p), p));
        }
        final AudioExtractor ex = new AudioExtractor();
        final long t0 = System.nanoTime();
        final List<Outcome<ExtractedAudio>> r = ex.extractAll(jobs, out, Overwrite.ALWAYS, threads, OnError.FAIL,
            Progress.NONE);
        final double seconds = (System.nanoTime() - t0) / 1e9;
        double audio = 0;
        for (Outcome<ExtractedAudio> o : r) {
            audio += o.value().durationSeconds();
        }
        System.out.printf(Locale.ROOT, "RESULT files=%d threads=%d seconds=%.4f audio_seconds=%.3f%n", r.size(),
            threads, seconds, audio);
    }

    static void compare(final Path a, final Path b) throws Exception {
        double min = 1;
        double sum = 0;
        int n = 0;
        long maxLengthDiff = 0;
        double maxAbs = 0;
        try (Stream<Path> s = Files.list(a)) {
            for (Path wa : s.filter(p -> p.toString().endsWith(".wav")).sorted().collect(Collectors.toList())) {
                final Path wb = b.resolve(wa.getFileName());
                final float[] x = TestMedia.readWav(wa);
                final float[] y = TestMedia.readWav(wb);
                final double r = correlation(x, y);
                min = Math.min(min, r);
                sum += r;
                n++;
                maxLengthDiff = Math.max(maxLengthDiff, Math.abs(x.length - y.length));
                for (int i = 0; i < Math.min(x.length, y.length); i++) {
                    maxAbs = Math.max(maxAbs, Math.abs(x[i] - y[i]));
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT files=%d mean_correlation=%.9f min_correlation=%.9f "
            + "max_length_difference_samples=%d max_abs_difference_lsb=%.0f%n", n, sum / n, min, maxLengthDiff,
            maxAbs * 32768);
    }

    /** Pearson correlation over the common length. */
    static double correlation(final float[] x, final float[] y) {
        final int n = Math.min(x.length, y.length);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
