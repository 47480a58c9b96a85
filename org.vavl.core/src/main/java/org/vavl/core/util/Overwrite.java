package org.vavl.core.util;

import java.util.Locale;

/** When an existing per-clip output file is made again. */
public enum Overwrite {
    /** Keep any existing output, whatever settings made it. */
    NEVER,
    /** Make it again when the settings recorded beside it differ from the current ones (default). */
    IF_CHANGED,
    /** Always make it again. */
    ALWAYS;

    /** @return the value stored in node settings ("never" / "if changed" / "always") */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Parses a setting value; names the allowed values when it is unknown. */
    public static Overwrite fromSetting(final String value) {
        for (Overwrite o : values()) {
            if (o.settingValue().equalsIgnoreCase(value == null ? "" : value.trim().replace('_', ' '))) {
                return o;
            }
        }
        throw new IllegalArgumentException(
            "Unknown 'overwrite' setting '" + value + "': use 'never', 'if changed' or 'always'.");
    }
}
