package org.vavl.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * What the voice and the face each contribute to the audiovisual decision, per true class: the mean probability of
 * the true class with both modalities, with the audio input removed (the model's visual-only path) and with the
 * visual input removed (its audio-only path). The drop when a modality is removed is what it carried; the voice's
 * share is its drop over both drops (drops below 0 count as 0).
 */
public final class ModalityContributions {

    /**
     * One class's figures.
     *
     * @param clips clips of this true class
     * @param audiovisual mean probability of the true class with both modalities
     * @param withoutAudio the same with the audio removed (visual-only path)
     * @param withoutVisual the same with the visual input removed (audio-only path)
     */
    public record ClassContribution(String cls, int clips, double audiovisual, double withoutAudio,
        double withoutVisual) {

        /** @return the share of the decision the voice carries, 0..1; NaN when neither removal lowers it */
        public double voiceShare() {
            final double a = Math.max(0, audiovisual - withoutAudio);
            final double v = Math.max(0, audiovisual - withoutVisual);
            return a + v == 0 ? Double.NaN : a / (a + v);
        }
    }

    private ModalityContributions() {
    }

    /**
     * @param classes class names, in the probability rows' order
     * @param truth per clip the index of its true class
     * @param audiovisual per clip the audiovisual probabilities
     * @param audioOnly per clip the audio-only probabilities (visual input removed)
     * @param visualOnly per clip the visual-only probabilities (audio input removed)
     * @return per class that occurs in the truth its contribution, in class order
     */
    public static List<ClassContribution> of(final List<String> classes, final int[] truth,
        final List<double[]> audiovisual, final List<double[]> audioOnly, final List<double[]> visualOnly) {
        final List<ClassContribution> out = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            int n = 0;
            double av = 0;
            double noAudio = 0;
            double noVisual = 0;
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] == c) {
                    n++;
                    av += audiovisual.get(i)[c];
                    noAudio += visualOnly.get(i)[c];
                    noVisual += audioOnly.get(i)[c];
                }
            }
            if (n > 0) {
                out.add(new ClassContribution(classes.get(c), n, av / n, noAudio / n, noVisual / n));
            }
        }
        return out;
    }
}
