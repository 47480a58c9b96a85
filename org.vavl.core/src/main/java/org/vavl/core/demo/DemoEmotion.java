package org.vavl.core.demo;

import java.util.Locale;

/** The six CREMA-D emotion classes in the reference's order (the columns of its label files). */
public enum DemoEmotion {
    ANGRY("ANG"), SAD("SAD"), DISGUST("DIS"), FEAR("FEA"), NEUTRAL("NEU"), HAPPY("HAP");

    private final String m_code;

    DemoEmotion(final String code) {
        m_code = code;
    }

    /** @return the three-letter code of CREMA-D's file names (ANG, SAD, DIS, FEA, NEU, HAP) */
    public String code() {
        return m_code;
    }

    /** @return the label file's column name (angry, sad, disgust, fear, neutral, happy) */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
