package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.CancelToken;
import org.vavl.testsupport.Oracles;

class LogMelEncoderTest {

    @TempDir
    Path tmp;

    private static float[] tone(final double hz, final int n, final long seed) {
        final Random rnd = new Random(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float)(0.5 * Math.sin(2 * Math.PI * hz * i / 16000.0) + 0.01 * rnd.nextGaussian());
        }
        return x;
    }

    @Test
    void documentedShapeAndDeterministic() throws Exception {
        final Path wav = tmp.resolve("a.wav");
        Waveform.writePcm16(wav, tone(440, 16000, 1));
        try (LogMelEncoder enc = new LogMelEncoder()) {
            assertEquals(512, enc.nFft());
            assertEquals(160, enc.hop());
            final FeatureSequence a = enc.encode(wav, new CancelToken());
            final FeatureSequence b = enc.encode(wav, new CancelToken());
            assertEquals(1 + (16000 - 512) / 160, a.frames()); // 97 frames for 1 s
            assertEquals(80, a.dim());
            assertArrayEquals(a.values(), b.values(), 0f);
            for (float v : a.values()) {
                assertTrue(v >= Math.log(1e-6) - 1e-4 && Float.isFinite(v), "log with a floor: " + v);
            }
        }
        try (LogMelEncoder enc = new LogMelEncoder(40, 25, 10, 1e-6)) {
            assertEquals(40, enc.encode(wav, new CancelToken()).dim());
        }
    }

    @Test
    void toneLandsInTheRightMelBand() throws Exception {
        try (LogMelEncoder enc = new LogMelEncoder()) {
            final FeatureSequence f = enc.encodeWaveform(tone(1000, 8000, 2), new CancelToken());
            // the band whose centre is nearest 1 kHz is the loudest
            final double mMax = LogMelEncoder.hzToMel(8000);
            int want = 0;
            double best = Double.MAX_VALUE;
            for (int m = 0; m < 80; m++) {
                final double centre = LogMelEncoder.melToHz(mMax * (m + 1) / 81);
                if (Math.abs(centre - 1000) < best) {
                    best = Math.abs(centre - 1000);
                    want = m;
                }
            }
            final float[] frame = f.frame(10);
            int arg = 0;
            for (int m = 1; m < 80; m++) {
                arg = frame[m] > frame[arg] ? m : arg;
            }
            assertTrue(Math.abs(arg - want) <= 1, "loudest band " + arg + ", expected about " + want);
        }
    }

    @Test
    void longAudioInPiecesEqualsOnePass() throws Exception {
        // 70 s: more than one piece of 6000 frames
        final float[] x = tone(300, 16000 * 70, 3);
        try (LogMelEncoder enc = new LogMelEncoder()) {
            final FeatureSequence all = enc.encodeWaveform(x, new CancelToken());
            assertEquals(enc.framesFor(x.length), all.frames());
            final float[] tail = java.util.Arrays.copyOfRange(x, 6000 * 160, x.length);
            final FeatureSequence second = enc.encodeWaveform(tail, new CancelToken());
            for (int t = 0; t < 5; t++) {
                assertArrayEquals(second.frame(t), all.frame(6000 + t), 1e-4f);
            }
        }
    }

    @Test
    void tooShortAudioIsAClearError() throws Exception {
        final Path wav = tmp.resolve("short.wav");
        Waveform.writePcm16(wav, new float[300]);
        try (LogMelEncoder enc = new LogMelEncoder()) {
            final IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> enc.encode(wav, new CancelToken()));
            assertTrue(e.getMessage().contains("short.wav") && e.getMessage().contains("shorter than one feature frame"),
                e.getMessage());
        }
    }

    @Test
    void matchesTorchaudio() throws Exception {
        Oracles.requirePython("torch", "torchaudio", "numpy");
        final float[] x = tone(523, 12000, 4);
        final Path in = tmp.resolve("x.npy");
        Npy.write(in, new FeatureSequence(x, 1, x.length));
        final Path out = tmp.resolve("ref.npy");
        Fixtures.runPython(120, "-c", String.join("\n",
            "import numpy as np, torch, torchaudio, sys",
            "x = torch.from_numpy(np.load(sys.argv[1]))",
            "m = torchaudio.transforms.MelSpectrogram(16000, n_fft=512, win_length=400, hop_length=160, f_min=0.0,",
            "    f_max=8000.0, n_mels=80, power=2.0, center=False, norm=None, mel_scale='htk')(x)[0]",
            "np.save(sys.argv[2], torch.log(torch.clamp(m, min=1e-6)).T.contiguous().numpy())"),
            in.toString(), out.toString());
        final FeatureSequence want = Npy.read(out);
        try (LogMelEncoder enc = new LogMelEncoder()) {
            final FeatureSequence got = enc.encodeWaveform(x, new CancelToken());
            assertEquals(want.frames(), got.frames());
            assertEquals(want.dim(), got.dim());
            final double d = Fixtures.maxAbsDiff(want.values(), got.values());
            System.out.println("log-mel: max |DJL - torchaudio| = " + d);
            assertTrue(d < 1e-3, "max |java - torchaudio| on log-mel = " + d);
        }
    }
}
