package org.vavl.core.metrics;

import java.util.Map;

import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * The bootstrap of an evaluation's 95% intervals, each setting stated once (the Evaluator's settings models and
 * dialog are derived from them): on by default with 1,000 resamples, as figures without their uncertainty say little
 * on a Test split of a few dozen clips.
 *
 * @param bootstrap whether intervals (and the paired comparisons of the modalities) are computed
 * @param resamples resamples of the clips, with replacement
 * @param seed seed of the resampling: the same seed gives the same intervals
 */
public record BootstrapSettings(boolean bootstrap, int resamples, int seed) {

    /** Intervals on or off. */
    public static final Setting<Boolean> BOOTSTRAP = Setting.flag("bootstrap", true)
        .withLabel("Bootstrap 95% confidence intervals")
        .withDescription("The percentile bootstrap interval of every figure and the paired comparison of the"
            + " modalities.");

    /** Resamples. */
    public static final Setting<Integer> RESAMPLES = Setting.integer("resamples", 1000, 10, 1_000_000)
        .withLabel("Resamples").withDescription("Resamples of the evaluated clips, drawn with replacement.");

    /** Seed of the resampling. */
    public static final Setting<Integer> SEED = Setting.integer("seed", 0, 0, Integer.MAX_VALUE).withLabel("Seed")
        .withDescription("Seed of the resampling; the same seed gives the same intervals.");

    /** All settings, in the record's order. */
    public static final RecordSettings<BootstrapSettings> SETTINGS = RecordSettings.of(BootstrapSettings.class,
        BOOTSTRAP, RESAMPLES, SEED);

    /** @return the resamples to draw: 0 when the bootstrap is off */
    public int drawn() {
        return bootstrap ? resamples : 0;
    }

    /** @return the settings as text per name */
    public Map<String, String> toMap() {
        return SETTINGS.toMap(this);
    }

    /** @return the settings read back from {@link #toMap()}'s form; missing names keep their defaults */
    public static BootstrapSettings fromMap(final Map<String, String> map) {
        return SETTINGS.fromMap(map);
    }
}
