package org.vavl.core.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's synthetic voice: a source-filter speech synthesiser. A glottal pulse train (Rosenberg pulse,
 * its derivative as the excitation, with jitter, shimmer and breath noise) goes through a cascade of four
 * formant resonators that glide between the vowel targets of the syllables; consonant onsets add closure
 * and burst (plosives), filtered noise (fricatives) or a nasal murmur. Syllables follow a rhythm with
 * stressed syllables longer and louder and word pauses; the pitch contour has a speaker level, an emotion
 * level and range, accents on stressed syllables and declination.
 *
 * <p>How emotions sound (at full intensity, relative to neutral; after the acoustic correlates reported
 * for acted emotional speech): angry: higher, wide range, fast, loud, pressed voice; happy: higher still,
 * widest range, fairly fast, loud, formants slightly raised (smiling); sad: lower, flat, slow, soft,
 * breathy; fear: highest, fast, soft, breathy, trembling and irregular; disgust: a little lower, slow,
 * creaky (irregular) and pressed. So angry and happy overlap (high, loud), sad and disgust overlap (slow,
 * low), as they do in real speech; intensity and per-clip jitter add more overlap.
 *
 * <p>Deterministic: all randomness comes from the {@link Random} given by the caller.
 */
final class DemoVoice {

    /** Onset consonant of a syllable. */
    enum Onset {
        NONE, PLOSIVE, FRICATIVE, NASAL
    }

    /** A syllable of a sentence: vowel (index into the vowel table), onset consonant, stress, word end. */
    record Syllable(int vowel, Onset onset, boolean stressed, boolean wordEnd) {
    }

    /** A speaker's voice. */
    record Voice(double basePitchHz, double formantScale, double tempoFactor, double loudnessDb, double breathiness,
        double expressiveness) {
    }

    /** The prosody of one utterance after emotion and intensity are applied. */
    static final class Prosody {
        double pitchFactor = 1;

        double pitchRange = 0.15;

        double tempo = 4.6;

        double loudnessDb;

        double openQuotient = 0.55;

        double breathiness = 0.03;

        double jitter = 0.006;

        double tremor;

        double formantShift = 1;

        double finalRise;
    }

    /** One synthesised utterance with the articulation the face animation follows. */
    static final class Utterance {
        /** mono samples in [-1, 1] */
        float[] samples;

        /** mouth opening per millisecond, 0..1 */
        float[] mouth;

        /** stress accent per millisecond, 0..1 (head nods) */
        float[] stress;

        int sampleRate;

        double seconds() {
            return samples.length / (double)sampleRate;
        }

        /** @return the mouth opening at time t (seconds), averaged over +-15 ms */
        double mouthAt(final double t) {
            return averageAround(mouth, t);
        }

        /** @return the stress accent at time t (seconds) */
        double stressAt(final double t) {
            return averageAround(stress, t);
        }

        private static double averageAround(final float[] perMs, final double t) {
            final int c = (int)Math.round(t * 1000);
            double sum = 0;
            int n = 0;
            for (int i = c - 15; i <= c + 15; i++) {
                if (i >= 0 && i < perMs.length) {
                    sum += perMs[i];
                    n++;
                }
            }
            return n == 0 ? 0 : sum / n;
        }
    }

    /** Vowels: F1..F4 (Hz, adult male) and how far the mouth opens. a, e, i, o, u, ae, er. */
    private static final double[][] VOWELS = {
        {730, 1090, 2440, 3400, 1.0},
        {530, 1840, 2480, 3500, 0.6},
        {290, 2290, 3010, 3600, 0.35},
        {570, 840, 2410, 3300, 0.8},
        {320, 870, 2240, 3300, 0.4},
        {660, 1720, 2410, 3400, 0.9},
        {490, 1350, 1690, 3300, 0.5},
    };

    private static final double[] NASAL_FORMANTS = {260, 1000, 2200, 3300};

    private static final double[] BANDWIDTHS = {70, 100, 140, 220};

    private DemoVoice() {
    }

    /** A sentence of 7 to 9 syllables in 3 to 5 words, the same for every speaker and emotion. */
    static List<Syllable> sentence(final Random r) {
        final int n = 7 + r.nextInt(3);
        final List<Syllable> out = new ArrayList<>(n);
        int wordLeft = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            final Onset onset = Onset.values()[r.nextInt(4)];
            final boolean stressed = r.nextDouble() < 0.35 || i == 0;
            wordLeft--;
            final boolean wordEnd = wordLeft == 0 || i == n - 1;
            if (wordEnd) {
                wordLeft = 1 + r.nextInt(3);
            }
            out.add(new Syllable(r.nextInt(VOWELS.length), onset, stressed, wordEnd));
        }
        return out;
    }

    /** The neutral prosody shifted towards the emotion's by {@code intensity} (0..1, more allowed). */
    static Prosody prosody(final DemoEmotion e, final double intensity, final Voice voice, final Random r) {
        final Prosody n = new Prosody();
        final Prosody t = new Prosody();
        switch (e) {
            case ANGRY:
                set(t, 1.22, 0.34, 5.3, 7, 0.36, 0.02, 0.010, 0, 1.02, 0);
                break;
            case HAPPY:
                set(t, 1.30, 0.45, 5.0, 4, 0.50, 0.03, 0.008, 0, 1.05, 0.15);
                break;
            case SAD:
                set(t, 0.90, 0.06, 3.6, -6, 0.72, 0.14, 0.012, 0, 0.98, -0.05);
                break;
            case FEAR:
                set(t, 1.36, 0.24, 5.6, -2, 0.62, 0.11, 0.028, 0.045, 1.01, 0.2);
                break;
            case DISGUST:
                set(t, 0.95, 0.20, 3.9, 1, 0.42, 0.05, 0.030, 0, 0.97, -0.1);
                break;
            default:
                set(t, 1.0, 0.15, 4.6, 0, 0.55, 0.03, 0.006, 0, 1.0, 0);
        }
        final double k = intensity * voice.expressiveness();
        final Prosody p = new Prosody();
        p.pitchFactor = lerp(n.pitchFactor, t.pitchFactor, k) * (1 + 0.04 * r.nextGaussian());
        p.pitchRange = Math.max(0.02, lerp(n.pitchRange, t.pitchRange, k) * (1 + 0.2 * r.nextGaussian()));
        p.tempo = lerp(n.tempo, t.tempo, k) * voice.tempoFactor() * (1 + 0.05 * r.nextGaussian());
        p.loudnessDb = lerp(n.loudnessDb, t.loudnessDb, k) + voice.loudnessDb() + 1.0 * r.nextGaussian();
        p.openQuotient = clamp(lerp(n.openQuotient, t.openQuotient, k) + 0.03 * r.nextGaussian(), 0.3, 0.8);
        p.breathiness = Math.max(0, lerp(n.breathiness, t.breathiness, k) + voice.breathiness()
            + 0.01 * r.nextGaussian());
        p.jitter = Math.max(0.002, lerp(n.jitter, t.jitter, k) * (1 + 0.2 * r.nextGaussian()));
        p.tremor = Math.max(0, lerp(n.tremor, t.tremor, k));
        p.formantShift = lerp(n.formantShift, t.formantShift, k);
        p.finalRise = lerp(n.finalRise, t.finalRise, k) + 0.05 * r.nextGaussian();
        return p;
    }

    private static void set(final Prosody p, final double pitch, final double range, final double tempo,
        final double loud, final double oq, final double breath, final double jitter, final double tremor,
        final double formants, final double finalRise) {
        p.pitchFactor = pitch;
        p.pitchRange = range;
        p.tempo = tempo;
        p.loudnessDb = loud;
        p.openQuotient = oq;
        p.breathiness = breath;
        p.jitter = jitter;
        p.tremor = tremor;
        p.formantShift = formants;
        p.finalRise = finalRise;
    }

    private enum Kind {
        SILENCE, CLOSURE, BURST, FRICATIVE, NASAL, VOWEL
    }

    private record Segment(Kind kind, int start, int end, int vowel, boolean stressed, double accent) {
    }

    /** Synthesises one utterance of the sentence. */
    static Utterance synthesize(final List<Syllable> sentence, final Voice voice, final Prosody p,
        final int sampleRate, final Random r) {
        final double fs = sampleRate;
        // timeline
        final List<Segment> segs = new ArrayList<>();
        int pos = 0;
        pos = add(segs, Kind.SILENCE, pos, (int)((0.18 + 0.1 * r.nextDouble()) * fs), 0, false, 0);
        final double syl = 1.0 / p.tempo;
        for (Syllable s : sentence) {
            final double dur = syl * (s.stressed() ? 1.25 : 0.88) * (0.88 + 0.24 * r.nextDouble());
            double rest = dur;
            switch (s.onset()) {
                case PLOSIVE:
                    pos = add(segs, Kind.CLOSURE, pos, (int)(0.045 * fs), s.vowel(), false, 0);
                    pos = add(segs, Kind.BURST, pos, (int)(0.012 * fs), s.vowel(), false, 0);
                    rest -= 0.057;
                    break;
                case FRICATIVE:
                    pos = add(segs, Kind.FRICATIVE, pos, (int)(0.075 * fs), s.vowel(), false, 0);
                    rest -= 0.075;
                    break;
                case NASAL:
                    pos = add(segs, Kind.NASAL, pos, (int)(0.055 * fs), s.vowel(), false, 0);
                    rest -= 0.055;
                    break;
                default:
                    break;
            }
            final double accent = s.stressed() ? 0.7 + 0.6 * r.nextDouble() : 0.25 * r.nextDouble();
            pos = add(segs, Kind.VOWEL, pos, (int)(Math.max(0.06, rest) * fs), s.vowel(), s.stressed(), accent);
            if (s.wordEnd() && s != sentence.get(sentence.size() - 1)) {
                pos = add(segs, Kind.SILENCE, pos, (int)((0.04 + 0.06 * r.nextDouble()) * Math.sqrt(4.6 / p.tempo) * fs), 0,
                    false, 0);
            }
        }
        final int speechEnd = pos;
        pos = add(segs, Kind.SILENCE, pos, (int)((0.2 + 0.1 * r.nextDouble()) * fs), 0, false, 0);
        final int n = pos;

        final float[] out = new float[n];
        final float[] mouth = new float[n / (sampleRate / 1000) + 1];
        final float[] stress = new float[mouth.length];
        final double[] fCur = new double[4];
        final double[] fTarget = new double[4];
        System.arraycopy(NASAL_FORMANTS, 0, fCur, 0, 4);
        final Resonator[] cascade = new Resonator[4];
        for (int i = 0; i < 4; i++) {
            cascade[i] = new Resonator();
        }
        final Resonator fric = new Resonator();
        final Resonator burst = new Resonator();
        final double formantScale = voice.formantScale() * p.formantShift;
        final double smoothF = 1 - Math.exp(-1 / (0.022 * fs));
        final double smoothA = 1 - Math.exp(-1 / (0.008 * fs));
        final double base = voice.basePitchHz() * p.pitchFactor;
        final double totalSpeech = speechEnd / fs;

        double phase = 0;
        double periodJitter = 1;
        double periodShimmer = 1;
        double prevG = 0;
        double voicedAmp = 0;
        double noiseAmp = 0;
        double burstAmp = 0;
        double mouthOpen = 0;
        double fricFreq = 4500;
        int seg = 0;
        double voicedEnergy = 0;
        long voicedCount = 0;
        for (int i = 0; i < n; i++) {
            while (seg < segs.size() - 1 && i >= segs.get(seg).end()) {
                seg++;
                final Segment s = segs.get(seg);
                if (s.kind() == Kind.FRICATIVE) {
                    fricFreq = r.nextBoolean() ? 5200 + 600 * r.nextDouble() : 2800 + 500 * r.nextDouble();
                    fric.set(fricFreq, 1600, fs);
                } else if (s.kind() == Kind.BURST) {
                    burst.set(1200 + 2000 * r.nextDouble(), 2500, fs);
                }
            }
            final Segment s = segs.get(seg);
            final double t = i / fs;
            // targets
            double vTarget = 0;
            double nTarget = 0;
            double bTarget = 0;
            double open = 0;
            switch (s.kind()) {
                case VOWEL: {
                    final double[] v = VOWELS[s.vowel()];
                    for (int k = 0; k < 4; k++) {
                        fTarget[k] = v[k] * formantScale;
                    }
                    final double into = (i - s.start()) / fs;
                    final double left = (s.end() - i) / fs;
                    final double env = Math.min(1, into / 0.03) * Math.min(1, left / 0.04);
                    vTarget = (s.stressed() ? 1.0 : 0.72) * env;
                    open = v[4] * env;
                    break;
                }
                case NASAL:
                    for (int k = 0; k < 4; k++) {
                        fTarget[k] = NASAL_FORMANTS[k] * formantScale;
                    }
                    vTarget = 0.3;
                    open = 0.1;
                    break;
                case FRICATIVE:
                    nTarget = 0.35;
                    vTarget = 0.05;
                    open = 0.15;
                    break;
                case BURST:
                    bTarget = 0.9;
                    open = 0.3;
                    break;
                default:
                    break;
            }
            if (s.kind() != Kind.VOWEL && s.kind() != Kind.NASAL) {
                // formants move towards the next vowel during consonants and silences
                final int nextVowel = nextVowel(segs, seg);
                if (nextVowel >= 0) {
                    for (int k = 0; k < 4; k++) {
                        fTarget[k] = VOWELS[nextVowel][k] * formantScale;
                    }
                }
            }
            voicedAmp += (vTarget - voicedAmp) * smoothA;
            noiseAmp += (nTarget - noiseAmp) * smoothA;
            burstAmp += (bTarget - burstAmp) * (smoothA * 4);
            mouthOpen += (open - mouthOpen) * (smoothA / 3);
            for (int k = 0; k < 4; k++) {
                fCur[k] += (fTarget[k] - fCur[k]) * smoothF;
            }
            if ((i & 15) == 0) {
                for (int k = 0; k < 4; k++) {
                    final double bw = BANDWIDTHS[k] * (1 + 2 * p.breathiness);
                    cascade[k].set(Math.min(fCur[k], 0.45 * fs), bw, fs);
                }
            }

            // pitch
            double accent = 0;
            for (int j = Math.max(0, seg - 3); j < Math.min(segs.size(), seg + 4); j++) {
                final Segment a = segs.get(j);
                if (a.kind() == Kind.VOWEL && a.accent() > 0) {
                    final double c = (a.start() + a.end()) / 2.0 / fs;
                    final double w = Math.max(0.08, (a.end() - a.start()) / fs);
                    final double x = (t - c) / w;
                    if (Math.abs(x) < 1) {
                        accent += a.accent() * 0.5 * (1 + Math.cos(Math.PI * x));
                    }
                }
            }
            final double progress = Math.min(1, t / Math.max(0.1, totalSpeech));
            final double declination = 1.06 - 0.14 * progress + p.finalRise * Math.max(0, progress - 0.85) / 0.15;
            final double tremor = 1 + p.tremor * Math.sin(2 * Math.PI * 6.2 * t);
            final double f0 = base * declination * (1 + p.pitchRange * accent) * tremor;

            // glottal source
            phase += f0 / fs * periodJitter;
            if (phase >= 1) {
                phase -= 1;
                periodJitter = 1 + p.jitter * r.nextGaussian();
                periodShimmer = Math.max(0.2, 1 + 2.5 * p.jitter * r.nextGaussian());
            }
            final double g = rosenberg(phase, p.openQuotient);
            final double dg = (g - prevG) * fs / Math.max(60, f0) / 40;
            prevG = g;
            final double white = r.nextDouble() * 2 - 1;
            final double openPhase = phase < p.openQuotient ? 1 : 0.3;
            final double aspiration = p.breathiness * white * openPhase * 1.8;
            double x = voicedAmp * (dg * periodShimmer + aspiration);
            for (Resonator res : cascade) {
                x = res.filter(x);
            }
            double y = x;
            if (noiseAmp > 1e-4) {
                y += noiseAmp * fric.filter(r.nextDouble() * 2 - 1) * 0.6;
            }
            if (burstAmp > 1e-4) {
                y += burstAmp * burst.filter(r.nextDouble() * 2 - 1) * 0.8;
            }
            out[i] = (float)y;
            if (voicedAmp > 0.2) {
                voicedEnergy += y * y;
                voicedCount++;
            }
            final int ms = i / (sampleRate / 1000);
            if (ms < mouth.length) {
                mouth[ms] = (float)Math.max(mouth[ms], mouthOpen);
                stress[ms] = (float)Math.max(stress[ms], Math.min(1, accent) * voicedAmp);
            }
        }

        // loudness: the voiced part at -23 dBFS RMS for neutral, shifted by the prosody's loudness
        final double rms = Math.sqrt(voicedEnergy / Math.max(1, voicedCount));
        final double gain = 0.07 * Math.pow(10, p.loudnessDb / 20) / Math.max(1e-9, rms);
        final double noise = Math.pow(10, (-58 + 10 * r.nextDouble()) / 20);
        for (int i = 0; i < n; i++) {
            final double v = out[i] * gain + noise * r.nextGaussian();
            out[i] = (float)(Math.abs(v) < 0.7 ? v : Math.signum(v) * (0.7 + 0.29 * Math.tanh((Math.abs(v) - 0.7) / 0.29)));
        }
        final Utterance u = new Utterance();
        u.samples = out;
        u.mouth = mouth;
        u.stress = stress;
        u.sampleRate = sampleRate;
        return u;
    }

    private static int nextVowel(final List<Segment> segs, final int from) {
        for (int j = from; j < segs.size(); j++) {
            if (segs.get(j).kind() == Kind.VOWEL) {
                return segs.get(j).vowel();
            }
        }
        return -1;
    }

    private static int add(final List<Segment> segs, final Kind kind, final int start, final int length, final int vowel,
        final boolean stressed, final double accent) {
        final int len = Math.max(1, length);
        segs.add(new Segment(kind, start, start + len, vowel, stressed, accent));
        return start + len;
    }

    /** Rosenberg glottal flow pulse over one period (phase 0..1); open for {@code oq} of the period. */
    private static double rosenberg(final double phase, final double oq) {
        final double tp = oq * 0.66;
        final double tn = oq * 0.34;
        if (phase < tp) {
            return 0.5 * (1 - Math.cos(Math.PI * phase / tp));
        }
        if (phase < tp + tn) {
            return Math.cos(0.5 * Math.PI * (phase - tp) / tn);
        }
        return 0;
    }

    private static double lerp(final double a, final double b, final double k) {
        return a + (b - a) * k;
    }

    private static double clamp(final double v, final double lo, final double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** A two-pole resonator with unit gain at DC (Klatt's formant resonator). */
    private static final class Resonator {
        private double m_a = 1;

        private double m_b;

        private double m_c;

        private double m_y1;

        private double m_y2;

        void set(final double freq, final double bandwidth, final double fs) {
            m_c = -Math.exp(-2 * Math.PI * bandwidth / fs);
            m_b = 2 * Math.exp(-Math.PI * bandwidth / fs) * Math.cos(2 * Math.PI * freq / fs);
            m_a = 1 - m_b - m_c;
        }

        double filter(final double x) {
            final double y = m_a * x + m_b * m_y1 + m_c * m_y2;
            m_y2 = m_y1;
            m_y1 = y;
            return y;
        }
    }
}
