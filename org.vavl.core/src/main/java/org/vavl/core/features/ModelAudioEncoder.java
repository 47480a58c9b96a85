package org.vavl.core.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.vavl.core.features.EncoderModel.Tensor;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.CancelToken;

/**
 * Audio encoder that runs a user's speech model (TorchScript or ONNX), wav2vec2 style: the model takes the
 * 16 kHz waveform as {@code (batch, samples)} and returns {@code (batch, frames, dim)} (wav2vec2: 50 frames
 * per second). {@code tools/export/export_wav2vec2.py} makes such a file from a wav2vec2 checkpoint cut to N
 * layers, as the reference uses wav2vec2-large-robust's first 12 layers.
 *
 * <p>Per clip: the WAV is read, normalised ({@link WaveformNormalisation}), and long audio is either cut to
 * the maximum length (the reference cuts at 12 s) or split into equal chunks of at most that length whose
 * frames are concatenated. With {@code clipsPerBatch} &gt; 1 clips of similar length go through the model
 * together, zero-padded to the longest; each clip keeps the frames it would have on its own (the
 * model's frame rule {@code 1 + floor((n - field) / hop)} is learnt at load time; for models without such a
 * rule, {@code round(T * n_i / n_max)} of the batch's {@code T} frames). Padding can change a model's output slightly (wav2vec2 has no padding mask in this
 * form), so the default of 1 clip per batch gives each clip's exact features.
 */
public final class ModelAudioEncoder implements ClipEncoder {

    /** What happens to audio longer than the maximum length. */
    public enum LongAudio {
        /** Keep only the first {@code max seconds} (the reference: 12 s). */
        CUT("cut"),
        /** Split into equal chunks of at most {@code max seconds}, encode each, concatenate the frames. */
        CHUNK("chunk");

        private final String m_setting;

        LongAudio(final String s) {
            m_setting = s;
        }

        /** @return the value stored in settings */
        public String settingValue() {
            return m_setting;
        }

        /** Parses a setting value. */
        public static LongAudio fromSetting(final String v) {
            for (LongAudio l : values()) {
                if (l.m_setting.equalsIgnoreCase(v == null ? "" : v.trim())) {
                    return l;
                }
            }
            throw new IllegalArgumentException("Unknown long audio setting '" + v + "': use 'cut' or 'chunk'.");
        }
    }

    /** The reference's maximum audio length, seconds. */
    public static final double DEFAULT_MAX_SECONDS = 12;

    private final EncoderModel m_model;

    private final WaveformNormalisation m_norm;

    private final LongAudio m_long;

    private final double m_maxSeconds;

    private final int m_maxSamples;

    private final int m_clipsPerBatch;

    private final int m_dim;

    /** {field, hop} of the model's frames, or null; used to trim padded batch outputs. */
    private final int[] m_frameRule;

    /** Frames per second of audio (frames of 2 s minus frames of 1 s of silence), 0 when the model has no rate. */
    private final int m_framesPerSecond;

    private ModelAudioEncoder(final EncoderModel model, final WaveformNormalisation norm, final LongAudio longAudio,
        final double maxSeconds, final int clipsPerBatch) throws IOException {
        m_model = model;
        m_norm = norm;
        m_long = longAudio;
        m_maxSeconds = maxSeconds;
        m_maxSamples = maxSeconds > 0 ? (int)Math.round(maxSeconds * Waveform.SAMPLE_RATE) : Integer.MAX_VALUE;
        m_clipsPerBatch = clipsPerBatch;
        m_dim = probe();
        m_frameRule = clipsPerBatch > 1 ? learnFrameRule() : null;
        final int rate = framesOf(2 * Waveform.SAMPLE_RATE) - framesOf(Waveform.SAMPLE_RATE);
        m_framesPerSecond = Math.max(0, rate);
    }

    /**
     * For batches, how many frames a clip of {@code n} samples gives on its own, learnt from the model:
     * {@code 1 + floor((n - field) / hop)} (the rule of a convolutional front end such as wav2vec2's: field 400,
     * hop 320). Null when the model does not follow such a rule; then frames are kept in proportion to length.
     */
    private int[] learnFrameRule() {
        final int l = Waveform.SAMPLE_RATE;
        final int t1 = framesOf(l);
        final int t2 = framesOf(2 * l);
        if (t1 <= 0 || t2 <= t1) {
            return null;
        }
        final int hop = (int)Math.round((double)l / (t2 - t1));
        int lo = 1;
        int hi = l;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (framesOf(mid) >= 1) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        final int[] rule = {lo, hop};
        for (int n : new int[]{l, 2 * l, l + hop / 2, lo + 3 * hop - 1}) {
            if (framesOf(n) != framesByRule(rule, n)) {
                return null;
            }
        }
        return rule;
    }

    private static int framesByRule(final int[] rule, final long n) {
        return n < rule[0] ? 0 : (int)(1 + (n - rule[0]) / rule[1]);
    }

    /** @return frames the model gives for n samples of silence, 0 when it fails */
    private int framesOf(final int n) {
        try {
            final Tensor out = m_model.run(new Tensor(new float[n], 1, n));
            return out.rank() == 3 ? (int)out.shape()[1] : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Loads the model and checks it on one second of silence: it must take {@code (1, 16000)} and return
     * {@code (1, frames, dim)}.
     *
     * @param modelFile TorchScript ({@code .pt}) or ONNX ({@code .onnx})
     * @param norm waveform normalisation
     * @param longAudio cut or chunk audio longer than {@code maxSeconds}
     * @param maxSeconds maximum length per model call; 0 or less: no limit
     * @param clipsPerBatch clips per model call (1: exact per-clip features)
     * @param device {@code auto}, {@code cpu} or {@code gpu}
     * @throws IOException naming the file and the expected shapes when it cannot be loaded or does not fit
     */
    public static ModelAudioEncoder open(final Path modelFile, final WaveformNormalisation norm,
        final LongAudio longAudio, final double maxSeconds, final int clipsPerBatch, final String device)
        throws IOException {
        if (clipsPerBatch < 1) {
            throw new IllegalArgumentException("Clips per batch must be at least 1, got " + clipsPerBatch + ".");
        }
        if (maxSeconds > 0 && maxSeconds < 0.1) {
            throw new IllegalArgumentException("Maximum audio length must be at least 0.1 s (or 0 for no limit), got "
                + maxSeconds + ".");
        }
        final EncoderModel model = EncoderModel.load(modelFile, device);
        try {
            return new ModelAudioEncoder(model, norm, longAudio, maxSeconds, clipsPerBatch);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private int probe() throws IOException {
        final String file = m_model.file().toString();
        final long[] declared = m_model.declaredInputShape();
        if (declared != null && declared.length != 2) {
            throw new IOException("Model '" + file + "' takes input " + EncoderModel.shapeText(declared)
                + "; an audio model must take the waveform as (batch, samples). Export it with"
                + " tools/export/export_wav2vec2.py.");
        }
        final long[] in = {1, Waveform.SAMPLE_RATE};
        final Tensor out;
        try {
            out = m_model.run(new Tensor(new float[Waveform.SAMPLE_RATE], in));
        } catch (Exception e) {
            throw new IOException("Model '" + file + "' cannot take a waveform of shape " + EncoderModel.shapeText(in)
                + " (batch, samples): " + EncoderModel.engineMessage(e)
                + ". An audio model must take (batch, samples) and return (batch, frames, dim).", e);
        }
        return checkOutput(out, in, "one second of silence");
    }

    private int checkOutput(final Tensor out, final long[] in, final String what) throws IOException {
        final long[] s = out.shape();
        if (s.length != 3 || s[0] != in[0] || s[2] < 1) {
            throw new IOException("Model '" + m_model.file() + "' returned shape " + EncoderModel.shapeText(s)
                + " for input " + EncoderModel.shapeText(in) + " (" + what + "); an audio model must return (batch,"
                + " frames, dim) = (" + in[0] + ", frames, dim), wav2vec2 style. Export it with"
                + " tools/export/export_wav2vec2.py.");
        }
        return (int)s[2];
    }

    @Override
    public int dim() {
        return m_dim;
    }

    @Override
    public int clipsPerBatch() {
        return m_clipsPerBatch;
    }

    /** @return the model */
    public EncoderModel model() {
        return m_model;
    }

    @Override
    public Map<String, String> settings() {
        final Map<String, String> s = new TreeMap<>();
        s.put("encoder", "audio model");
        s.put("model file", m_model.file().getFileName().toString());
        s.put("model sha256", m_model.sha256());
        s.put("waveform normalisation", m_norm.toString());
        s.put("long audio", m_long.settingValue());
        s.put("max seconds", m_maxSeconds > 0 ? Double.toString(m_maxSeconds) : "none");
        s.put("clips per batch", Integer.toString(m_clipsPerBatch));
        if (m_framesPerSecond > 0) {
            // what the AuxFormer Learner converts its maximum audio duration by
            s.put(FeatureRecord.FRAMES_PER_SECOND, Integer.toString(m_framesPerSecond));
        }
        return s;
    }

    @Override
    public long inputLength(final Path input) {
        return Waveform.declaredSamples(input);
    }

    @Override
    public FeatureSequence encode(final Path wav, final CancelToken cancel) throws IOException, CancelledException {
        return encodeBatch(List.of(wav), cancel).get(0);
    }

    /**
     * Encodes 16 kHz samples (normalisation and long-audio handling included).
     *
     * @param source names the audio in messages
     */
    public FeatureSequence encodeWaveform(final float[] samples, final String source, final CancelToken cancel)
        throws IOException, CancelledException {
        return encodeAll(List.of(samples), List.of(source), cancel).get(0);
    }

    @Override
    public List<FeatureSequence> encodeBatch(final List<Path> inputs, final CancelToken cancel)
        throws IOException, CancelledException {
        final List<float[]> waves = new ArrayList<>(inputs.size());
        final List<String> names = new ArrayList<>(inputs.size());
        for (Path p : inputs) {
            cancel.check();
            waves.add(Waveform.read(p));
            names.add(p.toString());
        }
        return encodeAll(waves, names, cancel);
    }

    private static final class Segment {
        final int owner;

        final float[] samples;

        Segment(final int owner, final float[] samples) {
            this.owner = owner;
            this.samples = samples;
        }
    }

    private List<FeatureSequence> encodeAll(final List<float[]> waves, final List<String> names,
        final CancelToken cancel) throws IOException, CancelledException {
        final List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < waves.size(); i++) {
            final float[] x = waves.get(i);
            if (x.length == 0) {
                throw new IOException("Audio file '" + names.get(i) + "' holds no samples. The clip has no audio.");
            }
            if (x.length <= m_maxSamples) {
                segments.add(new Segment(i, m_norm.apply(x)));
            } else if (m_long == LongAudio.CUT) {
                segments.add(new Segment(i, m_norm.apply(Arrays.copyOf(x, m_maxSamples))));
            } else {
                final int chunks = (int)((x.length + (long)m_maxSamples - 1) / m_maxSamples);
                final float[] all = m_norm.apply(x);
                final int size = (int)((x.length + (long)chunks - 1) / chunks);
                for (int start = 0; start < x.length; start += size) {
                    segments.add(new Segment(i, Arrays.copyOfRange(all, start, Math.min(x.length, start + size))));
                }
            }
        }
        final List<FrameBuffer> rows = new ArrayList<>();
        for (int i = 0; i < waves.size(); i++) {
            rows.add(new FrameBuffer(m_dim));
        }
        final int per = Math.max(1, m_clipsPerBatch);
        for (int first = 0; first < segments.size(); first += per) {
            cancel.check();
            final List<Segment> group = segments.subList(first, Math.min(segments.size(), first + per));
            runGroup(group, rows, names);
        }
        final List<FeatureSequence> out = new ArrayList<>(waves.size());
        for (int i = 0; i < waves.size(); i++) {
            final FeatureSequence seq = rows.get(i).toSequence();
            if (seq.frames() == 0) {
                throw new IOException("Audio file '" + names.get(i) + "' (" + waves.get(i).length
                    + " samples) is shorter than one feature frame of model '" + m_model.file().getFileName() + "'.");
            }
            out.add(seq);
        }
        return out;
    }

    private void runGroup(final List<Segment> group, final List<FrameBuffer> rows, final List<String> names)
        throws IOException {
        int longest = 0;
        for (Segment s : group) {
            longest = Math.max(longest, s.samples.length);
        }
        final int b = group.size();
        final float[] x = new float[b * longest];
        for (int i = 0; i < b; i++) {
            System.arraycopy(group.get(i).samples, 0, x, i * longest, group.get(i).samples.length);
        }
        final long[] in = {b, longest};
        final Tensor out;
        try {
            out = m_model.run(new Tensor(x, in));
        } catch (Exception e) {
            final String who = names.get(group.get(0).owner);
            throw new IOException("Model '" + m_model.file() + "' failed on audio '" + who + "' (input "
                + EncoderModel.shapeText(in) + ", " + String.format(Locale.ROOT, "%.3f", longest / 16000.0) + " s): "
                + EncoderModel.engineMessage(e) + ". Audio shorter than the model's first layers"
                + " (wav2vec2: 400 samples = 25 ms) cannot be encoded.", e);
        }
        final int dim = checkOutput(out, in, "audio '" + names.get(group.get(0).owner) + "'");
        if (dim != m_dim) {
            throw new IOException("Model '" + m_model.file() + "' returned " + dim + " values per frame, but " + m_dim
                + " on the check at load time.");
        }
        final int t = (int)out.shape()[1];
        final float[] v = out.values();
        for (int i = 0; i < b; i++) {
            final Segment s = group.get(i);
            final int keep;
            if (s.samples.length == longest) {
                keep = t;
            } else if (m_frameRule != null) {
                keep = Math.min(t, framesByRule(m_frameRule, s.samples.length));
            } else {
                keep = (int)Math.max(1, Math.min(t, Math.round((double)t * s.samples.length / longest)));
            }
            if (t > 0) {
                rows.get(s.owner).addAll(Arrays.copyOfRange(v, i * t * dim, (i * t + keep) * dim), keep);
            }
        }
    }

    @Override
    public void close() {
        m_model.close();
    }
}
