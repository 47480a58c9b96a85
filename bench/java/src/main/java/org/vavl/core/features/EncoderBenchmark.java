package org.vavl.core.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.bytedeco.opencv.opencv_core.Mat;
import org.vavl.core.features.EncoderModel.Tensor;
import org.vavl.core.util.CancelToken;

/**
 * The Java half of {@code bench/encoders.sh} (not a test): EfficientNet-B2 images per second in DJL on the
 * inputs the Python half uses, and the built-in encoders' frames per second. Prints one JSON object.
 *
 * <pre>
 * java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 ... EncoderBenchmark DIR BATCH ROUNDS
 * </pre>
 * DIR holds {@code enet_b2_embed.pt}, {@code images.npy}, {@code out.npy} from
 * {@code tools/export/make_fixtures.py --effnet-b2 DIR}.
 */
public final class EncoderBenchmark {

    private EncoderBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final Path dir = Paths.get(args[0]);
        final int batch = Integer.parseInt(args[1]);
        final int rounds = Integer.parseInt(args[2]);
        final boolean builtins = args.length < 4 || !"model-only".equals(args[3]);
        final Map<String, Double> r = new LinkedHashMap<>();
        final FeatureSequence images = Npy.read(dir.resolve("images.npy"));
        final int n = images.frames();
        final int size = (int)Math.round(Math.sqrt(images.dim() / 3.0));
        final List<Mat> bgr = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bgr.add(Fixtures.bgrImage(images, i, size));
        }
        try (ModelFaceEncoder enc = ModelFaceEncoder.open(dir.resolve("enet_b2_embed.pt"), size,
            ModelFaceEncoder.ChannelOrder.RGB, ModelFaceEncoder.IMAGENET_MEAN, ModelFaceEncoder.IMAGENET_STD, batch,
            "cpu")) {
            // the same normalised tensors as Python's forward-only timing
            final float[][] inputs = new float[(n + batch - 1) / batch][];
            final long[][] shapes = new long[inputs.length][];
            for (int b = 0; b < inputs.length; b++) {
                final int from = b * batch;
                final int m = Math.min(batch, n - from);
                inputs[b] = normalised(images, from, m, size);
                shapes[b] = new long[]{m, 3, size, size};
            }
            for (int w = 0; w < 3; w++) {
                // warm-up: TorchScript's profiling executor optimises the graph during the first calls
                enc.model().run(new Tensor(inputs[0], shapes[0]));
            }
            enc.encodeImages(bgr.subList(0, Math.min(batch, n)));
            double best = Double.MAX_VALUE;
            for (int k = 0; k < rounds; k++) {
                final long t0 = System.nanoTime();
                for (int b = 0; b < inputs.length; b++) {
                    enc.model().run(new Tensor(inputs[b], shapes[b]));
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            r.put("efficientnet_b2 djl forward images/s", n / best);
            // end to end from 8-bit images: resize/normalise + forward
            best = Double.MAX_VALUE;
            FeatureSequence got = null;
            for (int k = 0; k < rounds; k++) {
                final long t0 = System.nanoTime();
                got = enc.encodeImages(bgr);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            r.put("efficientnet_b2 djl encoder images/s", n / best);
            r.put("efficientnet_b2 max abs diff djl vs python", Fixtures.maxAbsDiff(
                Npy.read(dir.resolve("out.npy")).values(), got.values()));
        }
        if (builtins) {
            builtIns(r, dir);
        }
        final StringBuilder sb = new StringBuilder("{");
        r.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
            .append(String.format(Locale.ROOT, "%.6g", v)));
        System.out.println(sb.append('}'));
    }

    private static float[] normalised(final FeatureSequence images, final int from, final int m, final int size) {
        final int plane = size * size;
        final float[] x = new float[m * 3 * plane];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < 3; c++) {
                final float mean = ModelFaceEncoder.IMAGENET_MEAN[c];
                final float std = ModelFaceEncoder.IMAGENET_STD[c];
                for (int k = 0; k < plane; k++) {
                    x[(i * 3 + c) * plane + k] = (images.get(from + i, 3 * k + c) / 255f - mean) / std;
                }
            }
        }
        return x;
    }

    private static void builtIns(final Map<String, Double> r, final Path dir) throws Exception {
        // HOG on a 224x224 face track of 250 frames (10 s at 25 fps), decoding included, and on frames in memory
        final Random rnd = new Random(1);
        final List<Mat> frames = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            frames.add(TestFaces.cartoon(i % 2 == 0, rnd, 224));
        }
        final Path track = dir.resolve("bench_track.mkv");
        TestFaces.writeTrack(track, frames);
        try (HogFaceEncoder hog = new HogFaceEncoder()) {
            hog.encode(track, new CancelToken());
            double best = Double.MAX_VALUE;
            for (int k = 0; k < 3; k++) {
                final long t0 = System.nanoTime();
                hog.encode(track, new CancelToken());
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            r.put("hog face track frames/s (decode + hog)", frames.size() / best);
            best = Double.MAX_VALUE;
            for (int k = 0; k < 3; k++) {
                final long t0 = System.nanoTime();
                hog.encodeImages(frames);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            r.put("hog frames/s (in memory)", frames.size() / best);
        }
        // log-mel on 60 s of audio read from a WAV
        final float[] x = new float[16000 * 60];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.3 * Math.sin(i * 0.05) + 0.05 * rnd.nextGaussian());
        }
        final Path wav = dir.resolve("bench.wav");
        Waveform.writePcm16(wav, x);
        try (LogMelEncoder mel = new LogMelEncoder()) {
            mel.encode(wav, new CancelToken());
            double best = Double.MAX_VALUE;
            int melFrames = 0;
            for (int k = 0; k < 3; k++) {
                final long t0 = System.nanoTime();
                melFrames = mel.encode(wav, new CancelToken()).frames();
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            r.put("log-mel frames/s (wav read + features)", melFrames / best);
            r.put("log-mel x real time", 60 / best);
        }
        Files.deleteIfExists(track);
        Files.deleteIfExists(wav);
    }
}
