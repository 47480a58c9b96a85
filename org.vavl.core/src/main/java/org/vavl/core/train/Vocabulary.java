package org.vavl.core.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that the AuxFormer Predictor, the Evaluator and the Emotion Label Joiner agree on, written once: the
 * names of the model's three outputs, the names of the prediction and probability columns, and the order of the
 * classes. A node writes its column names with these methods and another node finds them again with the same
 * methods, never by a pattern of its own.
 *
 * <ul>
 * <li>outputs: {@code audiovisual}, {@code audio-only}, {@code visual-only} ({@link Output}); also the values of the
 * Predictor's {@code Input used} column and of the {@code Modality} column of its emotion-over-time table;</li>
 * <li>{@code Predicted class (<output>)}, {@code P(<class>) (<output>)}, {@code Confidence (<output>)},
 * {@code <attribute> (<output>)}; the annotators' shares of the Label Joiner: {@code P(<class>) (annotators)}; the
 * emotion-over-time table, which has a {@code Modality} column: {@code P(<class>)};</li>
 * <li>classes in alphabetical order ({@link #classOrder}), the order of the model's outputs.</li>
 * </ul>
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** The model's three outputs (heads), in display order. */
    public enum Output {
        /** both modalities, the fusion head */
        AUDIOVISUAL("audiovisual"),
        /** the audio alone, the audio head */
        AUDIO_ONLY("audio-only"),
        /** the visual input alone, the visual head */
        VISUAL_ONLY("visual-only");

        private final String m_label;

        Output(final String label) {
            m_label = label;
        }

        /** @return the name in column names and cells: "audiovisual", "audio-only" or "visual-only" */
        public String label() {
            return m_label;
        }

        /** @return the output of this name, if it is one */
        public static Optional<Output> of(final String label) {
            for (Output o : values()) {
                if (o.m_label.equals(label)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }

        /** @return the three names in display order */
        public static List<String> labels() {
            final List<String> l = new ArrayList<>();
            for (Output o : values()) {
                l.add(o.m_label);
            }
            return l;
        }
    }

    /** The source of the Label Joiner's class shares: {@code P(<class>) (annotators)}. */
    public static final String ANNOTATORS = "annotators";

    private static final String PREDICTED_CLASS = "Predicted class";

    private static final Pattern QUALIFIED = Pattern.compile("(.+) \\(([^()]+)\\)");

    private static final Pattern PROBABILITY = Pattern.compile("P\\((.+)\\)");

    /** @return {@code Predicted class (<output>)} */
    public static String predictedClass(final Output output) {
        return qualified(PREDICTED_CLASS, output.label());
    }

    /** @return {@code Predicted class}, the column of the emotion-over-time table (its rows name the output) */
    public static String predictedClass() {
        return PREDICTED_CLASS;
    }

    /** @return {@code P(<class>) (<output>)} */
    public static String probability(final String cls, final Output output) {
        return probability(cls, output.label());
    }

    /** @return {@code P(<class>) (<source>)}, e.g. the source {@link #ANNOTATORS} */
    public static String probability(final String cls, final String source) {
        return qualified(probability(cls), source);
    }

    /** @return {@code P(<class>)} */
    public static String probability(final String cls) {
        return "P(" + cls + ")";
    }

    /** @return {@code Confidence (<output>)} */
    public static String confidence(final Output output) {
        return qualified("Confidence", output.label());
    }

    /** @return {@code <attribute> (<output>)}, a dimensional prediction */
    public static String attribute(final String attribute, final Output output) {
        return qualified(attribute, output.label());
    }

    private static String qualified(final String name, final String source) {
        return name + " (" + source + ")";
    }

    /** @return the class of a {@code P(<class>)} column, if the name is one */
    public static Optional<String> classOfProbability(final String column) {
        final Matcher m = PROBABILITY.matcher(column);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * @param columns column names in table order
     * @param source an output's label or {@link #ANNOTATORS}
     * @return the classes of the {@code P(<class>) (<source>)} columns, in table order (the model's order)
     */
    public static List<String> classesOf(final String[] columns, final String source) {
        final List<String> classes = new ArrayList<>();
        for (String c : columns) {
            final Matcher m = QUALIFIED.matcher(c);
            if (m.matches() && m.group(2).equals(source)) {
                classOfProbability(m.group(1)).ifPresent(classes::add);
            }
        }
        return classes;
    }

    /**
     * A dimensional prediction column {@code <attribute> (<output>)}: not a class, probability or confidence column.
     *
     * @return the attribute, if the name is one
     */
    public static Optional<String> attributeOf(final String column, final Output output) {
        final Matcher m = QUALIFIED.matcher(column);
        if (!m.matches() || !m.group(2).equals(output.label())) {
            return Optional.empty();
        }
        final String a = m.group(1);
        if (a.equals(PREDICTED_CLASS) || a.equals("Confidence") || classOfProbability(a).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(a);
    }

    /** @return the classes in the order of the model's outputs and of every probability column: alphabetical */
    public static List<String> classOrder(final Collection<String> classes) {
        return new ArrayList<>(new TreeSet<>(classes));
    }
}
