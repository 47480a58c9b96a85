package org.vavl.core.labels;

import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * How MSP-IMPROV's attributes (1..5) become labels, each setting stated once (the Emotion Label Joiner's settings
 * models and dialog are derived from the same objects); the defaults are the reference's.
 *
 * @param flipArousal arousal = 6 - EmoAct, as the reference's configuration does
 * @param scaleToUnit every attribute x becomes (x - 1) / 4, i.e. 1..5 to 0..1, as the reference does
 */
public record MspOptions(boolean flipArousal, boolean scaleToUnit) {

    /** Arousal = 6 - EmoAct (the reference's choice; on by default). */
    public static final Setting<Boolean> FLIP_AROUSAL = Setting.flag("flipArousal", true).withKey("flip arousal")
        .withLabel("Flip arousal (6 - EmoAct), as the reference");

    /** Scale 1..5 to 0..1 by (x - 1) / 4 (the reference's choice; on by default). */
    public static final Setting<Boolean> SCALE_TO_UNIT = Setting.flag("scaleToUnit", true).withKey("scale to 0..1")
        .withLabel("Scale 1..5 to 0..1, as the reference");

    /** All settings, in the record's order. */
    public static final RecordSettings<MspOptions> SETTINGS =
        RecordSettings.of(MspOptions.class, FLIP_AROUSAL, SCALE_TO_UNIT);

    /** The reference's choice: arousal flipped, all attributes scaled to 0..1. */
    public static final MspOptions REFERENCE = new MspOptions(true, true);

    /** The file's values as they are. */
    public static final MspOptions RAW = new MspOptions(false, false);
}
