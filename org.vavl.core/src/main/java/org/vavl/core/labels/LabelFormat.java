package org.vavl.core.labels;

/** The layout of a label file. */
public enum LabelFormat {
    /**
     * CREMA-D consensus labels as in the VAVL split files:
     * {@code FileName,angry,sad,disgust,fear,neutral,happy[,SpkrID][,Gender],Split_Set}; the class is the
     * argmax of the soft vector in this class order.
     */
    CREMA_D("CREMA-D"),
    /**
     * MSP-IMPROV attribute labels as in the VAVL split files:
     * {@code FileName,EmoAct,EmoVal,EmoDom[,SpkrID][,Gender],Split_Set} on a 1..5 scale.
     */
    MSP_IMPROV("MSP-IMPROV"),
    /** Any CSV: an id column, label column(s), optionally split, speaker and gender columns. */
    GENERIC("generic");

    private final String m_settingValue;

    LabelFormat(final String settingValue) {
        m_settingValue = settingValue;
    }

    /** @return the name in settings and messages ("CREMA-D", "MSP-IMPROV", "generic") */
    public String settingValue() {
        return m_settingValue;
    }

    /** Parses a setting value (or the enum name); names the allowed values when unknown. */
    public static LabelFormat fromSetting(final String value) {
        final String v = value == null ? "" : value.trim();
        for (LabelFormat f : values()) {
            if (f.m_settingValue.equalsIgnoreCase(v) || f.name().equalsIgnoreCase(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
            "Unknown label format '" + value + "': use 'CREMA-D', 'MSP-IMPROV' or 'generic'.");
    }
}
