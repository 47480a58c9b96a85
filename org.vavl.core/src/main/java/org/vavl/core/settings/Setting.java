package org.vavl.core.settings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One setting, written once: its name in the engine (the component of the settings record and the key of its
 * persisted map), its key in a KNIME node's saved settings, its type, default, bounds, label and description. The
 * engine's settings records derive their {@code toMap} / {@code fromMap} from their settings
 * ({@link RecordSettings}); the nodes derive their settings models and dialog components from the same objects, so
 * a default or a bound is stated in one place.
 *
 * <p>Immutable: the {@code with...} methods return a changed copy, so a setting reads as one expression:
 * <pre>
 * static final Setting&lt;Integer&gt; HEADS = Setting.integer("heads", 8, 1, 1024)
 *     .withKey("attention heads").withLabel("Attention heads")
 *     .withDescription("Attention heads of each Conformer block; must divide the model dim.");
 * </pre>
 *
 * @param <T> the value's type: Integer, Float, Double, Boolean, String, Path or an enum
 */
public final class Setting<T> {

    /** What kind of value a setting holds (decides its text form, its node settings model and its widget). */
    public enum Kind {
        /** a whole number with bounds */
        INTEGER,
        /** a single-precision number with bounds */
        FLOAT,
        /** a double-precision number with bounds */
        DOUBLE,
        /** on or off */
        BOOLEAN,
        /** free text */
        TEXT,
        /** a file or folder; empty text is "none" ({@code null}) */
        PATH,
        /** one of an enum's constants, shown by a label */
        CHOICE
    }

    private final String m_name;

    private final String m_key;

    private final Kind m_kind;

    private final Class<T> m_type;

    private final T m_default;

    private final T m_min;

    private final T m_max;

    private final Function<T, String> m_choiceLabel;

    private final String m_label;

    private final String m_description;

    private Setting(final String name, final String key, final Kind kind, final Class<T> type, final T dflt,
        final T min, final T max, final Function<T, String> choiceLabel, final String label,
        final String description) {
        m_name = Objects.requireNonNull(name, "name");
        m_key = Objects.requireNonNull(key, "key");
        m_kind = kind;
        m_type = type;
        m_default = dflt;
        m_min = min;
        m_max = max;
        m_choiceLabel = choiceLabel;
        m_label = label;
        m_description = description;
        if (dflt != null) {
            check(dflt);
        }
    }

    private static String labelOf(final String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** @return a whole-number setting in [min, max] */
    public static Setting<Integer> integer(final String name, final int dflt, final int min, final int max) {
        return new Setting<>(name, name, Kind.INTEGER, Integer.class, dflt, min, max, null, labelOf(name), "");
    }

    /** @return a single-precision setting in [min, max] (persisted as {@link Float#toString(float)}) */
    public static Setting<Float> single(final String name, final float dflt, final float min, final float max) {
        return new Setting<>(name, name, Kind.FLOAT, Float.class, dflt, min, max, null, labelOf(name), "");
    }

    /** @return a double-precision setting in [min, max] */
    public static Setting<Double> decimal(final String name, final double dflt, final double min, final double max) {
        return new Setting<>(name, name, Kind.DOUBLE, Double.class, dflt, min, max, null, labelOf(name), "");
    }

    /** @return an on/off setting */
    public static Setting<Boolean> flag(final String name, final boolean dflt) {
        return new Setting<>(name, name, Kind.BOOLEAN, Boolean.class, dflt, null, null, null, labelOf(name), "");
    }

    /** @return a free-text setting */
    public static Setting<String> text(final String name, final String dflt) {
        return new Setting<>(name, name, Kind.TEXT, String.class, Objects.requireNonNull(dflt, name), null, null,
            null, labelOf(name), "");
    }

    /** @return a file or folder setting whose default is "none" ({@code null}; empty text when persisted) */
    public static Setting<Path> path(final String name) {
        return new Setting<>(name, name, Kind.PATH, Path.class, null, null, null, null, labelOf(name), "");
    }

    /**
     * @param label how a constant is shown to the user and saved in a node's settings (must differ per constant)
     * @return a setting holding one constant of {@code type}; persisted in the engine's map by the constant's name
     */
    public static <E extends Enum<E>> Setting<E> choice(final String name, final Class<E> type, final E dflt,
        final Function<E, String> label) {
        final List<String> labels = Arrays.stream(type.getEnumConstants()).map(label).toList();
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("Setting '" + name + "': two constants share a label: " + labels);
        }
        return new Setting<>(name, name, Kind.CHOICE, type, Objects.requireNonNull(dflt, name), null, null, label,
            labelOf(name), "");
    }

    /** @return this setting saved under {@code key} in a KNIME node's settings */
    public Setting<T> withKey(final String key) {
        return changed(key, m_default, m_label, m_description);
    }

    /** @return this setting with the label shown beside its widget and in messages */
    public Setting<T> withLabel(final String label) {
        return changed(m_key, m_default, label, m_description);
    }

    /** @return this setting with the text that explains it (tool tip, node description) */
    public Setting<T> withDescription(final String description) {
        return changed(m_key, m_default, m_label, description);
    }

    /** @return this setting with another default (e.g. another architecture's), still within the bounds */
    public Setting<T> withDefault(final T dflt) {
        return changed(m_key, dflt, m_label, m_description);
    }

    private Setting<T> changed(final String key, final T dflt, final String label, final String description) {
        return new Setting<>(m_name, key, m_kind, m_type, dflt, m_min, m_max, m_choiceLabel, label, description);
    }

    /** @return the name in the engine: the settings record's component and the key of the persisted map */
    public String name() {
        return m_name;
    }

    /** @return the key in a KNIME node's saved settings */
    public String key() {
        return m_key;
    }

    /** @return what kind of value this is */
    public Kind kind() {
        return m_kind;
    }

    /** @return the value's class (boxed for numbers and booleans) */
    public Class<T> type() {
        return m_type;
    }

    /** @return the default ({@code null} only for a path: none) */
    public T defaultValue() {
        return m_default;
    }

    /** @return the smallest allowed value of a number, else {@code null} */
    public T min() {
        return m_min;
    }

    /** @return the largest allowed value of a number, else {@code null} */
    public T max() {
        return m_max;
    }

    /** @return the label shown beside the widget */
    public String label() {
        return m_label;
    }

    /** @return the explanation ("" when none) */
    public String description() {
        return m_description;
    }

    /** @return the constants of a choice, in declaration order (empty for other kinds) */
    public List<T> choices() {
        return m_kind == Kind.CHOICE ? Arrays.asList(m_type.getEnumConstants()) : List.of();
    }

    /** @return how a choice's constant is shown and saved in a node ({@link String#valueOf} for other kinds) */
    public String choiceLabel(final T value) {
        return m_kind == Kind.CHOICE ? m_choiceLabel.apply(value) : String.valueOf(value);
    }

    /**
     * @return the constant a node saved by its label (its constant name is accepted too)
     * @throws IllegalArgumentException naming the setting and the labels it accepts
     */
    public T fromChoiceLabel(final String label) {
        for (T c : choices()) {
            if (m_choiceLabel.apply(c).equals(label) || ((Enum<?>)c).name().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException(m_label + ": '" + label + "' is not one of "
            + choices().stream().map(m_choiceLabel).toList() + ".");
    }

    /**
     * @return {@code value}, when it is allowed
     * @throws IllegalArgumentException naming the setting and its allowed range
     */
    @SuppressWarnings("unchecked")
    public T check(final T value) {
        if (value == null) {
            if (m_kind == Kind.PATH) {
                return null;
            }
            throw new IllegalArgumentException(m_label + " must be set.");
        }
        if (!m_type.isInstance(value)) {
            throw new IllegalArgumentException(m_label + ": " + value + " is not a "
                + m_type.getSimpleName() + ".");
        }
        if (m_min != null && (((Comparable<T>)value).compareTo(m_min) < 0
            || ((Comparable<T>)value).compareTo(m_max) > 0 || isNaN(value))) {
            throw new IllegalArgumentException(m_label + " must be between " + m_min + " and "
                + m_max + ", not " + value + ".");
        }
        return value;
    }

    private static boolean isNaN(final Object v) {
        return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
    }

    /** @return the value as the engine's persisted map writes it (constant name for a choice, "" for no path) */
    public String format(final T value) {
        if (value == null) {
            return "";
        }
        return switch (m_kind) {
            case CHOICE -> ((Enum<?>)value).name();
            default -> value.toString();
        };
    }

    /**
     * @return the value read back from {@link #format(Object)}'s text (surrounding blanks ignored; a choice's
     *         constant name in any letter case)
     * @throws IllegalArgumentException naming the setting when the text is not a valid value
     */
    public T parse(final String text) {
        final String t = text == null ? "" : text.trim();
        final Object v;
        try {
            v = switch (m_kind) {
                case INTEGER -> Integer.valueOf(t);
                case FLOAT -> Float.valueOf(t);
                case DOUBLE -> Double.valueOf(t);
                case BOOLEAN -> parseBoolean(t);
                case TEXT -> text == null ? "" : text;
                case PATH -> t.isEmpty() ? null : Path.of(t);
                case CHOICE -> parseChoice(t);
            };
        } catch (final NumberFormatException ex) {
            throw new IllegalArgumentException(m_label + " ('" + m_name + "'): '" + text + "' is not a number.", ex);
        }
        return check(m_type.cast(v));
    }

    private Boolean parseBoolean(final String t) {
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.valueOf(t);
        }
        throw new IllegalArgumentException(m_label + " ('" + m_name + "'): '" + t + "' is neither true nor false.");
    }

    private Object parseChoice(final String t) {
        for (T c : choices()) {
            if (((Enum<?>)c).name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException(m_label + " ('" + m_name + "'): '" + t + "' is not one of "
            + choices().stream().map(c -> ((Enum<?>)c).name().toLowerCase(Locale.ROOT)).toList() + ".");
    }

    @Override
    public String toString() {
        return "Setting[" + m_name + " / '" + m_key + "' = " + format(m_default) + "]";
    }
}
