package org.vavl.core.labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speakers and speaker-independent splits. A model tested on speakers it was trained on reports inflated results
 * (the speaker's voice and face are learnt, not the emotion); the VAVL partitions keep speakers apart (CREMA-D:
 * 63 / 14 / 14 actors), a user's own label file may not.
 */
public final class SpeakerSplits {

    /** The split names the AuxFormer Learner and the Evaluator use by default. */
    public static final String TRAIN = "Train";

    public static final String DEVELOPMENT = "Development";

    public static final String TEST = "Test";

    private static final Pattern CREMA_D = Pattern.compile("(\\d{4})_[A-Z]{3}_[A-Z]{3}_[A-Z]{2}");

    private static final Pattern MSP_IMPROV = Pattern.compile("MSP-IMPROV-S\\d\\d[A-Z]-([FM]\\d\\d)-.*");

    private SpeakerSplits() {
    }

    /**
     * @param clipId a clip id or file name (folders and extension are ignored)
     * @return the speaker that a corpus's clip id names: CREMA-D {@code 1001_DFA_ANG_XX} gives {@code 1001} (the
     *         actor), MSP-IMPROV {@code MSP-IMPROV-S01A-F02-R-FF01} gives {@code F02} (the female actor of session
     *         2); null for other ids
     */
    public static String fromClipId(final String clipId) {
        final String key = ClipKeys.key(clipId);
        Matcher m = CREMA_D.matcher(key);
        if (m.matches()) {
            return m.group(1);
        }
        m = MSP_IMPROV.matcher(key);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * @return the label set with a speaker for every row: the file's own where it has one, else the one its clip id
     *         names ({@link #fromClipId}); unchanged when some row has neither
     */
    public static LabelSet withDerivedSpeakers(final LabelSet labels) {
        if (labels.hasSpeaker()) {
            return labels;
        }
        final List<ClipLabel> rows = new ArrayList<>();
        for (ClipLabel r : labels.rows()) {
            final String speaker = r.speaker() != null ? r.speaker() : fromClipId(r.id());
            if (speaker == null) {
                return labels;
            }
            rows.add(new ClipLabel(r.id(), r.line(), r.values(), r.split(), speaker, r.gender()));
        }
        return new LabelSet(labels.source(), labels.format(), labels.columns(), labels.types(), rows,
            labels.hasSplit(), true, labels.hasGender());
    }

    /**
     * Assigns speaker-independent splits: every clip of a speaker goes to the same split. The speakers, sorted, are
     * shuffled with the seed and taken in turn: to Train while the clips given to Train are below its share of all
     * clips, then to Development, the rest to Test; each split gets at least one speaker.
     *
     * @param train share of clips for Train, in (0, 1)
     * @param development share for Development, in [0, 1); Test gets the rest, which must be above 0
     * @param seed the shuffle's seed: the same seed gives the same splits
     * @throws IllegalArgumentException when a row has no speaker (naming its line), there are fewer than 3 speakers,
     *             or the shares are out of range
     */
    public static LabelSet assign(final LabelSet labels, final double train, final double development,
        final long seed) {
        if (!(train > 0 && development >= 0 && train + development < 1)) {
            throw new IllegalArgumentException("The split shares must be Train > 0, Development >= 0 and leave a share"
                + " for Test (Train " + train + " + Development " + development + " must be below 1).");
        }
        final Map<String, Integer> clips = new TreeMap<>();
        for (ClipLabel r : labels.rows()) {
            if (r.speaker() == null || r.speaker().isBlank()) {
                throw new IllegalArgumentException("Line " + r.line() + " of " + labels.source() + " (clip '" + r.id()
                    + "') has no speaker: set the speaker column, or use clip ids that name their speaker"
                    + " (CREMA-D, MSP-IMPROV).");
            }
            clips.merge(r.speaker(), 1, Integer::sum);
        }
        if (clips.size() < 3) {
            throw new IllegalArgumentException("Speaker-independent splits need at least 3 speakers (Train, Development,"
                + " Test); the label file has " + clips.size() + ": " + clips.keySet() + ".");
        }
        final List<String> speakers = new ArrayList<>(clips.keySet());
        Collections.shuffle(speakers, new Random(seed));
        final Map<String, String> splitOf = bySharesOfClips(speakers, clips, train, development, labels.size());
        final List<ClipLabel> rows = new ArrayList<>();
        for (ClipLabel r : labels.rows()) {
            rows.add(new ClipLabel(r.id(), r.line(), r.values(), splitOf.get(r.speaker()), r.speaker(), r.gender()));
        }
        return new LabelSet(labels.source(), labels.format(), labels.columns(), labels.types(), rows, true, true,
            labels.hasGender());
    }

    private static Map<String, String> bySharesOfClips(final List<String> speakers, final Map<String, Integer> clips,
        final double train, final double development, final int total) {
        final Map<String, String> splitOf = new LinkedHashMap<>();
        int given = 0;
        for (String s : speakers) {
            final double share = (double)given / total;
            splitOf.put(s, share < train ? TRAIN : share < train + development ? DEVELOPMENT : TEST);
            given += clips.get(s);
        }
        // each split at least one speaker: the last speakers move to the splits that are empty
        final int n = speakers.size();
        if (!splitOf.containsValue(TEST)) {
            splitOf.put(speakers.get(n - 1), TEST);
        }
        if (development > 0 && !splitOf.containsValue(DEVELOPMENT)) {
            splitOf.put(speakers.get(n - 2), DEVELOPMENT);
        }
        if (!splitOf.containsValue(TRAIN)) {
            splitOf.put(speakers.get(0), TRAIN);
        }
        return splitOf;
    }

    /**
     * The speakers that appear in the training split and in another split that the model is selected or tested on.
     *
     * @param speakers per clip its speaker (null for unknown, ignored)
     * @param splits per clip its split, same order
     * @param training the training split's name
     * @return per shared speaker the splits it appears in (sorted), in speaker order; empty when none is shared
     */
    public static Map<String, Set<String>> sharedWithTraining(final List<String> speakers, final List<String> splits,
        final String training) {
        final Map<String, Set<String>> in = new TreeMap<>();
        for (int i = 0; i < speakers.size(); i++) {
            if (speakers.get(i) != null && splits.get(i) != null) {
                in.computeIfAbsent(speakers.get(i), k -> new TreeSet<>()).add(splits.get(i));
            }
        }
        in.values().removeIf(s -> !s.contains(training) || s.size() < 2);
        return in;
    }
}
