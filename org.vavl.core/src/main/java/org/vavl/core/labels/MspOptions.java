package org.vavl.core.labels;

/**
 * How MSP-IMPROV's attributes (1..5) become labels.
 *
 * @param flipArousal arousal = 6 - EmoAct, as the reference's configuration does
 * @param scaleToUnit every attribute x becomes (x - 1) / 4, i.e. 1..5 to 0..1, as the reference does
 */
public record MspOptions(boolean flipArousal, boolean scaleToUnit) {

    /** The reference's choice: arousal flipped, all attributes scaled to 0..1. */
    public static final MspOptions REFERENCE = new MspOptions(true, true);

    /** The file's values as they are. */
    public static final MspOptions RAW = new MspOptions(false, false);
}
