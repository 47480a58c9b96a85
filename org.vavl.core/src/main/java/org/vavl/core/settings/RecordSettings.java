package org.vavl.core.settings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings of one engine settings record: one {@link Setting} per record component, with the same name and
 * type. From them the record's persisted map ({@link #toMap}, {@link #fromMap}), its defaults and single-value
 * changes ({@link #with}) are derived, so that a record states each setting once.
 *
 * <pre>
 * public record AudioSettings(int sampleRate, boolean normalise) {
 *     public static final Setting&lt;Integer&gt; SAMPLE_RATE = Setting.integer("sampleRate", 16000, 8000, 48000);
 *     public static final Setting&lt;Boolean&gt; NORMALISE = Setting.flag("normalise", true);
 *     public static final RecordSettings&lt;AudioSettings&gt; SETTINGS =
 *         RecordSettings.of(AudioSettings.class, SAMPLE_RATE, NORMALISE);
 * }
 * </pre>
 * Records must be public; the check that every component has its setting runs when {@link #of} is called (in the
 * record's static initialiser), so a mismatch fails the first use and every test that touches the record.
 *
 * @param <R> the settings record
 */
public final class RecordSettings<R extends Record> {

    private final Class<R> m_type;

    private final List<Setting<?>> m_settings;

    private final Constructor<R> m_constructor;

    private RecordSettings(final Class<R> type, final List<Setting<?>> settings) {
        m_type = type;
        m_settings = List.copyOf(settings);
        final RecordComponent[] components = type.getRecordComponents();
        if (components.length != settings.size()) {
            throw new IllegalStateException(type.getSimpleName() + " has " + components.length
                + " components but " + settings.size() + " settings.");
        }
        final Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            final Setting<?> s = settings.get(i);
            if (!components[i].getName().equals(s.name()) || boxed(components[i].getType()) != s.type()) {
                throw new IllegalStateException(type.getSimpleName() + "'s component " + i + " is "
                    + components[i].getType().getSimpleName() + " " + components[i].getName() + " but its setting is "
                    + s.type().getSimpleName() + " " + s.name() + ".");
            }
            types[i] = components[i].getType();
        }
        try {
            m_constructor = type.getDeclaredConstructor(types);
        } catch (final NoSuchMethodException ex) {
            throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor.", ex);
        }
    }

    private static Class<?> boxed(final Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        }
        throw new IllegalStateException("No setting kind holds a " + c + ".");
    }

    /**
     * @param settings one per record component, in the components' order
     * @return the settings of {@code type}
     * @throws IllegalStateException when a component has no setting of its name and type
     */
    public static <R extends Record> RecordSettings<R> of(final Class<R> type, final Setting<?>... settings) {
        return new RecordSettings<>(type, List.of(settings));
    }

    /** @return the settings, in the record's component order */
    public List<Setting<?>> settings() {
        return m_settings;
    }

    /** @return the setting named {@code name} */
    public Setting<?> setting(final String name) {
        for (Setting<?> s : m_settings) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
            "Unknown " + m_type.getSimpleName() + " setting '" + name + "' (known: " + names() + ").");
    }

    private List<String> names() {
        return m_settings.stream().map(Setting::name).toList();
    }

    /** @return the record with every setting at its default */
    public R defaults() {
        return create(Setting::defaultValue);
    }

    /**
     * @param value the value of each setting
     * @return the record made of the values, each checked against its setting's bounds
     * @throws IllegalArgumentException naming the first setting whose value is not allowed, or the record's own check
     */
    public R create(final Function<Setting<?>, Object> value) {
        final Object[] args = new Object[m_settings.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = checked(m_settings.get(i), value.apply(m_settings.get(i)));
        }
        try {
            return m_constructor.newInstance(args);
        } catch (final InvocationTargetException ex) {
            if (ex.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(ex.getCause());
        } catch (final ReflectiveOperationException ex) {
            throw new IllegalStateException(m_type.getSimpleName() + " cannot be made here.", ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T checked(final Setting<T> s, final Object v) {
        if (v != null && !s.type().isInstance(v)) {
            throw new IllegalArgumentException(s.label() + " (" + s.name() + "): " + v + " is not a "
                + s.type().getSimpleName() + ".");
        }
        return s.check((T)v);
    }

    /** @return the value of {@code setting} in {@code record} */
    public <T> T get(final R record, final Setting<T> setting) {
        final int i = m_settings.indexOf(setting);
        if (i < 0) {
            throw new IllegalArgumentException(
                setting.name() + " is not a setting of " + m_type.getSimpleName() + " (known: " + names() + ").");
        }
        try {
            return setting.type().cast(m_type.getRecordComponents()[i].getAccessor().invoke(record));
        } catch (final ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** @return a copy of {@code record} with {@code setting} set to {@code value} (checked) */
    public <T> R with(final R record, final Setting<T> setting, final T value) {
        get(record, setting);
        return create(s -> s == setting ? value : get(record, s));
    }

    /** @return the record as text per setting name, in component order (unmodifiable) */
    public Map<String, String> toMap(final R record) {
        final Map<String, String> map = new LinkedHashMap<>();
        for (Setting<?> s : m_settings) {
            map.put(s.name(), format(s, get(record, s)));
        }
        return Collections.unmodifiableMap(map);
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(final Setting<T> s, final Object v) {
        return s.format((T)v);
    }

    /**
     * @param map text per setting name, as {@link #toMap} writes it; a missing name keeps its default
     * @return the record read back
     * @throws IllegalArgumentException naming an unknown name, or the setting whose text is not a valid value
     */
    public R fromMap(final Map<String, String> map) {
        final List<String> unknown = new ArrayList<>(map.keySet());
        unknown.removeAll(names());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown " + m_type.getSimpleName() + " setting '" + unknown.get(0)
                + "' (known: " + String.join(", ", names()) + ").");
        }
        return create(s -> map.containsKey(s.name()) ? s.parse(map.get(s.name())) : s.defaultValue());
    }

    /** @return a builder starting from the defaults */
    public Builder<R> builder() {
        return new Builder<>(this, defaults());
    }

    /** @return a builder starting from {@code record}'s values */
    public Builder<R> builder(final R record) {
        return new Builder<>(this, record);
    }

    /**
     * Changes several settings of a record at once; {@link #build()} checks each value and the record's own rules.
     *
     * @param <R> the settings record
     */
    public static final class Builder<R extends Record> {

        private final RecordSettings<R> m_settings;

        private final Map<Setting<?>, Object> m_values = new LinkedHashMap<>();

        private Builder(final RecordSettings<R> settings, final R from) {
            m_settings = settings;
            for (Setting<?> s : settings.m_settings) {
                m_values.put(s, settings.get(from, s));
            }
        }

        /** @return this builder, with {@code setting} set to {@code value} */
        public <T> Builder<R> set(final Setting<T> setting, final T value) {
            if (!m_values.containsKey(setting)) {
                throw new IllegalArgumentException(setting.name() + " is not a setting of "
                    + m_settings.m_type.getSimpleName() + " (known: " + m_settings.names() + ").");
            }
            m_values.put(setting, value);
            return this;
        }

        /**
         * @return the record
         * @throws IllegalArgumentException naming the first setting whose value is not allowed, or the record's own
         *             check
         */
        public R build() {
            return m_settings.create(m_values::get);
        }
    }
}
