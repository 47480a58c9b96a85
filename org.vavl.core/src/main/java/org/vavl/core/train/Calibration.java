package org.vavl.core.train;

import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * Temperature scaling (Guo et al., 2017): one temperature T per head (audiovisual, audio-only, visual-only), fitted
 * on the Development clips after the kept epoch by minimising the negative log-likelihood of softmax(logits / T).
 * Dividing the logits by T > 0 keeps every prediction's class (the arg max) and makes the probabilities say how often
 * the model is right: raw softmax scores of a network are usually over-confident (T &gt; 1 fixes that).
 *
 * <p>
 * The temperatures are stored in the model's info; a model trained before calibration existed has none and is used
 * with T = 1 ({@link #temperatures} says so).
 */
public final class Calibration {

    /** Info keys of the three temperatures, in head order: audiovisual, audio-only, visual-only. */
    public static final List<String> KEYS = java.util.Arrays.stream(Vocabulary.Output.values())
        .map(o -> "Temperature (" + o.label() + ")").toList();

    /** The search range of T. */
    static final double MIN_T = 0.25;

    static final double MAX_T = 20;

    private Calibration() {
    }

    /**
     * The temperature that minimises the mean negative log-likelihood of the true classes: a golden-section search
     * over ln T in [ln 0.25, ln 20] (the likelihood is unimodal in T for a fixed set of logits).
     *
     * @param logits per clip the head's raw outputs (before softmax)
     * @param truth per clip its class index
     * @return T, within 1e-6 of the optimum in ln T; 1 when every clip's class is right already (the likelihood
     *         then has no optimum: it grows without bound as T falls, which would only make the model over-sure)
     */
    public static double fitTemperature(final List<float[]> logits, final int[] truth) {
        if (logits.isEmpty() || allRight(logits, truth)) {
            // no clip is wrong: the likelihood only grows as T falls, there is nothing to calibrate on
            return 1;
        }
        final double phi = (Math.sqrt(5) - 1) / 2;
        double lo = Math.log(MIN_T);
        double hi = Math.log(MAX_T);
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(logits, truth, Math.exp(a));
        double fb = nll(logits, truth, Math.exp(b));
        while (hi - lo > 1e-6) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(logits, truth, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(logits, truth, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static boolean allRight(final List<float[]> logits, final int[] truth) {
        for (int i = 0; i < logits.size(); i++) {
            if (Losses.argmax(logits.get(i)) != truth[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the mean negative log-likelihood of the true classes under softmax(logits / t) */
    static double nll(final List<float[]> logits, final int[] truth, final double t) {
        double sum = 0;
        for (int i = 0; i < logits.size(); i++) {
            final float[] z = logits.get(i);
            double max = Double.NEGATIVE_INFINITY;
            for (float v : z) {
                max = Math.max(max, v / t);
            }
            double norm = 0;
            for (float v : z) {
                norm += Math.exp(v / t - max);
            }
            sum -= z[truth[i]] / t - max - Math.log(norm);
        }
        return sum / logits.size();
    }

    /** @return softmax(logits / t) */
    public static float[] softmax(final float[] logits, final double t) {
        final float[] scaled = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            scaled[i] = (float)(logits[i] / t);
        }
        return Losses.softmax(scaled);
    }

    /**
     * @return the model's temperatures (audiovisual, audio-only, visual-only), each 1 when the model has none (a
     *         categorical model trained before calibration existed, or a dimensional model)
     */
    public static double[] temperatures(final TrainedAuxFormer model) {
        final double[] t = new double[KEYS.size()];
        for (int i = 0; i < t.length; i++) {
            final String v = model.info().get(KEYS.get(i));
            t[i] = v == null ? 1 : Double.parseDouble(v);
        }
        return t;
    }

    /** @return true when the model carries its fitted temperatures */
    public static boolean isCalibrated(final TrainedAuxFormer model) {
        return model.info().containsKey(KEYS.get(0));
    }

    /**
     * Fits the three temperatures on the development clips and returns the model with them in its info (the
     * weights are unchanged).
     *
     * @param development the development clips, with their class indices
     */
    static TrainedAuxFormer calibrate(final TrainedAuxFormer model, final List<FeatureClip> development,
        final int batchSize) throws IOException, ClipException, CancelledException {
        final Map<String, FeatureClip> byId = new LinkedHashMap<>();
        development.forEach(c -> byId.put(c.id(), c));
        final List<List<float[]>> logits = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        final List<Integer> truth = new ArrayList<>();
        try (AuxFormerPredictor p = AuxFormerPredictor.open(model, "cpu")) {
            for (AuxFormerPredictor.ClipPrediction c : p.predictLogits(development, batchSize)) {
                if (c.ok() && c.audioOnly() != null && c.visualOnly() != null) {
                    logits.get(0).add(c.audiovisual());
                    logits.get(1).add(c.audioOnly());
                    logits.get(2).add(c.visualOnly());
                    truth.add(byId.get(c.clip()).classIndex());
                }
            }
        }
        final int[] y = truth.stream().mapToInt(Integer::intValue).toArray();
        final Map<String, String> info = new LinkedHashMap<>(model.info());
        for (int h = 0; h < KEYS.size(); h++) {
            info.put(KEYS.get(h), String.format(Locale.ROOT, "%.6f", fitTemperature(logits.get(h), y)));
        }
        info.put("Calibrated on", y.length + " development clips");
        return model.withInfo(info);
    }
}
