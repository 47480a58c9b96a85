package org.vavl.core.face;

import java.util.Locale;

/** How the aligner finds the eyes that level and place the face. */
public enum FaceAlignment {
    /**
     * The detector's eyes: OpenCV's eye cascade (Haar and tiny face detector) or YuNet's eye landmarks; the face box
     * is the detector's.
     */
    EYES("eyes"),
    /**
     * face-api's 68-point landmark network (weights shipped in the engine): the eye centres (points 36-41 and 42-47)
     * level the face, the eyes and the mouth place and scale it.
     */
    LANDMARKS("landmarks");

    private final String m_setting;

    FaceAlignment(final String setting) {
        m_setting = setting;
    }

    /** @return the value stored in node settings */
    public String settingValue() {
        return m_setting;
    }

    /** Parses a setting value; names the allowed values when it is unknown. */
    public static FaceAlignment fromSetting(final String value) {
        final String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (FaceAlignment a : values()) {
            if (a.m_setting.equals(v)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown face alignment '" + value + "': use 'eyes' or 'landmarks'.");
    }
}
