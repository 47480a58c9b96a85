package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.features.ModelAudioEncoder.LongAudio;
import org.vavl.core.util.CancelToken;

/** A user's speech model (TorchScript wav2vec2, ONNX) reproduces Python's outputs; bad models give clear errors. */
class ModelAudioEncoderTest {

    @TempDir
    Path tmp;

    private static ModelAudioEncoder open(final String fixture, final WaveformNormalisation norm,
        final LongAudio longAudio, final double max, final int batch) throws IOException {
        return ModelAudioEncoder.open(Fixtures.path(fixture), norm, longAudio, max, batch, "cpu");
    }

    @Test
    void exportedWav2vec2ReproducesPython() throws Exception {
        try (ModelAudioEncoder enc = open("tiny_wav2vec2.pt", WaveformNormalisation.none(), LongAudio.CUT, 12, 1)) {
            assertEquals(64, enc.dim());
            for (int i = 0; i < 2; i++) {
                final float[] wave = Fixtures.npy("tiny_wav2vec2_in" + i + ".npy").values();
                final FeatureSequence want = Fixtures.npy("tiny_wav2vec2_out" + i + ".npy");
                final FeatureSequence got = enc.encodeWaveform(wave, "in" + i, new CancelToken());
                assertEquals(want.frames(), got.frames());
                assertEquals(64, got.dim());
                final double d = Fixtures.maxAbsDiff(want.values(), got.values());
                System.out.println("tiny wav2vec2 clip " + i + ": max |DJL - Python| = " + d);
                assertTrue(d < 1e-4, "clip " + i + ": max diff " + d);
            }
        }
    }

    @Test
    void onnxSpeechModelReproducesPython() throws Exception {
        try (ModelAudioEncoder enc = open("tiny_audio.onnx", WaveformNormalisation.none(), LongAudio.CUT, 0, 1)) {
            assertEquals(8, enc.dim());
            final FeatureSequence want = Fixtures.npy("tiny_audio_out.npy");
            final FeatureSequence got =
                enc.encodeWaveform(Fixtures.npy("tiny_audio_in.npy").values(), "in", new CancelToken());
            assertEquals(want.frames(), got.frames());
            assertTrue(Fixtures.maxAbsDiff(want.values(), got.values()) < 1e-4);
        }
    }

    @Test
    void longAudioIsCutOrChunked() throws Exception {
        final float[] x = new float[16000 * 3 + 4000]; // 3.25 s
        final Random rnd = new Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.1 * rnd.nextGaussian());
        }
        // tiny_audio: frames = 1 + (n - 400) / 320
        try (ModelAudioEncoder cut = open("tiny_audio.onnx", WaveformNormalisation.none(), LongAudio.CUT, 1, 1);
            ModelAudioEncoder chunk = open("tiny_audio.onnx", WaveformNormalisation.none(), LongAudio.CHUNK, 1, 1);
            ModelAudioEncoder whole = open("tiny_audio.onnx", WaveformNormalisation.none(), LongAudio.CUT, 0, 1)) {
            assertEquals(1 + (16000 - 400) / 320, cut.encodeWaveform(x, "x", new CancelToken()).frames());
            // 4 equal chunks of 13000 samples
            assertEquals(4 * (1 + (13000 - 400) / 320), chunk.encodeWaveform(x, "x", new CancelToken()).frames());
            final FeatureSequence all = whole.encodeWaveform(x, "x", new CancelToken());
            assertEquals(1 + (x.length - 400) / 320, all.frames());
            // the first frames of the cut version equal the whole clip's
            final FeatureSequence c = cut.encodeWaveform(x, "x", new CancelToken());
            assertTrue(Fixtures.maxAbsDiff(c.frame(3), all.frame(3)) < 1e-6);
        }
    }

    @Test
    void normalisationModes() throws Exception {
        final float[] x = {1, 2, 3, 4};
        final float[] pu = WaveformNormalisation.perUtterance().apply(x);
        double mean = 0;
        double sq = 0;
        for (float v : pu) {
            mean += v / 4;
        }
        for (float v : pu) {
            sq += (v - mean) * (v - mean) / 4;
        }
        assertEquals(0, mean, 1e-6);
        assertEquals(1, sq, 1e-5);
        final float[] st = WaveformNormalisation.statistics(2, 0.5).apply(x);
        assertEquals(-2f, st[0], 1e-6f);
        assertEquals(4f, st[3], 1e-6f);
        assertEquals(1f, WaveformNormalisation.none().apply(x)[0], 0f);
        assertEquals(WaveformNormalisation.Mode.PER_UTTERANCE, WaveformNormalisation.Mode.fromSetting("per utterance"));
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> WaveformNormalisation.Mode.fromSetting("zscore"));
        assertTrue(e.getMessage().contains("'none', 'per utterance' or 'statistics'"));
        // statistics over files
        final Path a = tmp.resolve("a.wav");
        final Path b = tmp.resolve("b.wav");
        Waveform.writePcm16(a, new float[]{0.5f, 0.5f});
        Waveform.writePcm16(b, new float[]{-0.5f, -0.5f});
        final double[] ms = WaveformNormalisation.computeStatistics(List.of(a, b), 0, org.vavl.core.util.Progress.NONE);
        assertEquals(0, ms[0], 1e-4);
        assertEquals(0.5, ms[1], 1e-3);
        // the model sees normalised audio
        try (ModelAudioEncoder none = open("tiny_audio.onnx", WaveformNormalisation.none(), LongAudio.CUT, 0, 1);
            ModelAudioEncoder fixed =
                open("tiny_audio.onnx", WaveformNormalisation.statistics(0, 0.5), LongAudio.CUT, 0, 1)) {
            final float[] w = Fixtures.npy("tiny_audio_in.npy").values();
            final float[] doubled = w.clone();
            for (int i = 0; i < doubled.length; i++) {
                doubled[i] *= 2;
            }
            assertTrue(Fixtures.maxAbsDiff(none.encodeWaveform(doubled, "d", new CancelToken()).values(),
                fixed.encodeWaveform(w, "w", new CancelToken()).values()) < 1e-5);
            assertTrue(fixed.settings().get("waveform normalisation").startsWith("statistics (mean 0"));
        }
    }

    @Test
    void batchesOfClipsKeepEachClipsFrames() throws Exception {
        final Path a = tmp.resolve("a.wav");
        final Path b = tmp.resolve("b.wav");
        Waveform.writePcm16(a, Fixtures.npy("tiny_wav2vec2_in0.npy").values());
        Waveform.writePcm16(b, Fixtures.npy("tiny_wav2vec2_in1.npy").values());
        try (ModelAudioEncoder one = open("tiny_audio.onnx", WaveformNormalisation.none(), LongAudio.CUT, 12, 1);
            ModelAudioEncoder two = open("tiny_audio.onnx", WaveformNormalisation.none(), LongAudio.CUT, 12, 2)) {
            final List<FeatureSequence> single = List.of(one.encode(a, new CancelToken()), one.encode(b, new CancelToken()));
            final List<FeatureSequence> batched = two.encodeBatch(List.of(a, b), new CancelToken());
            for (int i = 0; i < 2; i++) {
                assertEquals(single.get(i).frames(), batched.get(i).frames(), "frames of clip " + i);
            }
            // a causal model (conv, no normalisation over time) is unchanged by padding
            assertTrue(Fixtures.maxAbsDiff(single.get(0).values(), batched.get(0).values()) < 1e-5);
            assertEquals("2", two.settings().get("clips per batch"));
        }
    }

    @Test
    void wrongOutputRankNamesTheFileAndTheExpectedShape() {
        final IOException e = assertThrows(IOException.class,
            () -> open("wrong_rank_audio.pt", WaveformNormalisation.none(), LongAudio.CUT, 12, 1));
        assertTrue(e.getMessage().contains("wrong_rank_audio.pt") && e.getMessage().contains("returned shape (1, 8)")
            && e.getMessage().contains("(batch, frames, dim) = (1, frames, dim)"), e.getMessage());
        // a face model is not a speech model
        final IOException e2 = assertThrows(IOException.class,
            () -> open("tiny_cnn.onnx", WaveformNormalisation.none(), LongAudio.CUT, 12, 1));
        assertTrue(e2.getMessage().contains("tiny_cnn.onnx") && e2.getMessage().contains("(batch, samples)"),
            e2.getMessage());
        final IOException e3 = assertThrows(IOException.class,
            () -> open("tiny_cnn.pt", WaveformNormalisation.none(), LongAudio.CUT, 12, 1));
        assertTrue(e3.getMessage().contains("tiny_cnn.pt") && e3.getMessage().contains("(1, 16000)"), e3.getMessage());
    }

    @Test
    void badAudioFilesNameTheFile() throws Exception {
        try (ModelAudioEncoder enc = open("tiny_wav2vec2.pt", WaveformNormalisation.perUtterance(), LongAudio.CUT, 12,
            1)) {
            final Path missing = tmp.resolve("gone.wav");
            final IOException e = assertThrows(IOException.class, () -> enc.encode(missing, new CancelToken()));
            assertTrue(e.getMessage().contains("gone.wav") && e.getMessage().contains("does not exist"), e.getMessage());
            final Path junk = Files.write(tmp.resolve("junk.wav"), new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
            final IOException e2 = assertThrows(IOException.class, () -> enc.encode(junk, new CancelToken()));
            assertTrue(e2.getMessage().contains("junk.wav") && e2.getMessage().contains("not a readable WAV"),
                e2.getMessage());
            final Path tiny = tmp.resolve("tiny.wav");
            Waveform.writePcm16(tiny, new float[100]);
            final IOException e3 = assertThrows(IOException.class, () -> enc.encode(tiny, new CancelToken()));
            assertTrue(e3.getMessage().contains("tiny.wav") && e3.getMessage().contains("tiny_wav2vec2.pt"),
                e3.getMessage());
        }
    }
}
