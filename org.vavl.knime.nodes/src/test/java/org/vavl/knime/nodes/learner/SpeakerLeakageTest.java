package org.vavl.knime.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

/** The Learner refuses a label file whose splits share speakers with the training split, unless allowed. */
class SpeakerLeakageTest {

    @TempDir
    Path dir;

    /** 60 clips; the speaker of clip i is s(i mod k): with k = 5 every speaker is in every split. */
    private BufferedDataTable table(final int speakers, final boolean apart) throws Exception {
        final List<Object[]> rows = SyntheticClips.categorical(dir.resolve("clips"), 60, 1, "Train", "Train",
            "Development", "Test");
        final List<Object[]> withSpeaker = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            final Object[] r = rows.get(i);
            final Object[] w = java.util.Arrays.copyOf(r, r.length + 1);
            // apart: the speaker is the split itself (one per split)
            w[r.length] = apart ? "s-" + r[4] : "s" + (i % speakers);
            withSpeaker.add(w);
        }
        final DataTableSpec base = SyntheticClips.categoricalSpec();
        final List<Object> cols = new ArrayList<>();
        for (int i = 0; i < base.getNumColumns(); i++) {
            cols.add(base.getColumnSpec(i).getName());
            cols.add(StringCell.TYPE);
        }
        cols.add("Speaker");
        cols.add(StringCell.TYPE);
        return SyntheticClips.table(Tables.spec(cols.toArray()), withSpeaker);
    }

    private static void quick(final NodeSettings s) {
        AuxFormerNodesTest.small(s);
        s.addInt("epochs", 1);
    }

    @Test
    void sharedSpeakersAreRefusedNamingThem() throws Exception {
        final BufferedDataTable in = table(5, false);
        try (NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory())) {
            t.settings(SpeakerLeakageTest::quick);
            final Exception e = assertThrows(Exception.class, () -> t.execute(in));
            assertEquals("5 speaker(s) appear in the training split 'Train' and in another split: s0 (Development, Test,"
                + " Train); s1 (Development, Test, Train); s2 (Development, Test, Train); s3 (Development, Test, Train);"
                + " s4 (Development, Test, Train). The model would be chosen and tested on voices and faces it was"
                + " trained on, which inflates its results. Use speaker-independent splits (Emotion Label Joiner: "
                + "'speaker-independent splits'), or tick 'allow speakers in several splits' if this is intended.",
                e.getMessage());
        }
        try (NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory())) {
            t.settings(s -> {
                quick(s);
                s.addBoolean("allow speakers in several splits", true);
            });
            assertNotNull(t.execute(in)[0]);
            assertTrue(t.warning().startsWith("5 speaker(s) appear in the training split 'Train'")
                && t.warning().contains("Allowed by 'allow speakers in several splits'"), t.warning());
        }
    }

    @Test
    void speakersKeptApartTrainWithoutWarningAndAMissingNamedColumnIsAnError() throws Exception {
        try (NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory())) {
            t.settings(SpeakerLeakageTest::quick);
            assertNotNull(t.execute(table(5, true))[0]);
            assertEquals(null, t.warning());
        }
        try (NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory())) {
            t.settings(s -> {
                quick(s);
                s.addString("speaker column", "Actor");
            });
            final Exception e = assertThrows(Exception.class, () -> t.execute(table(5, true)));
            assertEquals("The speaker column 'Actor' (setting 'speaker column') is not in the input table: choose the"
                + " column naming each clip's speaker, or 'Speaker'.", e.getMessage());
        }
    }
}
