package org.vavl.knime.nodes.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

class LabelJoinerNodeModelTest {

    @TempDir
    Path dir;

    static final DataTableSpec CLIPS = Tables.spec("Clip", StringCell.TYPE, "Path", StringCell.TYPE);

    static BufferedDataTable clips(final String... ids) {
        final Object[][] rows = new Object[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            rows[i] = new Object[] {ids[i], ids[i] == null ? null : "/data/" + ids[i] + ".flv"};
        }
        return Tables.table(CLIPS, rows);
    }

    @Test
    void shippedCremaDPartitionJoinsClassSoftVectorSplitSpeakerGender() throws Exception {
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            final DataTableSpec spec = t.configureTable(CLIPS);
            // the annotators' shares named and ordered as the Predictor's probabilities
            assertEquals(List.of("Clip", "Path", "Emotion", "P(angry) (annotators)", "P(disgust) (annotators)",
                "P(fear) (annotators)", "P(happy) (annotators)", "P(neutral) (annotators)", "P(sad) (annotators)",
                "Split", "Speaker", "Gender"), List.of(spec.getColumnNames()));
            assertEquals(DoubleCell.TYPE, spec.getColumnSpec("P(angry) (annotators)").getType());
            final PortObject[] out = t.execute(clips("1026_IEO_ANG_HI", "1065_IWL_SAD_XX", "9999_NOT_IN_CREMA", null));
            final BufferedDataTable j = (BufferedDataTable)out[0];
            assertEquals(4, j.size());
            // the file's order is angry, sad, disgust, fear, neutral, happy: 0.856, 0.01, 0.01, 0.104, 0.01, 0.01
            assertEquals(Arrays.asList("1026_IEO_ANG_HI", "/data/1026_IEO_ANG_HI.flv", "angry", 0.856, 0.01, 0.104,
                0.01, 0.01, 0.01, "Train", "1026", "Male"), Tables.values(Tables.rows(j).get(0)));
            assertEquals("neutral", Tables.value(j, 1, "Emotion"));
            assertNull(Tables.value(j, 2, "Emotion"));
            assertNull(Tables.value(j, 2, "Split"));
            final BufferedDataTable u = (BufferedDataTable)out[1];
            assertEquals(2 + 5818, u.size());
            assertEquals(Arrays.asList("clip without label row", "9999_NOT_IN_CREMA", "Row2", null,
                "CREMA-D partition 1 (shipped)"), Tables.values(Tables.rows(u).get(0)));
            assertEquals(Arrays.asList("clip without label row", null, "Row3", null, "CREMA-D partition 1 (shipped)"),
                Tables.values(Tables.rows(u).get(1)));
            assertEquals("label row without clip", Tables.value(u, 2, "Unmatched"));
            assertEquals("2 of 4 clip(s) have no label row in CREMA-D partition 1 (shipped) (their labels are "
                + "missing). 5818 of 5820 label row(s) have no clip. The second output lists them.", t.warning());
        }
    }

    @Test
    void dropUnlabelledAndMspImprovOptions() throws Exception {
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            t.settings(s -> {
                s.addString("corpus", "MSP-IMPROV");
                s.addInt("partition", 3);
                s.addBoolean("flip arousal", false);
                s.addBoolean("scale to 0..1", false);
                s.addBoolean("drop unlabelled clips", true);
            });
            final BufferedDataTable j = t.executeTable(clips("x", "MSP-IMPROV-S01A-F02-R-FF01"));
            assertEquals(1, j.size());
            assertEquals(Arrays.asList("MSP-IMPROV-S01A-F02-R-FF01", "/data/MSP-IMPROV-S01A-F02-R-FF01.flv", 2.666667,
                2.333333, 3.0), Tables.values(Tables.rows(j).get(0)).subList(0, 5));
            assertEquals(List.of("arousal", "valence", "dominance"),
                List.of(j.getDataTableSpec().getColumnNames()).subList(2, 5));
            assertTrue(t.warning().startsWith("1 of 2 clip(s) have no label row in MSP-IMPROV partition 3 (shipped) "
                + "and were dropped."), t.warning());
        }
    }

    @Test
    void genericFileRelativeToTheWorkflowWithWindowsLineEndings() throws Exception {
        Files.writeString(dir.resolve("my labels.csv"), "\uFEFFname,mood,valence,set\r\nc1.wav,happy,0.5,train\r\n"
            + "c2.wav,sad,0.1,test\r\nc3.wav,angry,0.2,dev\r\n");
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            t.workflowFolder(dir);
            t.settings(s -> {
                s.addString("label source", "label file");
                s.addString("label file", "my labels.csv");
                s.addString("file format", "generic");
                s.addString("id column", "Name");
                s.addString("label columns", "mood, valence");
                s.addString("split column", "set");
            });
            final DataTableSpec spec = t.configureTable(CLIPS);
            assertEquals(List.of("Clip", "Path", "mood", "valence", "Split"), List.of(spec.getColumnNames()));
            assertEquals(StringCell.TYPE, spec.getColumnSpec("mood").getType());
            assertEquals(DoubleCell.TYPE, spec.getColumnSpec("valence").getType());
            final PortObject[] out = t.execute(clips("c3", "c1"));
            final BufferedDataTable j = (BufferedDataTable)out[0];
            assertEquals(Arrays.asList("c3", "/data/c3.flv", "angry", 0.2, "Development"),
                Tables.values(Tables.rows(j).get(0)));
            assertEquals(Arrays.asList("c1", "/data/c1.flv", "happy", 0.5, "Train"), Tables.values(Tables.rows(j).get(1)));
            final BufferedDataTable u = (BufferedDataTable)out[1];
            assertEquals(Arrays.asList("label row without clip", "c2.wav", null, 3, dir.resolve("my labels.csv")
                .toString()), Tables.values(Tables.rows(u).get(0)));
            assertEquals("1 of 3 label row(s) have no clip. The second output lists them.", t.warning());
        }
    }

    @Test
    void missingColumnAndMissingFileAreClearErrors() throws Exception {
        final Path f = Files.writeString(dir.resolve("crema.csv"), "FileName,angry,sad,disgust,fear,neutral,happy\n");
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            t.settings(s -> {
                s.addString("label source", "label file");
                s.addString("label file", f.toString());
            });
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.configureTable(CLIPS));
            assertTrue(e.getMessage().contains("has no column 'Split_Set'") && e.getMessage().contains(f.toString()),
                e.getMessage());
            t.settings(s -> s.addString("label file", dir.resolve("nope.csv").toString()));
            final InvalidSettingsException e2 = assertThrows(InvalidSettingsException.class,
                () -> t.configureTable(CLIPS));
            assertTrue(e2.getMessage().contains("nope.csv does not exist"), e2.getMessage());
            t.settings(s -> s.addString("label source", "shipped partition"));
            final InvalidSettingsException e3 = assertThrows(InvalidSettingsException.class,
                () -> t.configureTable(Tables.spec("Name", StringCell.TYPE)));
            assertTrue(e3.getMessage().contains("'Clip'") && e3.getMessage().contains("[Name]"), e3.getMessage());
        }
    }

    @Test
    void existingColumnNamesGetASuffix() throws Exception {
        final DataTableSpec spec = Tables.spec("Clip", StringCell.TYPE, "Split", StringCell.TYPE);
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            final BufferedDataTable j = t.executeTable(Tables.table(spec, new Object[][] {{"1026_IEO_ANG_HI.wav", "mine"}}));
            assertEquals("mine", Tables.value(j, 0, "Split"));
            assertEquals("Train", Tables.value(j, 0, "Split (#2)"));
        }
    }

    @Test
    void dialogSavesWhatItLoaded() throws Exception {
        try (NodeTester<LabelJoinerNodeModel> t = NodeTester.of(new LabelJoinerNodeFactory())) {
            t.settings(s -> {
                s.addString("corpus", "MSP-IMPROV");
                s.addInt("partition", 4);
            });
            final var saved = t.dialogRoundTrip(CLIPS);
            assertEquals("MSP-IMPROV", saved.getString("corpus"));
            assertEquals(4, saved.getInt("partition"));
            assertEquals("shipped partition", saved.getString("label source"));
            assertEquals("Clip", saved.getString("clip id column"));
            assertEquals(true, saved.getBoolean("flip arousal"));
        }
    }
}
