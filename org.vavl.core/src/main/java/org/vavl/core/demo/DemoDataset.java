package org.vavl.core.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vavl.core.media.ClipRecorder;
import org.vavl.core.settings.RecordSettings;
import org.vavl.core.util.AtomicFiles;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipWorkPool;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

/**
 * Generates the demo's audio-visual emotion dataset: talking-face clips of the six CREMA-D emotions by
 * several synthetic speakers, and a label file in CREMA-D's consensus format with a Train / Development /
 * Test split by speaker. Deterministic: the same {@link DemoSettings} (seed included) give the same files
 * on every machine, whatever the number of threads.
 *
 * <p>Layout of the folder:
 *
 * <pre>
 * videos/&lt;clip&gt;.mp4            one clip per file (or .flv); clip = SpkrID_Sentence_EMO_Level, e.g. 1003_IEO_ANG_HI
 * label_consensus.csv           FileName,angry,sad,disgust,fear,neutral,happy,SpkrID,Gender,Split_Set
 *                               (FileName = &lt;clip&gt;.wav as in CREMA-D; a soft vector with the true class dominant)
 * demo-dataset.properties       the settings that made it; written last, so its presence means "complete"
 * </pre>
 *
 * <p>Each clip: the astronaut portrait animated by {@link DemoFaceAnimator} (expression of the emotion at a
 * per-clip intensity, speaker look, head motion, jaw following the syllables, blinks) and a voice from
 * {@link DemoVoice} (prosody of the emotion at a related intensity, speaker voice). Both modalities carry
 * the emotion, neither perfectly: intensities differ per clip and per modality, speakers have resting
 * expressions and voice habits, and each clip adds noise, so classes overlap as in real data.
 */
public final class DemoDataset {

    /** Changes whenever the generator would make different files from the same settings. */
    public static final String GENERATOR_VERSION = "3";

    /** Name of the label file in the dataset folder. */
    public static final String LABEL_FILE = "label_consensus.csv";

    /** Name of the sub-folder with the clips. */
    public static final String VIDEO_FOLDER = "videos";

    /** Name of the record of settings, written last. */
    public static final String SETTINGS_FILE = "demo-dataset.properties";

    /** CREMA-D's twelve sentence codes. */
    static final String[] SENTENCES = {"IEO", "TIE", "IOM", "IWW", "TAI", "MTI", "IWL", "ITH", "DFA", "ITS", "TSI",
        "WSI"};

    /** One clip of the dataset. */
    public record DemoClip(String clipId, Path video, DemoEmotion emotion, String speakerId, String gender,
        String split, double intensity, double[] softLabel) {
    }

    /** What {@link #generate} made. */
    public record Result(Path folder, Path videoFolder, Path labelFile, List<DemoClip> clips, double seconds) {
    }

    private record Speaker(String id, String gender, DemoVoice.Voice voice, DemoFaceAnimator.Look look, String split) {
    }

    private record Plan(int index, Speaker speaker, DemoEmotion emotion, int sentence, double intensity, String clipId,
        double[] softLabel) {
    }

    private DemoDataset() {
    }

    /**
     * Generates the dataset into {@code folder} (created when missing; earlier clips and labels there are
     * replaced).
     *
     * @param progress per clip; cancellation stops within about a clip (no half-written clip is left)
     */
    public static Result generate(final Path folder, final DemoSettings settings, final Progress progress)
        throws IOException, CancelledException {
        final long t0 = System.nanoTime();
        final Path videos = folder.resolve(VIDEO_FOLDER);
        Files.createDirectories(videos);
        Files.deleteIfExists(folder.resolve(SETTINGS_FILE));
        final List<Plan> plans = plan(settings);
        final Progress p = progress == null ? Progress.NONE : progress;
        final List<ClipWorkPool.Outcome<DemoClip>> outcomes;
        try {
            outcomes = ClipWorkPool.run(plans, settings.threads(), Plan::clipId,
                (plan, cancel) -> makeClip(plan, videos, settings, cancel), OnError.FAIL, p.sub(0, 0.98));
        } catch (ClipException e) {
            throw new IOException("Demo dataset: " + e.getMessage(), e);
        }
        final List<DemoClip> clips = new ArrayList<>();
        for (ClipWorkPool.Outcome<DemoClip> o : outcomes) {
            clips.add(o.value());
        }
        final Path labels = folder.resolve(LABEL_FILE);
        writeLabels(labels, clips);
        writeSettings(folder.resolve(SETTINGS_FILE), settings, clips.size());
        p.update(1, "Demo dataset: " + clips.size() + " clips in " + folder);
        return new Result(folder, videos, labels, clips, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Generates the dataset unless {@code folder} already holds a complete one made with the same settings.
     *
     * @return true when it was generated, false when the existing one was kept
     */
    public static boolean ensure(final Path folder, final DemoSettings settings, final Progress progress)
        throws IOException, CancelledException {
        if (isComplete(folder, settings)) {
            return false;
        }
        generate(folder, settings, progress);
        return true;
    }

    /** @return true when {@code folder} holds a complete dataset made with these settings */
    public static boolean isComplete(final Path folder, final DemoSettings settings) {
        final Path record = folder.resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(record) || !Files.isRegularFile(folder.resolve(LABEL_FILE))) {
            return false;
        }
        final Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            return false;
        }
        for (Map.Entry<String, String> e : settings.asMap().entrySet()) {
            if (!e.getValue().equals(props.getProperty(e.getKey()))) {
                return false;
            }
        }
        for (Plan plan : plan(settings)) {
            if (!Files.isRegularFile(folder.resolve(VIDEO_FOLDER).resolve(plan.clipId() + "." + settings.format().extension()))) {
                return false;
            }
        }
        return true;
    }

    /** Speakers, split, and one plan per clip; cheap and deterministic. */
    private static List<Plan> plan(final DemoSettings s) {
        final Random r = new Random(mix(s.seed(), 1, 0));
        final List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.speakers(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, r);
        final String[] split = new String[s.speakers()];
        for (int k = 0; k < order.size(); k++) {
            split[order.get(k)] = k < s.testSpeakers() ? "Test"
                : k < s.testSpeakers() + s.devSpeakers() ? "Development" : "Train";
        }
        final List<Speaker> speakers = new ArrayList<>();
        for (int i = 0; i < s.speakers(); i++) {
            final Random sr = new Random(mix(s.seed(), 2, i));
            final boolean female = i % 2 == 0;
            final DemoVoice.Voice voice = new DemoVoice.Voice(
                female ? 185 + 50 * sr.nextDouble() : 98 + 37 * sr.nextDouble(),
                female ? 1.12 + 0.08 * sr.nextDouble() : 0.95 + 0.08 * sr.nextDouble(),
                0.9 + 0.2 * sr.nextDouble(), -2 + 4 * sr.nextDouble(),
                (female ? 0.015 : 0.0) + 0.02 * sr.nextDouble(), 0.9 + 0.25 * sr.nextDouble());
            final DemoFaceAnimator.Look look = DemoFaceAnimator.randomLook(sr, s.width(), s.height());
            speakers.add(new Speaker(Integer.toString(1001 + i), female ? "Female" : "Male", voice, look, split[i]));
        }
        final List<Plan> plans = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < s.speakers(); i++) {
            for (DemoEmotion e : DemoEmotion.values()) {
                for (int j = 0; j < s.clipsPerEmotion(); j++) {
                    final Random cr = new Random(mix(s.seed(), 3, index));
                    final int sentence = (i + 5 * j) % SENTENCES.length;
                    final double intensity = e == DemoEmotion.NEUTRAL ? 0.5 + 0.3 * cr.nextDouble()
                        : 0.6 + 0.4 * cr.nextDouble();
                    final String level = e == DemoEmotion.NEUTRAL ? "XX"
                        : intensity < 0.73 ? "LO" : intensity < 0.87 ? "MD" : "HI";
                    final String id = speakers.get(i).id() + "_" + SENTENCES[sentence] + "_" + e.code() + "_" + level;
                    plans.add(new Plan(index, speakers.get(i), e, sentence, intensity, id,
                        softLabel(e, intensity, cr)));
                    index++;
                }
            }
        }
        return plans;
    }

    /** Classes that listeners confuse with each class (CREMA-D's common confusions). */
    private static final DemoEmotion[][] CONFUSED_WITH = {
        {DemoEmotion.DISGUST, DemoEmotion.NEUTRAL, DemoEmotion.FEAR}, // angry
        {DemoEmotion.NEUTRAL, DemoEmotion.FEAR, DemoEmotion.DISGUST}, // sad
        {DemoEmotion.ANGRY, DemoEmotion.NEUTRAL, DemoEmotion.SAD}, // disgust
        {DemoEmotion.SAD, DemoEmotion.ANGRY, DemoEmotion.NEUTRAL}, // fear
        {DemoEmotion.SAD, DemoEmotion.HAPPY, DemoEmotion.DISGUST}, // neutral
        {DemoEmotion.NEUTRAL, DemoEmotion.FEAR, DemoEmotion.ANGRY}, // happy
    };

    /** A consensus vector: the true class dominant (more so at high intensity), the rest on confusions. */
    private static double[] softLabel(final DemoEmotion e, final double intensity, final Random r) {
        final int k = DemoEmotion.values().length;
        final double truth = Math.max(0.52, Math.min(0.95, 0.5 + 0.4 * intensity + 0.08 * r.nextGaussian()));
        final double[] w = new double[k];
        final DemoEmotion[] conf = CONFUSED_WITH[e.ordinal()];
        w[conf[0].ordinal()] = 0.5 + r.nextDouble();
        w[conf[1].ordinal()] = 0.3 * r.nextDouble();
        w[conf[2].ordinal()] = 0.2 * r.nextDouble();
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        final double rest = 1 - truth - 0.01 * (k - 1);
        final double[] out = new double[k];
        double others = 0;
        for (int i = 0; i < k; i++) {
            if (i != e.ordinal()) {
                out[i] = Math.round((0.01 + rest * w[i] / sum) * 1000) / 1000.0;
                others += out[i];
            }
        }
        out[e.ordinal()] = Math.round((1 - others) * 1000) / 1000.0;
        return out;
    }

    private static DemoClip makeClip(final Plan plan, final Path videos, final DemoSettings s, final CancelToken cancel)
        throws IOException, CancelledException {
        final Random r = new Random(mix(s.seed(), 4, plan.index()));
        final Speaker sp = plan.speaker();
        // the same sentence sounds the same in every emotion: its syllables depend on the sentence only
        final List<DemoVoice.Syllable> sentence = DemoVoice.sentence(new Random(mix(s.seed(), 5, plan.sentence())));
        final double audioIntensity = clamp(plan.intensity() + 0.08 * r.nextGaussian(), 0.1, 1.15);
        final double videoIntensity = clamp(plan.intensity() + 0.08 * r.nextGaussian(), 0.1, 1.15);
        final int sampleRate = s.storedSampleRate();
        final DemoVoice.Prosody prosody = DemoVoice.prosody(plan.emotion(), audioIntensity, sp.voice(), r);
        final DemoVoice.Utterance speech = DemoVoice.synthesize(sentence, sp.voice(), prosody, sampleRate, r);

        final double[] units = new double[DemoFaceAnimator.Unit.values().length];
        final double[] emo = DemoFaceAnimator.EMOTIONS.get(plan.emotion());
        final double[] resting = sp.look().restingUnits();
        for (int u = 0; u < units.length; u++) {
            units[u] = emo[u] * videoIntensity + resting[u] + 0.10 * r.nextGaussian();
        }
        final double motion = sp.look().motion() * motionOf(plan.emotion()) * (0.8 + 0.4 * r.nextDouble());
        final double[] phase = {r.nextDouble() * 6.3, r.nextDouble() * 6.3, r.nextDouble() * 6.3, r.nextDouble() * 6.3};
        final List<double[]> blinks = new ArrayList<>();
        for (double t = 0.3 + 1.5 * r.nextDouble(); t < 30; t += 1.5 + 2.5 * r.nextDouble()) {
            blinks.add(new double[] {t, 0.12 + 0.06 * r.nextDouble()});
        }

        final int frames = (int)Math.ceil(speech.seconds() * s.fps());
        final Path target = videos.resolve(plan.clipId() + "." + s.format().extension());
        try (DemoFaceAnimator face = new DemoFaceAnimator(s.width(), s.height());
            ClipRecorder rec = ClipRecorder.builder(target, s.width(), s.height()).format(s.format()).frameRate(s.fps())
                .audio(sampleRate, 1).start()) {
            face.startClip(sp.look(), units, r);
            final float[] audio = speech.samples;
            int written = 0;
            for (int f = 0; f < frames; f++) {
                if ((f & 7) == 0) {
                    cancel.check();
                }
                final double t = f / s.fps();
                final double ramp = 0.6 + 0.4 * smoothstep(Math.min(1, t / 0.6));
                final double jaw = speech.mouthAt(t);
                double blink = 0;
                for (double[] b : blinks) {
                    final double x = Math.abs(t - b[0]) / (b[1] / 2);
                    blink = Math.max(blink, x < 1 ? 1 - x : 0);
                }
                final double w = 2 * Math.PI * t;
                final double angle = motion * (1.6 * Math.sin(0.31 * w + phase[0]) + 0.7 * Math.sin(0.73 * w + phase[1]));
                final double dx = motion * 5 * Math.sin(0.23 * w + phase[2]);
                final double dy = motion * 3 * Math.sin(0.41 * w + phase[3]) + 3 * speech.stressAt(t)
                    + (plan.emotion() == DemoEmotion.FEAR ? 0.8 * Math.sin(2 * Math.PI * 7 * t) : 0);
                rec.addFrameBgr(face.render(ramp, jaw, blink, angle, dx, dy));
                final int upTo = (int)Math.min(audio.length, Math.round((f + 1) / s.fps() * sampleRate));
                if (upTo > written) {
                    rec.addAudio(java.util.Arrays.copyOfRange(audio, written, upTo));
                    written = upTo;
                }
            }
            if (written < audio.length) {
                rec.addAudio(java.util.Arrays.copyOfRange(audio, written, audio.length));
            }
            rec.finish();
        }
        return new DemoClip(plan.clipId(), target, plan.emotion(), sp.id(), sp.gender(), sp.split(), plan.intensity(),
            plan.softLabel());
    }

    private static double motionOf(final DemoEmotion e) {
        switch (e) {
            case ANGRY:
                return 1.3;
            case HAPPY:
                return 1.2;
            case FEAR:
                return 1.1;
            case SAD:
                return 0.6;
            case DISGUST:
                return 0.9;
            default:
                return 0.8;
        }
    }

    private static void writeLabels(final Path labels, final List<DemoClip> clips) throws IOException {
        final List<DemoClip> sorted = new ArrayList<>(clips);
        sorted.sort((a, b) -> a.clipId().compareTo(b.clipId()));
        AtomicFiles.writeText(labels, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").build())) {
                final List<String> header = new ArrayList<>();
                header.add("FileName");
                for (DemoEmotion e : DemoEmotion.values()) {
                    header.add(e.columnName());
                }
                header.addAll(List.of("SpkrID", "Gender", "Split_Set"));
                csv.printRecord(header);
                for (DemoClip c : sorted) {
                    final List<String> row = new ArrayList<>();
                    row.add(c.clipId() + ".wav");
                    for (double v : c.softLabel()) {
                        row.add(number(v));
                    }
                    row.addAll(List.of(c.speakerId(), c.gender(), c.split()));
                    csv.printRecord(row);
                }
            }
        });
    }

    /** CREMA-D's number style: up to three decimals, no trailing zeros (0.856, 0.01). */
    private static String number(final double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    private static void writeSettings(final Path file, final DemoSettings s, final int clips) throws IOException {
        final Properties p = new Properties();
        s.asMap().forEach(p::setProperty);
        p.setProperty("clips", Integer.toString(clips));
        AtomicFiles.writeText(file, w -> p.store(w, "VAVL for KNIME demo dataset: the settings that made it"));
    }

    /**
     * Writes a contact sheet: one frame of each emotion (full intensity, mouth half open) of one speaker,
     * labelled, 3 x 2 tiles of {@code tileWidth} pixels.
     */
    public static void writeContactSheet(final Path png, final DemoSettings settings, final int speaker,
        final int tileWidth) throws IOException {
        final DemoSettings s = settings;
        final List<Plan> plans = plan(s);
        final Speaker sp = plans.get(Math.min(speaker, s.speakers() - 1) * DemoEmotion.values().length
            * s.clipsPerEmotion()).speaker();
        final int tileHeight = tileWidth * s.height() / s.width();
        final BufferedImage sheet = new BufferedImage(3 * tileWidth, 2 * tileHeight, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, tileWidth / 16)));
        try (DemoFaceAnimator face = new DemoFaceAnimator(s.width(), s.height())) {
            for (DemoEmotion e : DemoEmotion.values()) {
                final double[] units = DemoFaceAnimator.EMOTIONS.get(e).clone();
                face.startClip(sp.look(), units, new Random(7));
                final byte[] bgr = face.render(1, 0.3, 0, 0, 0, 0);
                final BufferedImage frame = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_3BYTE_BGR);
                System.arraycopy(bgr, 0, ((DataBufferByte)frame.getRaster().getDataBuffer()).getData(), 0, bgr.length);
                final int x = (e.ordinal() % 3) * tileWidth;
                final int y = (e.ordinal() / 3) * tileHeight;
                g.drawImage(frame, x, y, tileWidth, tileHeight, null);
                g.setColor(Color.BLACK);
                g.drawString(e.columnName(), x + 9, y + g.getFont().getSize() + 7);
                g.setColor(Color.WHITE);
                g.drawString(e.columnName(), x + 8, y + g.getFont().getSize() + 6);
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(sheet, "png", png.toFile());
    }

    /** SplitMix64-style mixing of the seed with a purpose and an index: independent streams per clip. */
    static long mix(final long seed, final long purpose, final long index) {
        long z = seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double clamp(final double v, final double lo, final double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double smoothstep(final double x) {
        return x * x * (3 - 2 * x);
    }

    /**
     * Command line: {@code DemoDataset <folder> [--seed N] [--speakers N] [--clips N] [--split DEV,TEST]
     * [--format mp4|flv|flv-h264] [--threads N] [--contact-sheet file.png]}.
     */
    public static void main(final String[] args) throws IOException, CancelledException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: DemoDataset <folder> [--seed N] [--speakers N] [--clips N] [--split DEV,TEST]"
                + " [--format mp4|flv|flv-h264] [--threads N] [--contact-sheet file.png]");
            System.exit(2);
        }
        final RecordSettings.Builder<DemoSettings> s = DemoSettings.SETTINGS.builder();
        Path sheet = null;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                System.err.println("Missing value after " + args[i]);
                System.exit(2);
            }
            final String v = args[i + 1];
            switch (args[i]) {
                case "--seed" -> s.set(DemoSettings.SEED, DemoSettings.SEED.parse(v));
                case "--speakers" -> s.set(DemoSettings.SPEAKERS, DemoSettings.SPEAKERS.parse(v));
                case "--clips" -> s.set(DemoSettings.CLIPS_PER_EMOTION, DemoSettings.CLIPS_PER_EMOTION.parse(v));
                case "--split" -> {
                    final String[] p = v.split(",");
                    s.set(DemoSettings.DEV_SPEAKERS, DemoSettings.DEV_SPEAKERS.parse(p[0]))
                        .set(DemoSettings.TEST_SPEAKERS, DemoSettings.TEST_SPEAKERS.parse(p[1]));
                }
                case "--format" -> s.set(DemoSettings.FORMAT, ClipRecorder.Format.fromSetting(v));
                case "--threads" -> s.set(DemoSettings.THREADS, DemoSettings.THREADS.parse(v));
                case "--contact-sheet" -> sheet = Path.of(v);
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        final DemoSettings settings = s.build();
        final Path folder = Path.of(args[0]);
        if (sheet != null) {
            writeContactSheet(sheet, settings, 0, 320);
            System.err.println("Contact sheet: " + sheet.toAbsolutePath());
        }
        final Result r = generate(folder, settings, Progress.console("demo"));
        System.out.printf(Locale.ROOT, "%d clips and %s in %.1f s%n", r.clips().size(), r.labelFile(), r.seconds());
    }
}
