package org.vavl.knime.nodes.predictor;

import java.util.Map;

import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.train.EmotionTimeline;
import org.vavl.knime.nodes.common.SettingModels;

/** The AuxFormer Predictor's "emotion over time" settings, shared by the model and the dialog. */
final class TimelineSettings {

    final SettingsModelBoolean m_enabled = new SettingsModelBoolean(KEY_ENABLED, false);

    final SettingsModelDoubleBounded m_window = SettingModels.decimal(EmotionTimeline.WindowSettings.WINDOW);

    final SettingsModelDoubleBounded m_hop = SettingModels.decimal(EmotionTimeline.WindowSettings.HOP);

    final SettingsModelString m_durationColumn = new SettingsModelString(KEY_DURATION, "Duration (s)");

    final SettingsModelIntegerBounded m_images = new SettingsModelIntegerBounded(KEY_IMAGES, 10, 0, 1_000_000);

    final SettingsModelString m_folder = new SettingsModelString(KEY_FOLDER,
        "knime://knime.workflow/vavl-data/timelines");

    static final String KEY_ENABLED = "emotion over time";

    static final String KEY_WINDOW = EmotionTimeline.WindowSettings.WINDOW.key();

    static final String KEY_HOP = EmotionTimeline.WindowSettings.HOP.key();

    static final String KEY_DURATION = "duration column";

    static final String KEY_IMAGES = "timeline images";

    static final String KEY_FOLDER = "timeline folder";

    TimelineSettings() {
        m_enabled.addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    private void updateEnabled() {
        final boolean on = m_enabled.getBooleanValue();
        m_window.setEnabled(on);
        m_hop.setEnabled(on);
        m_durationColumn.setEnabled(on);
        m_images.setEnabled(on);
        m_folder.setEnabled(on);
    }

    /** @return every setting with its key: all were added after 1.0, so older workflows lack them */
    Map<SettingsModel, String> withKeys() {
        return Map.of(m_enabled, KEY_ENABLED, m_window, KEY_WINDOW, m_hop, KEY_HOP, m_durationColumn, KEY_DURATION,
            m_images, KEY_IMAGES, m_folder, KEY_FOLDER);
    }

    /** @return the settings in save order */
    java.util.List<SettingsModel> all() {
        return java.util.List.of(m_enabled, m_window, m_hop, m_durationColumn, m_images, m_folder);
    }
}
