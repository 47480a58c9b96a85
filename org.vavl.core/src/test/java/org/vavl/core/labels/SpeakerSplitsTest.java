package org.vavl.core.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeakerSplitsTest {

    @TempDir
    Path dir;

    @Test
    void corpusClipIdsNameTheirSpeaker() {
        assertEquals("1001", SpeakerSplits.fromClipId("1001_DFA_ANG_XX"));
        assertEquals("1091", SpeakerSplits.fromClipId("/data/VideoFlash/1091_WSI_SAD_HI.flv"));
        assertEquals("F02", SpeakerSplits.fromClipId("MSP-IMPROV-S01A-F02-R-FF01.wav"));
        assertEquals("M06", SpeakerSplits.fromClipId("MSP-IMPROV-S12H-M06-S-MM01"));
        assertNull(SpeakerSplits.fromClipId("interview_03"));
        assertNull(SpeakerSplits.fromClipId("1001_DFA_ANG"));
    }

    /** A generic label file without split or speaker column whose ids are CREMA-D's: 10 actors, 4 clips each. */
    private LabelSet cremaLikeFile() throws Exception {
        final StringBuilder csv = new StringBuilder("id,label\n");
        final String[] emotions = {"ANG", "SAD", "HAP", "NEU"};
        for (int actor = 1001; actor <= 1010; actor++) {
            for (String e : emotions) {
                csv.append(actor).append("_IEO_").append(e).append("_XX,").append(e.toLowerCase()).append('\n');
            }
        }
        final Path f = dir.resolve("labels.csv");
        Files.writeString(f, csv);
        return LabelFiles.readGeneric(f, new GenericColumns("id", List.of("label"), ""));
    }

    @Test
    void speakersAreDerivedFromIdsAndSplitsKeepThemApart() throws Exception {
        final LabelSet raw = cremaLikeFile();
        assertFalse(raw.hasSpeaker());
        final LabelSet withSpeakers = SpeakerSplits.withDerivedSpeakers(raw);
        assertTrue(withSpeakers.hasSpeaker());
        assertEquals("1003", withSpeakers.find("1003_IEO_SAD_XX").speaker());
        final LabelSet split = SpeakerSplits.assign(withSpeakers, 0.6, 0.2, 7);
        assertTrue(split.hasSplit());
        final Map<String, Set<String>> splitsOfSpeaker = new TreeMap<>();
        final List<String> speakers = new ArrayList<>();
        final List<String> splits = new ArrayList<>();
        for (ClipLabel r : split.rows()) {
            splitsOfSpeaker.computeIfAbsent(r.speaker(), k -> new TreeSet<>()).add(r.split());
            speakers.add(r.speaker());
            splits.add(r.split());
        }
        assertTrue(splitsOfSpeaker.values().stream().allMatch(s -> s.size() == 1), "one split per speaker");
        // 10 speakers of 4 clips: 6 to Train (24 clips), 2 to Development, 2 to Test
        assertEquals(Map.of("Train", 24, "Development", 8, "Test", 8), split.splitCounts());
        assertEquals(Map.of(), SpeakerSplits.sharedWithTraining(speakers, splits, "Train"));
        // the same seed gives the same splits, another seed others
        assertEquals(split.splitCounts(), SpeakerSplits.assign(withSpeakers, 0.6, 0.2, 7).splitCounts());
        final List<String> again = SpeakerSplits.assign(withSpeakers, 0.6, 0.2, 7).rows().stream().map(ClipLabel::split)
            .toList();
        assertEquals(splits, again);
        final List<String> other = SpeakerSplits.assign(withSpeakers, 0.6, 0.2, 8).rows().stream().map(ClipLabel::split)
            .toList();
        assertFalse(splits.equals(other), "seed 8 assigns other speakers");
    }

    @Test
    void problemsAreNamed() throws Exception {
        final LabelSet raw = cremaLikeFile();
        final IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
            () -> SpeakerSplits.assign(raw, 0.6, 0.2, 1));
        assertTrue(none.getMessage().startsWith("Line 2 of ") && none.getMessage().contains("(clip '1001_IEO_ANG_XX')"
            + " has no speaker: set the speaker column"), none.getMessage());
        final IllegalArgumentException shares = assertThrows(IllegalArgumentException.class,
            () -> SpeakerSplits.assign(SpeakerSplits.withDerivedSpeakers(raw), 0.8, 0.2, 1));
        assertTrue(shares.getMessage().contains("must be below 1"), shares.getMessage());
    }

    @Test
    void speakersSharedBetweenTrainingAndOtherSplitsAreFound() {
        final List<String> speakers = List.of("a", "a", "b", "b", "c", "d");
        final List<String> splits = List.of("Train", "Test", "Train", "Train", "Development", "Development");
        assertEquals(Map.of("a", Set.of("Test", "Train")), SpeakerSplits.sharedWithTraining(speakers, splits, "Train"));
    }

    @Test
    void theShippedPartitionsAreSpeakerIndependent() throws Exception {
        for (LabelFormat corpus : List.of(LabelFormat.CREMA_D, LabelFormat.MSP_IMPROV)) {
            for (int p = 1; p <= 5; p++) {
                final LabelSet s = LabelFiles.shipped(corpus, p, MspOptions.REFERENCE);
                final List<String> speakers = s.rows().stream().map(ClipLabel::speaker).toList();
                final List<String> splits = s.rows().stream().map(ClipLabel::split).toList();
                assertEquals(Map.of(), SpeakerSplits.sharedWithTraining(speakers, splits, "Train"), corpus + " " + p);
            }
        }
    }
}
