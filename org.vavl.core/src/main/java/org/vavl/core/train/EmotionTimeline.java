package org.vavl.core.train;

import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.io.file.PathUtils;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.core.metrics.EvaluationCharts;
import org.vavl.core.model.Task;
import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

/**
 * Emotion over time within a clip: the model applied to sliding windows of the clip's feature sequences (window and
 * hop in seconds), for the fusion and for each modality alone. A window's frames are those of its time span at each
 * modality's own frame rate (frames / clip duration); a clip shorter than a window gives one window, the whole clip.
 */
public final class EmotionTimeline {

    /** The modality names of the rows, in head order. */
    public static final List<String> MODALITIES = Vocabulary.Output.labels();

    /**
     * One window's prediction for one modality.
     *
     * @param values class probabilities (categorical, calibrated) or attribute values (dimensional)
     */
    public record Window(String clip, double start, double end, String modality, float[] values) {
    }

    /**
     * The sliding windows of emotion over time, each setting stated once (the AuxFormer Predictor's settings models
     * and dialog derive from them).
     *
     * @param window window length in seconds (default 2 s)
     * @param hop seconds from one window's start to the next's (default 0.5 s)
     */
    public record WindowSettings(double window, double hop) {

        /** Window length. */
        public static final Setting<Double> WINDOW = Setting.decimal("window", 2.0, 0.1, 3600).withKey("window (s)")
            .withLabel("Window (s)").withDescription("Length of each window in seconds.");

        /** Hop between windows. */
        public static final Setting<Double> HOP = Setting.decimal("hop", 0.5, 0.05, 3600).withKey("hop (s)")
            .withLabel("Hop (s)").withDescription("Seconds from one window's start to the next's.");

        /** All settings, in the record's order. */
        public static final RecordSettings<WindowSettings> SETTINGS = RecordSettings.of(WindowSettings.class, WINDOW,
            HOP);
    }

    private EmotionTimeline() {
    }

    /**
     * @return the windows [start, end) of a clip of the given duration: starts 0, hop, 2 hop, ... while a whole window
     *         fits, and one more ending at the clip's end when the last one stops short of it; one window [0, duration]
     *         when the clip is shorter than a window
     */
    public static List<double[]> windows(final double duration, final double window, final double hop) {
        if (!(window > 0 && hop > 0)) {
            throw new IllegalArgumentException("Window and hop must be above 0 seconds (window " + window + ", hop "
                + hop + ").");
        }
        final List<double[]> w = new ArrayList<>();
        if (duration <= window) {
            w.add(new double[] {0, duration});
            return w;
        }
        double start = 0;
        for (int i = 0; start + window <= duration + 1e-9; start = ++i * hop) {
            w.add(new double[] {start, start + window});
        }
        final double lastEnd = w.get(w.size() - 1)[1];
        if (lastEnd < duration - 1e-9) {
            w.add(new double[] {duration - window, duration});
        }
        return w;
    }

    /**
     * Predicts every window of every clip.
     *
     * @param clips the clips (feature files; a missing modality stays missing in its windows)
     * @param durations per clip its duration in seconds (the frame rate of each modality is its frames / duration)
     * @throws IllegalArgumentException naming the clip when its duration is not above 0
     */
    public static List<Window> predict(final AuxFormerPredictor predictor, final List<FeatureClip> clips,
        final double[] durations, final double window, final double hop, final int batchSize, final int threads,
        final Progress progress) throws IOException, ClipException, CancelledException {
        final Path tmp = Files.createTempDirectory("vavl-timeline");
        try {
            final List<FeatureClip> pieces = new ArrayList<>();
            final List<Window> spans = new ArrayList<>();
            for (int c = 0; c < clips.size(); c++) {
                progress.checkCancelled();
                final FeatureClip clip = clips.get(c);
                if (!(durations[c] > 0) || !Double.isFinite(durations[c])) {
                    throw new IllegalArgumentException("Clip '" + clip.id() + "' has the duration " + durations[c]
                        + " s: emotion over time needs each clip's duration in seconds (the duration column).");
                }
                final FeatureSequence audio = read(clip.audio());
                final FeatureSequence visual = read(clip.visual());
                if (audio == null && visual == null) {
                    continue;
                }
                int k = 0;
                for (double[] w : windows(durations[c], window, hop)) {
                    final String id = clip.id() + "#" + k;
                    final Path a = slice(audio, durations[c], w, tmp.resolve(c + "-" + k + "-a.npy"));
                    final Path v = slice(visual, durations[c], w, tmp.resolve(c + "-" + k + "-v.npy"));
                    pieces.add(FeatureClip.unlabelled(id, a, v));
                    spans.add(new Window(clip.id(), w[0], w[1], null, null));
                    k++;
                }
            }
            final List<AuxFormerPredictor.ClipPrediction> predictions =
                predictor.predict(pieces, batchSize, threads, OnError.SKIP, progress);
            final List<Window> out = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                final AuxFormerPredictor.ClipPrediction p = predictions.get(i);
                final Window s = spans.get(i);
                final float[][] heads = {p.audiovisual(), p.audioOnly(), p.visualOnly()};
                for (int m = 0; m < heads.length; m++) {
                    if (heads[m] != null) {
                        out.add(new Window(s.clip(), s.start(), s.end(), MODALITIES.get(m), heads[m]));
                    }
                }
            }
            return out;
        } finally {
            PathUtils.deleteDirectory(tmp);
        }
    }

    private static FeatureSequence read(final Path file) throws IOException {
        return file == null || !Files.isRegularFile(file) ? null : Npy.read(file);
    }

    /** Writes the frames of the window's time span (at least one frame) and returns the file, or null. */
    private static Path slice(final FeatureSequence seq, final double duration, final double[] w, final Path file)
        throws IOException {
        if (seq == null) {
            return null;
        }
        final double rate = seq.frames() / duration;
        final int from = Math.min(seq.frames() - 1, (int)Math.floor(w[0] * rate + 1e-9));
        final int to = Math.max(from + 1, Math.min(seq.frames(), (int)Math.round(w[1] * rate)));
        final float[] v = Arrays.copyOfRange(seq.values(), from * seq.dim(), to * seq.dim());
        Npy.write(file, new FeatureSequence(v, to - from, seq.dim()));
        return file;
    }

    /**
     * The timeline of one clip: per class (or attribute) the audiovisual output over the window centres (a clip of one
     * window: its value across the clip), from 0 to the clip's end.
     *
     * @param labels class or attribute names, in output order
     */
    public static JFreeChart chart(final String clip, final List<Window> windows, final List<String> labels,
        final Task task) {
        final XYSeriesCollection data = new XYSeriesCollection();
        final List<Window> av = windows.stream().filter(w -> w.clip().equals(clip) && w.modality().equals(
            MODALITIES.get(0))).toList();
        double end = 0;
        for (Window w : av) {
            end = Math.max(end, w.end());
        }
        for (int k = 0; k < labels.size(); k++) {
            final XYSeries s = new XYSeries(labels.get(k) + " (audiovisual)");
            if (av.size() == 1) {
                // one window, the whole clip: its value across the clip
                s.add(av.get(0).start(), av.get(0).values()[k]);
                s.add(av.get(0).end(), av.get(0).values()[k]);
            } else {
                for (Window w : av) {
                    s.add((w.start() + w.end()) / 2, w.values()[k]);
                }
            }
            data.addSeries(s);
        }
        final JFreeChart chart = ChartFactory.createXYLineChart("Emotion over time: " + clip, "time (s, window centre)",
            task == Task.CATEGORICAL ? "probability" : "value", data, PlotOrientation.VERTICAL, true, false, false);
        final XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        if (task == Task.CATEGORICAL) {
            ((NumberAxis)plot.getRangeAxis()).setRange(0, 1);
        }
        final NumberAxis time = (NumberAxis)plot.getDomainAxis();
        time.setRange(0, Math.max(end, 0.1));
        time.setNumberFormatOverride(new java.text.DecimalFormat("0.0#"));
        final Color[] palette = EvaluationCharts.PALETTE;
        final XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            r.setSeriesPaint(s, palette[s % palette.length]);
            r.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** @return a file name for a clip's timeline image */
    public static String imageName(final String clip) {
        return "timeline-" + clip.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    }
}
