package org.vavl.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Classification scores of one modality's predictions, computed as scikit-learn does with its default
 * label set (the classes that occur in the truth or in the predictions) and {@code zero_division=0}: a
 * precision, recall or F1 whose denominator is zero is 0, and a warning says which class it was.
 *
 * <ul>
 * <li>accuracy = micro F1 = micro precision = micro recall for single-label data;</li>
 * <li>unweighted average recall (UAR) = the mean recall over the classes that occur in the truth, the field's
 * definition and scikit-learn's {@code balanced_accuracy_score}: a class that is predicted but absent from the
 * truth has no recall and does not count (macro recall, scikit-learn's {@code recall_score(average="macro")},
 * counts it as 0);</li>
 * <li>weighted F1 weights each class's F1 by its support (number of true clips).</li>
 * </ul>
 */
public final class CategoricalScores {

    private final ConfusionMatrix m_matrix;

    private final double[] m_precision;

    private final double[] m_recall;

    private final double[] m_f1;

    private final long[] m_support;

    private final List<String> m_warnings = new ArrayList<>();

    private CategoricalScores(final ConfusionMatrix matrix, final boolean warn) {
        m_matrix = matrix;
        final int k = matrix.classes().size();
        m_precision = new double[k];
        m_recall = new double[k];
        m_f1 = new double[k];
        m_support = new long[k];
        for (int c = 0; c < k; c++) {
            final long tp = matrix.count(c, c);
            final long predicted = matrix.columnTotal(c);
            final long actual = matrix.rowTotal(c);
            m_support[c] = actual;
            final String name = matrix.classes().get(c);
            if (predicted == 0) {
                if (warn) {
                    m_warnings.add("Class '" + name + "' is never predicted: its precision is set to 0.");
                }
            } else {
                m_precision[c] = (double)tp / predicted;
            }
            if (actual == 0) {
                if (warn) {
                    m_warnings.add("Class '" + name + "' never occurs in the truth: its recall is set to 0.");
                }
            } else {
                m_recall[c] = (double)tp / actual;
            }
            final double pr = m_precision[c] + m_recall[c];
            m_f1[c] = pr == 0 ? 0 : 2 * m_precision[c] * m_recall[c] / pr;
        }
    }

    /**
     * @param truth true class names, one per clip
     * @param predicted predicted class names, same length
     * @param preferredOrder class order for the result (e.g. the model's classes); classes that occur in
     *            neither vector are left out, classes not in it are appended in alphabetical order
     */
    public static CategoricalScores of(final List<String> truth, final List<String> predicted,
        final List<String> preferredOrder) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(
                "Truth and prediction differ in length: " + truth.size() + " vs " + predicted.size() + ".");
        }
        final List<String> classes = classesOf(truth, predicted, preferredOrder);
        final int[] t = indices(truth, classes);
        final int[] p = indices(predicted, classes);
        return new CategoricalScores(ConfusionMatrix.of(classes, t, p), true);
    }

    /** Scores of the clips at the given indices (a bootstrap resample); no warnings. */
    static CategoricalScores resample(final List<String> classes, final int[] truth, final int[] predicted,
        final int[] rows) {
        final int[] t = new int[rows.length];
        final int[] p = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = truth[rows[i]];
            p[i] = predicted[rows[i]];
        }
        return new CategoricalScores(ConfusionMatrix.of(classes, t, p), false);
    }

    static List<String> classesOf(final List<String> truth, final List<String> predicted,
        final List<String> preferredOrder) {
        final java.util.Set<String> present = new java.util.HashSet<>(truth);
        present.addAll(predicted);
        final List<String> classes = new ArrayList<>();
        if (preferredOrder != null) {
            for (String c : preferredOrder) {
                if (present.remove(c)) {
                    classes.add(c);
                }
            }
        }
        final List<String> rest = new ArrayList<>(present);
        Collections.sort(rest);
        classes.addAll(rest);
        return classes;
    }

    static int[] indices(final List<String> values, final List<String> classes) {
        final java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        final int[] r = new int[values.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = index.get(values.get(i));
        }
        return r;
    }

    /** @return the confusion matrix */
    public ConfusionMatrix matrix() {
        return m_matrix;
    }

    /** @return the classes, in result order */
    public List<String> classes() {
        return m_matrix.classes();
    }

    /** @return warnings (classes with an undefined precision or recall) */
    public List<String> warnings() {
        return Collections.unmodifiableList(m_warnings);
    }

    public double precision(final int c) {
        return m_precision[c];
    }

    public double recall(final int c) {
        return m_recall[c];
    }

    public double f1(final int c) {
        return m_f1[c];
    }

    public long support(final int c) {
        return m_support[c];
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < m_support.length; c++) {
            correct += m_matrix.count(c, c);
        }
        final long n = m_matrix.total();
        return n == 0 ? Double.NaN : (double)correct / n;
    }

    public double precisionMacro() {
        return mean(m_precision);
    }

    public double recallMacro() {
        return mean(m_recall);
    }

    /**
     * @return unweighted average recall: the mean recall over the classes with support (scikit-learn's
     *         {@code balanced_accuracy_score}); NaN when there are no clips
     */
    public double uar() {
        double s = 0;
        int n = 0;
        for (int c = 0; c < m_recall.length; c++) {
            if (m_support[c] > 0) {
                s += m_recall[c];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    public double f1Macro() {
        return mean(m_f1);
    }

    /** For single-label data micro precision, recall and F1 all equal the accuracy. */
    public double f1Micro() {
        return accuracy();
    }

    public double precisionMicro() {
        return accuracy();
    }

    public double recallMicro() {
        return accuracy();
    }

    public double f1Weighted() {
        double s = 0;
        long n = 0;
        for (int c = 0; c < m_f1.length; c++) {
            s += m_f1[c] * m_support[c];
            n += m_support[c];
        }
        return n == 0 ? 0 : s / n;
    }

    private static double mean(final double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
