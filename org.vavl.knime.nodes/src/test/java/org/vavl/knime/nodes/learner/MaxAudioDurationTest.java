package org.vavl.knime.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObject;
import org.vavl.core.train.AuxFormerTrainer;
import org.vavl.core.train.TrainedAuxFormer;
import org.vavl.knime.nodes.port.AuxFormerNodes;
import org.vavl.knime.nodes.port.AuxFormerPortObject;
import org.vavl.knime.nodes.predictor.AuxFormerPredictorNodeFactory;
import org.vavl.knime.testkit.NodeTester;

/**
 * The Learner's maximum audio duration in seconds: converted to frames by the rate the audio feature files record,
 * refused with a message when they record none; the frames setting of older workflows keeps its meaning. The model
 * records the encoders and its size, and the Predictor passes them on for the Evaluator's report.
 */
class MaxAudioDurationTest {

    @TempDir
    Path dir;

    /** The record the built-in log-mel writes beside each file (10 ms hop: 100 frames per second). */
    private static void logMelRecords(final List<Object[]> rows) throws Exception {
        for (Object[] r : rows) {
            final Path npy = Path.of((String)r[1]);
            Files.writeString(npy.resolveSibling(npy.getFileName() + ".settings"),
                "encoder=built-in log-mel v1\nhop\\ ms=10.0\nmels=80\n");
        }
    }

    private static PortObject[] learn(final List<Object[]> rows, final double seconds) throws Exception {
        final NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory());
        t.settings(s -> {
            AuxFormerNodesTest.small(s);
            s.addInt("epochs", 1);
            s.addDouble("maximum audio duration (s)", seconds);
        });
        return t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), rows));
    }

    @Test
    void secondsAreConvertedByTheRateTheFeatureFilesRecord() throws Exception {
        final List<Object[]> rows = SyntheticClips.categorical(dir, 24, 3, "Train", "Development");
        logMelRecords(rows);
        final TrainedAuxFormer model = ((AuxFormerPortObject)learn(rows, 0.05)[0]).model();
        assertEquals("5", model.info().get(AuxFormerTrainer.MAX_AUDIO_FRAMES), "0.05 s at 100 frames/s");
        assertEquals("built-in log-mel v1, 8 values per frame, 100 frames/s",
            model.info().get(TrainedAuxFormer.AUDIO_FEATURES));
        assertEquals("encoder not recorded, 6 values per frame", model.info().get(TrainedAuxFormer.VISUAL_FEATURES));
        assertTrue(Long.parseLong(model.info().get(AuxFormerTrainer.PARAMETERS)) > 1000, model.info().toString());

        // the Predictor passes what the model is and was trained on to the Evaluator
        final var p = NodeTester.of(new AuxFormerPredictorNodeFactory());
        p.settings(s -> s.addString("device", "cpu"));
        p.execute(new AuxFormerPortObject(model), SyntheticClips.table(SyntheticClips.categoricalSpec(), rows));
        final Object features = p.pushedFlowVariables().get(AuxFormerNodes.provenanceVariable("Features"));
        assertEquals("audio: built-in log-mel v1, 8 values per frame, 100 frames/s; visual: encoder not recorded, 6"
            + " values per frame", features);
        final String m = (String)p.pushedFlowVariables().get(AuxFormerNodes.provenanceVariable("Model"));
        assertTrue(m.startsWith("VAVL (2023), ") && m.contains("trainable parameters") && m.contains("3 classes"), m);
    }

    @Test
    void aDurationWithFeaturesThatRecordNoRateIsRefusedNamingTheSetting() throws Exception {
        final List<Object[]> rows = SyntheticClips.categorical(dir, 24, 3, "Train", "Development");
        final Exception e = assertThrows(Exception.class, () -> learn(rows, 2));
        assertTrue(e.getMessage().contains("'maximum audio duration (s)'") && e.getMessage().contains("Audio Encoder")
            && e.getMessage().contains(rows.get(0)[1].toString()), e.getMessage());
        // no cut: no rate needed
        assertEquals("0", ((AuxFormerPortObject)learn(rows, 0)[0]).model().info().get(AuxFormerTrainer.MAX_AUDIO_FRAMES));
    }

    /** Settings as a workflow saved before the duration in seconds: the cut in frames, no duration key. */
    private static NodeSettings olderWorkflow(final int frames) {
        final AuxFormerLearnerSettings s = new AuxFormerLearnerSettings();
        final NodeSettings n = new NodeSettings("model");
        for (SettingsModel m : s.all()) {
            m.saveSettingsTo(n);
        }
        n.addString("model file", "");
        n.addInt(AuxFormerLearnerSettings.KEY_MAX_AUDIO_FRAMES, frames);
        return n;
    }

    @Test
    void theFramesOfAnOlderWorkflowKeepTheirMeaningUntilADurationIsSet() throws Exception {
        final AuxFormerLearnerSettings s = new AuxFormerLearnerSettings();
        s.loadFrom(olderWorkflow(7));
        assertEquals(0, s.m_maxAudioSeconds.getDoubleValue());
        assertEquals(7, s.maxAudioFrames(100, "x"), "frames as before, whatever the rate");
        assertEquals(7, s.maxAudioFrames(Double.NaN, "x"));
        // saved again, the frames stay (the node keeps doing what the workflow did)
        final NodeSettings saved = new NodeSettings("model");
        s.saveAddedLaterTo(saved);
        assertEquals(7, saved.getInt(AuxFormerLearnerSettings.KEY_MAX_AUDIO_FRAMES));
        assertEquals(0, saved.getDouble(AuxFormerLearnerSettings.KEY_MAX_AUDIO_SECONDS), 0);
        // a duration replaces them
        s.m_maxAudioSeconds.setDoubleValue(1.5);
        assertEquals(150, s.maxAudioFrames(100, "x"));
        assertEquals(75, s.maxAudioFrames(50, "x"));
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> s.maxAudioFrames(Double.NaN, "'a.npy'"));
        assertTrue(e.getMessage().contains("'a.npy'"), e.getMessage());
        // new workflows save no frames
        final NodeSettings fresh = new NodeSettings("model");
        new AuxFormerLearnerSettings().saveAddedLaterTo(fresh);
        assertFalse(fresh.containsKey(AuxFormerLearnerSettings.KEY_MAX_AUDIO_FRAMES));
        // the node loads an older workflow and trains with its frames
        final NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory());
        t.loadSettings(olderWorkflow(4));
        t.settings(n -> {
            AuxFormerNodesTest.small(n);
            n.addInt("epochs", 1);
        });
        final List<Object[]> rows = SyntheticClips.categorical(dir, 24, 3, "Train", "Development");
        final PortObject[] out = t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), rows));
        assertEquals("4", ((AuxFormerPortObject)out[0]).model().info().get(AuxFormerTrainer.MAX_AUDIO_FRAMES));
    }
}
