package org.vavl.core.labels;

import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * Whether and how Train / Development / Test splits are assigned by speaker ({@link SpeakerSplits#assign}), each
 * setting stated once (the Emotion Label Joiner's settings models and dialog are derived from the same objects). The
 * rule joining the shares (a share left for Test) is checked when the splits are assigned.
 *
 * @param assign whether splits are assigned by speaker (replacing the file's own)
 * @param trainShare share of clips for Train
 * @param developmentShare share of clips for Development; Test gets the rest
 * @param seed seed of the speakers' shuffle: the same seed gives the same splits
 */
public record SpeakerSplitSettings(boolean assign, double trainShare, double developmentShare, int seed) {

    /** Whether splits are assigned by speaker (off by default: the file's own splits). */
    public static final Setting<Boolean> ASSIGN = Setting.flag("assign", false).withKey("speaker-independent splits")
        .withLabel("Assign Train / Development / Test by speaker (replaces the file's splits)");

    /** Share of clips for Train. */
    public static final Setting<Double> TRAIN_SHARE = Setting.decimal("trainShare", 0.7, 0.05, 0.95)
        .withKey("train share").withLabel("Train share of clips");

    /** Share of clips for Development; Test gets the rest. */
    public static final Setting<Double> DEVELOPMENT_SHARE = Setting.decimal("developmentShare", 0.15, 0, 0.9)
        .withKey("development share").withLabel("Development share (Test: the rest)");

    /** Seed of the speakers' shuffle. */
    public static final Setting<Integer> SEED = Setting.integer("seed", 1, 0, Integer.MAX_VALUE).withKey("split seed")
        .withLabel("Seed");

    /** All settings, in the record's order. */
    public static final RecordSettings<SpeakerSplitSettings> SETTINGS =
        RecordSettings.of(SpeakerSplitSettings.class, ASSIGN, TRAIN_SHARE, DEVELOPMENT_SHARE, SEED);

    /**
     * @return {@code labels} with splits assigned by speaker when {@link #assign}, else {@code labels}
     * @throws IllegalArgumentException when the shares leave nothing for Test or a clip has no speaker
     */
    public LabelSet apply(final LabelSet labels) {
        return assign ? SpeakerSplits.assign(labels, trainShare, developmentShare, seed) : labels;
    }
}
