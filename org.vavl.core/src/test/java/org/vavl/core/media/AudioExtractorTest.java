package org.vavl.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.Overwrite;
import org.vavl.testsupport.Oracles;

class AudioExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void toneInStereoAacMp4ComesOutAs16kMonoAt440Hz() throws Exception {
        final Path mp4 = TestMedia.clip(tmp.resolve("tone.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25, 3.0,
            44100, 2, TestMedia.tone(440, 0.5, 44100));
        final ExtractedAudio a = new AudioExtractor().extract("tone", mp4, tmp.resolve("out"), Overwrite.IF_CHANGED,
            new CancelToken());
        System.out.println(a);
        assertEquals(tmp.resolve("out").resolve("tone.wav"), a.wav());
        assertEquals(16000, TestMedia.wavRate(a.wav()));
        final float[] x = TestMedia.readWav(a.wav());
        assertEquals(x.length, a.samples());
        assertEquals(3.0, a.durationSeconds(), 0.020);
        assertEquals(440, peakHz(x, 16000), 2.0);
        // 0.5 amplitude sine: RMS = 0.5 / sqrt 2 = -9.03 dBFS
        assertEquals(-9.03, a.rmsDbfs(), 0.3);
        assertEquals(0, a.clippedRatio(), 0);
    }

    @Test
    void toneInFlvWithMp3() throws Exception {
        final Path flv = TestMedia.clip(tmp.resolve("tone.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 160, 120, 25, 3.0,
            44100, 2, TestMedia.tone(440, 0.5, 44100));
        final ExtractedAudio a = new AudioExtractor().extract("toneflv", flv, tmp.resolve("out"), Overwrite.IF_CHANGED,
            new CancelToken());
        System.out.println(a);
        final float[] x = TestMedia.readWav(a.wav());
        // FLV declares no audio length and MP3 carries no gapless information there: the decoded audio
        // begins with the MP3 codec delay of 1105 samples (LAME's 576 + the decoder's 529), as with ffmpeg
        assertEquals(3.0 + 1105 / 44100.0, a.durationSeconds(), 0.020);
        assertEquals(440, peakHz(x, 16000), 2.0);
    }

    @Test
    void realSpeechMuxedIntoVideoComesBackAlmostUnchanged() throws Exception {
        final Path jfk = Oracles.shared("data/media/jfk.wav"); // real speech: an extra from ../shared
        final float[] original = TestMedia.readWav(jfk);
        assertEquals(16000, TestMedia.wavRate(jfk));
        // 16 kHz speech on both channels of a stereo AAC track in an mp4 with H.264 video
        final Path mp4 = TestMedia.clip(tmp.resolve("jfk.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25,
            original.length / 16000.0, 16000, 2, (c, i) -> original[(int)i]);
        final ExtractedAudio a = new AudioExtractor().extract("jfk", mp4, tmp.resolve("out"), Overwrite.IF_CHANGED,
            new CancelToken());
        System.out.println(a + " (original " + original.length + " samples)");
        final float[] back = TestMedia.readWav(a.wav());
        assertEquals(original.length / 16000.0, a.durationSeconds(), 0.020);
        final double r = correlation(original, back, 0);
        System.out.printf("jfk correlation at lag 0: %.5f%n", r);
        assertTrue(r > 0.99, "correlation " + r);
    }

    @Test
    void floatOutputMaximumDurationAndOtherRates() throws Exception {
        final Path mp4 = TestMedia.clip(tmp.resolve("t.mp4"), ClipRecorder.Format.MP4_H264_AAC, 160, 120, 25, 2.0,
            48000, 2, TestMedia.tone(1000, 0.9, 48000));
        final ExtractedAudio f = new AudioExtractor(16000, AudioSampleFormat.FLOAT_32, 0).extract("t", mp4,
            tmp.resolve("float"), Overwrite.IF_CHANGED, new CancelToken());
        assertEquals("PCM_FLOAT", javax.sound.sampled.AudioSystem.getAudioFileFormat(f.wav().toFile()).getFormat()
            .getEncoding().toString());
        final ExtractedAudio p = new AudioExtractor().extract("t", mp4, tmp.resolve("pcm"), Overwrite.IF_CHANGED,
            new CancelToken());
        final float[] xf = TestMedia.readWav(f.wav());
        final float[] xp = TestMedia.readWav(p.wav());
        assertEquals(xf.length, xp.length);
        for (int i = 0; i < xf.length; i++) {
            assertEquals(xf[i], xp[i], 1.0 / 32768 + 1e-6, "sample " + i);
        }
        assertEquals(p.rmsDbfs(), f.rmsDbfs(), 0.01);
        // a 0.9 amplitude sine: -3.92 dBFS
        assertEquals(20 * Math.log10(0.9 / Math.sqrt(2)), p.rmsDbfs(), 0.1);

        final ExtractedAudio cut = new AudioExtractor(16000, AudioSampleFormat.PCM_16, 1.25).extract("t", mp4,
            tmp.resolve("cut"), Overwrite.IF_CHANGED, new CancelToken());
        assertEquals(20000, cut.samples());
        assertEquals(20000, TestMedia.readWav(cut.wav()).length);

        final ExtractedAudio r8 = new AudioExtractor(8000, AudioSampleFormat.PCM_16, 0).extract("t", mp4,
            tmp.resolve("r8"), Overwrite.IF_CHANGED, new CancelToken());
        assertEquals(8000, TestMedia.wavRate(r8.wav()));
        assertEquals(16000, r8.samples());
        assertEquals(1000, peakHz(TestMedia.readWav(r8.wav()), 8000), 2.0);
    }

    @Test
    void levelsOfAKnownSignalFromAWavFile() throws Exception {
        // lossless input (a WAV file is media too): 16000 samples, a quarter of them at full scale
        final float[] x = new float[16000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 4 == 0 ? (i % 8 == 0 ? 1.0f : -1.0f) : 0.25f;
        }
        final Path wav = TestMedia.writeWav(tmp.resolve("in.wav"), x, 16000);
        final ExtractedAudio a = new AudioExtractor().extract("lv", wav, tmp.resolve("o"), Overwrite.IF_CHANGED,
            new CancelToken());
        assertEquals(16000, a.samples());
        assertEquals(0.25, a.clippedRatio(), 1e-9);
        // mean square: 0.25 * 1 + 0.75 * 0.0625 = 0.296875 (+- 16-bit rounding)
        assertEquals(10 * Math.log10(0.296875), a.rmsDbfs(), 0.001);
        assertArrayEquals(TestMedia.readWav(wav), TestMedia.readWav(a.wav()));
    }

    /** Pearson correlation of x[i] and y[i + lag] over the common range. */
    static double correlation(final float[] x, final float[] y, final int lag) {
        final int from = Math.max(0, -lag);
        final int to = Math.min(x.length, y.length - lag);
        double sx = 0;
        double sy = 0;
        final int n = to - from;
        for (int i = from; i < to; i++) {
            sx += x[i];
            sy += y[i + lag];
        }
        final double mx = sx / n;
        final double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = from; i < to; i++) {
            final double a = x[i] - mx;
            final double b = y[i + lag] - my;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Frequency of the largest FFT magnitude (Hann window, zero-padded to a power of two). */
    static double peakHz(final float[] x, final int rate) {
        int n = 1;
        while (n < x.length) {
            n <<= 1;
        }
        n <<= 1;
        final double[] re = new double[n];
        for (int i = 0; i < x.length; i++) {
            re[i] = x[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (x.length - 1)));
        }
        final Complex[] spec = new FastFourierTransformer(DftNormalization.STANDARD).transform(re, TransformType.FORWARD);
        int best = 1;
        for (int k = 1; k < n / 2; k++) {
            if (spec[k].abs() > spec[best].abs()) {
                best = k;
            }
        }
        return (double)best * rate / n;
    }
}
