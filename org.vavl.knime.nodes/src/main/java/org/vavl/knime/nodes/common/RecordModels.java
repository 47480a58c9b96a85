package org.vavl.knime.nodes.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * A node's settings models for (some of) the settings of one engine settings record, made by
 * {@link SettingModels#create}, and the record read back from them: the node states which settings it saves, the
 * engine states everything else (keys, defaults, bounds, choices). Settings the node does not save keep the engine's
 * defaults. A node may save a setting with a default of its own ({@link Setting#withDefault}: the same name), and
 * may give the values of settings whose saved text it resolves itself (a workflow-relative path) to
 * {@link #record(Map)}.
 *
 * @param <R> the engine's settings record
 */
public final class RecordModels<R extends Record> {

    private final RecordSettings<R> m_record;

    private final Map<Setting<?>, SettingsModel> m_models = new LinkedHashMap<>();

    /**
     * @param record the engine record's settings
     * @param saved the settings the node saves, in the order they are saved
     */
    public RecordModels(final RecordSettings<R> record, final List<Setting<?>> saved) {
        m_record = record;
        for (Setting<?> s : saved) {
            record.setting(s.name());
            m_models.put(s, SettingModels.create(s));
        }
    }

    /** @return models for every setting of {@code record}, saved in the record's order */
    public static <R extends Record> RecordModels<R> of(final RecordSettings<R> record) {
        return new RecordModels<>(record, record.settings());
    }

    /** @return the settings models, in the order they are saved */
    public List<SettingsModel> models() {
        return new ArrayList<>(m_models.values());
    }

    /** @return the settings model of {@code setting} (or of the node's variant of it: the same name) */
    public SettingsModel model(final Setting<?> setting) {
        for (Map.Entry<Setting<?>, SettingsModel> e : m_models.entrySet()) {
            if (e.getKey().name().equals(setting.name())) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException(setting.name() + " is not saved by this node.");
    }

    /** @return the value of {@code setting} in its model */
    public <T> T value(final Setting<T> setting) throws InvalidSettingsException {
        return SettingModels.value(setting, model(setting));
    }

    /**
     * @return the engine's record: the models' values, the engine's defaults for the other settings
     * @throws InvalidSettingsException naming the first value the engine does not accept
     */
    public R record() throws InvalidSettingsException {
        return read(m_models, Map.of());
    }

    /**
     * @param values the values of the settings the node resolves itself (they replace their models' values)
     * @return the engine's record: {@code values}, the models' values, the engine's defaults for the other settings
     * @throws InvalidSettingsException naming the first value the engine does not accept
     */
    public R record(final Map<Setting<?>, Object> values) throws InvalidSettingsException {
        return read(m_models, values);
    }

    /**
     * @return the record that saved node settings hold (for {@code validateSettings}; the node's models are untouched)
     * @throws InvalidSettingsException a missing key, or naming the first value the engine does not accept
     */
    public R record(final NodeSettingsRO settings) throws InvalidSettingsException {
        final Map<Setting<?>, SettingsModel> loaded = new LinkedHashMap<>();
        for (Setting<?> s : m_models.keySet()) {
            final SettingsModel m = SettingModels.create(s);
            m.loadSettingsFrom(settings);
            loaded.put(s, m);
        }
        return read(loaded, Map.of());
    }

    private R read(final Map<Setting<?>, SettingsModel> models, final Map<Setting<?>, Object> values)
        throws InvalidSettingsException {
        final RecordSettings.Builder<R> b = m_record.builder();
        final List<String> given = values.keySet().stream().map(Setting::name).toList();
        for (Map.Entry<Setting<?>, SettingsModel> e : models.entrySet()) {
            if (!given.contains(e.getKey().name())) {
                set(b, e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<Setting<?>, Object> e : values.entrySet()) {
            setValue(b, m_record.setting(e.getKey().name()), e.getValue());
        }
        try {
            return b.build();
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private <T> void set(final RecordSettings.Builder<R> b, final Setting<T> s,
        final SettingsModel m) throws InvalidSettingsException {
        setValue(b, s, SettingModels.value(s, m));
    }

    @SuppressWarnings("unchecked")
    private <T> void setValue(final RecordSettings.Builder<R> b, final Setting<T> s, final Object v) {
        b.set((Setting<T>)m_record.setting(s.name()), (T)v);
    }
}
