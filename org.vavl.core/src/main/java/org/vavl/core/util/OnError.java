package org.vavl.core.util;

import java.util.Locale;

/** What a node does with a clip it cannot process: fail the whole run, or skip it and report why. */
public enum OnError {
    /** Stop and fail with a message naming the clip and the problem. */
    FAIL,
    /** Keep going; the clip's row carries the reason in the error column and is counted in a warning. */
    SKIP;

    /** @return the value stored in node settings ("fail" / "skip") */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a setting value; names the allowed values when it is unknown. */
    public static OnError fromSetting(final String value) {
        for (OnError e : values()) {
            if (e.settingValue().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown 'on error' setting '" + value + "': use 'fail' or 'skip'.");
    }
}
