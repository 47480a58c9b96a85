package org.vavl.core.face;

import java.util.Locale;

/** Which face the aligner follows when a frame shows more than one. */
public enum MainFacePolicy {
    /** The largest face of the frame. */
    LARGEST("largest"),
    /** The face nearest to the previous frame's face (the largest when there is no previous face). */
    NEAREST("nearest to previous");

    private final String m_setting;

    MainFacePolicy(final String setting) {
        m_setting = setting;
    }

    /** @return the value stored in node settings */
    public String settingValue() {
        return m_setting;
    }

    /** Parses a setting value; names the allowed values when it is unknown. */
    public static MainFacePolicy fromSetting(final String value) {
        final String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (MainFacePolicy p : values()) {
            if (p.m_setting.equals(v) || p.name().toLowerCase(Locale.ROOT).equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
            "Unknown 'main face' setting '" + value + "': use 'largest' or 'nearest to previous'.");
    }
}
