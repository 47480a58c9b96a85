package org.vavl.knime.nodes.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

/** The Label Joiner derives speakers from corpus clip ids and assigns speaker-independent splits. */
class SpeakerSplitsNodeTest {

    @TempDir
    Path dir;

    /** A generic label file of 8 CREMA-D actors x 3 clips, without split or speaker column. */
    private List<String> writeFile() throws Exception {
        final StringBuilder csv = new StringBuilder("FileName,label\n");
        final List<String> ids = new ArrayList<>();
        for (int actor = 1001; actor <= 1008; actor++) {
            for (String e : new String[] {"ANG", "SAD", "HAP"}) {
                final String id = actor + "_DFA_" + e + "_XX";
                ids.add(id);
                csv.append(id).append(".flv,").append(e).append('\n');
            }
        }
        Files.writeString(dir.resolve("labels.csv"), csv);
        return ids;
    }

    private void generic(final NodeSettings s) {
        s.addString("label source", "label file");
        s.addString("label file", dir.resolve("labels.csv").toString());
        s.addString("file format", "generic");
        s.addString("id column", "FileName");
        s.addString("label columns", "label");
        s.addString("split column", "");
    }

    @Test
    void speakersFromIdsAndSplitsBySpeaker() throws Exception {
        final List<String> ids = writeFile();
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            t.settings(s -> {
                generic(s);
                s.addBoolean("speaker-independent splits", true);
                s.addDouble("train share", 0.5);
                s.addDouble("development share", 0.25);
                s.addInt("split seed", 3);
            });
            final DataTableSpec spec = t.configureTable(LabelJoinerNodeModelTest.CLIPS);
            assertEquals(List.of("Clip", "Path", "label", "Split", "Speaker"), List.of(spec.getColumnNames()));
            final BufferedDataTable out = (BufferedDataTable)t.execute(
                LabelJoinerNodeModelTest.clips(ids.toArray(String[]::new)))[0];
            final Map<String, Set<String>> splitsOf = new TreeMap<>();
            final Map<String, Integer> clipsPerSplit = new TreeMap<>();
            for (DataRow r : Tables.rows(out)) {
                final List<Object> v = Tables.values(r);
                assertEquals(((String)v.get(0)).substring(0, 4), v.get(4), "speaker from the CREMA-D id");
                splitsOf.computeIfAbsent((String)v.get(4), k -> new TreeSet<>()).add((String)v.get(3));
                clipsPerSplit.merge((String)v.get(3), 1, Integer::sum);
            }
            assertEquals(8, splitsOf.size());
            assertTrue(splitsOf.values().stream().allMatch(x -> x.size() == 1), splitsOf.toString());
            assertEquals(Map.of("Development", 6, "Test", 6, "Train", 12), clipsPerSplit);
        }
    }

    @Test
    void withoutSpeakersTheSettingIsNamed() throws Exception {
        Files.writeString(dir.resolve("labels.csv"), "FileName,label\ninterview1,happy\ninterview2,sad\n");
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            t.settings(s -> {
                generic(s);
                s.addBoolean("speaker-independent splits", true);
            });
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.configureTable(LabelJoinerNodeModelTest.CLIPS));
            assertTrue(e.getMessage().startsWith("Setting 'speaker-independent splits': Line 2 of ")
                && e.getMessage().endsWith("(clip 'interview1') has no speaker: set the speaker column, or use clip ids"
                    + " that name their speaker (CREMA-D, MSP-IMPROV)."), e.getMessage());
        }
    }

    @Test
    void workflowsSavedBeforeTheSettingExistedStillLoad() throws Exception {
        writeFile();
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            // settings as 1.0 saved them: no "speaker-independent splits" keys
            final NodeSettings old = t.savedSettings();
            for (String k : List.of("speaker-independent splits", "train share", "development share", "split seed")) {
                assertTrue(old.containsKey(k), k);
            }
            final NodeSettings without = new NodeSettings("model");
            for (String k : old.keySet()) {
                if (!List.of("speaker-independent splits", "train share", "development share", "split seed",
                    "speaker-independent splits_Internals", "train share_Internals", "development share_Internals",
                    "split seed_Internals").contains(k)) {
                    without.addEntry(old.getEntry(k));
                }
            }
            t.loadSettings(without);
            assertEquals(old, t.savedSettings(), "the added settings keep their defaults");
        }
    }
}
