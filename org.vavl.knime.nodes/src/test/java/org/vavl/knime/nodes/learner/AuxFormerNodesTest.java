package org.vavl.knime.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.vavl.core.features.FeatureSequence;
import org.vavl.core.features.Npy;
import org.vavl.core.model.Task;
import org.vavl.core.train.TrainedAuxFormer;
import org.vavl.knime.nodes.port.AuxFormerPortObject;
import org.vavl.knime.nodes.port.AuxFormerPortObjectSpec;
import org.vavl.knime.nodes.predictor.AuxFormerPredictorNodeFactory;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.testkit.internal.KitAccess;

/** The AuxFormer Learner and Predictor nodes through the test kit, on tiny synthetic feature sequences. */
class AuxFormerNodesTest {

    @TempDir
    static Path dir;

    static List<Object[]> rows;

    static AuxFormerPortObject model;

    static BufferedDataTable history;

    static long learnMillis;

    /** Small network and fast training for tests. */
    static void small(final NodeSettings s) {
        s.addBoolean("reference sizes", false);
        s.addInt("projection dim", 8);
        s.addInt("model dim", 16);
        s.addInt("attention heads", 2);
        s.addInt("feed-forward dim", 32);
        s.addInt("convolution kernel", 3);
        s.addInt("branch blocks", 1);
        s.addInt("shared blocks", 1);
        s.addInt("epochs", 6);
        s.addInt("batch size", 8);
        s.addDouble("learning rate", 3e-3);
        s.addString("device", "cpu");
        s.addInt("threads", 1);
        s.addString("training value", "Train");
        s.addString("development value", "Development");
        s.addString("on error", "fail");
    }

    @BeforeAll
    static void learn() throws Exception {
        rows = SyntheticClips.categorical(dir.resolve("cat"), 120, 1, "Train", "Train", "Development", "Test");
        final NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory());
        t.settings(s -> {
            small(s);
            s.addString("model file", "models/emotions.auxformer"); // relative to the workflow folder
        });
        t.workflowFolder(dir.resolve("learner-workflow"));
        final long t0 = System.nanoTime();
        final PortObject[] out = t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), rows));
        learnMillis = (System.nanoTime() - t0) / 1_000_000;
        model = (AuxFormerPortObject)out[0];
        history = (BufferedDataTable)out[1];
        // progress per batch, with epoch and loss in the message
        assertTrue(t.progress().stream().anyMatch(p -> p.message() != null
            && p.message().matches("Epoch 3/6, batch \\d+/\\d+: loss visual [0-9.]+, audio [0-9.]+, fusion [0-9.]+")),
            t.progress().toString());
        assertNull(t.warning());
    }

    static BufferedDataTable predict(final AuxFormerPortObject m, final List<Object[]> in, final int batch,
        final String onError) throws Exception {
        final var p = NodeTester.of(new AuxFormerPredictorNodeFactory());
        p.settings(s -> {
            s.addInt("batch size", batch);
            s.addInt("threads", 1);
            s.addString("device", "cpu");
            s.addString("on error", onError);
        });
        return (BufferedDataTable)p.execute(m, SyntheticClips.table(SyntheticClips.categoricalSpec(), in))[0];
    }

    static List<Object[]> split(final String value) {
        final List<Object[]> out = new ArrayList<>();
        for (Object[] r : rows) {
            if (value.equals(r[4])) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void learnerOutputsModelAndHistoryAndPredictorIsAccurateOnUnseenClips() throws Exception {
        System.out.println("Learner node, 60 training clips x 6 epochs: " + learnMillis + " ms");
        assertEquals(Task.CATEGORICAL, model.getSpec().task());
        assertEquals(List.of("angry", "happy", "sad"), model.getSpec().labels());
        assertEquals(SyntheticClips.AUDIO_DIM, model.getSpec().audioDim());
        assertEquals(SyntheticClips.VISUAL_DIM, model.getSpec().visualDim());
        assertEquals(List.of("Epoch", "Loss (visual step)", "Loss (audio step)", "Loss (fusion step)",
            "Development loss", "Development accuracy", "Seconds", "Selected"),
            List.of(history.getDataTableSpec().getColumnNames()));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), Tables.column(history, "Epoch"));
        assertEquals(1, Collections.frequency(Tables.column(history, "Selected"), Boolean.TRUE));
        // VAVL has no joint step: no "Loss (joint)" column (the AuxFormer 2022 has it)
        assertTrue(List.of(AuxFormerLearnerNodeModel.historySpec(Task.CATEGORICAL,
            org.vavl.core.model.Architecture.AUXFORMER_2022).getColumnNames()).contains("Loss (joint)"));
        final List<Object> crit = Tables.column(history, "Development loss");
        final int sel = Tables.column(history, "Selected").indexOf(Boolean.TRUE);
        assertEquals(crit.stream().mapToDouble(o -> (Double)o).min().getAsDouble(), (Double)crit.get(sel));
        assertTrue(model.getSummary().contains("3 classes"), model.getSummary());

        final List<Object[]> test = split("Test");
        final BufferedDataTable out = predict(model, test, 8, "fail");
        final DataTableSpec spec = out.getDataTableSpec();
        for (String m : new String[] {"audiovisual", "audio-only", "visual-only"}) {
            assertTrue(spec.containsName("Predicted class (" + m + ")"));
            for (String c : SyntheticClips.CLASSES) {
                assertTrue(spec.containsName("P(" + c + ") (" + m + ")"), c + " " + m);
            }
        }
        assertTrue(spec.containsName("Input used") && spec.containsName("Prediction error"));
        int hits = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.get(i)[3].equals(Tables.value(out, i, "Predicted class (audiovisual)"))) {
                hits++;
            }
            double sum = 0;
            for (String c : SyntheticClips.CLASSES) {
                sum += (Double)Tables.value(out, i, "P(" + c + ") (audiovisual)");
            }
            assertEquals(1, sum, 1e-5);
            assertEquals("audiovisual", Tables.value(out, i, "Input used"));
            assertNull(Tables.value(out, i, "Prediction error"));
        }
        final double accuracy = (double)hits / test.size();
        System.out.println("Predictor node, held-out accuracy (audiovisual): " + accuracy);
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy);
    }

    static double[][] probabilities(final BufferedDataTable t, final String mode) {
        final double[][] p = new double[t.size() > 0 ? (int)t.size() : 0][SyntheticClips.CLASSES.length];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < SyntheticClips.CLASSES.length; c++) {
                final Object v = Tables.value(t, i, "P(" + SyntheticClips.CLASSES[c] + ") (" + mode + ")");
                p[i][c] = v == null ? Double.NaN : (Double)v;
            }
        }
        return p;
    }

    @Test
    void emotionOverTimeGivesAWindowTableAndTimelineImages() throws Exception {
        // 4 test clips with a Duration (s) column: 1.5 s (one window) and 3 s (window 2, hop 0.5: 0-2, 0.5-2.5, 1-3)
        final List<Object[]> test = split("Test").subList(0, 4);
        final List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            final Object[] r = java.util.Arrays.copyOf(test.get(i), test.get(i).length + 1);
            r[r.length - 1] = i % 2 == 0 ? 1.5 : 3.0;
            rows.add(r);
        }
        final List<Object> cols = new ArrayList<>();
        final org.knime.core.data.DataTableSpec base = SyntheticClips.categoricalSpec();
        for (String n : base.getColumnNames()) {
            cols.add(n);
            cols.add(org.knime.core.data.def.StringCell.TYPE);
        }
        cols.add("Duration (s)");
        cols.add(org.knime.core.data.def.DoubleCell.TYPE);
        final Path wf = dir.resolve("timeline-workflow");
        try (var p = NodeTester.of(new AuxFormerPredictorNodeFactory())) {
            p.workflowFolder(wf);
            p.settings(s -> {
                s.addInt("threads", 1);
                s.addString("device", "cpu");
                s.addBoolean("emotion over time", true);
                s.addInt("timeline images", 3);
            });
            final PortObject[] out = p.execute(model, SyntheticClips.table(Tables.spec(cols.toArray()), rows));
            final BufferedDataTable over = (BufferedDataTable)out[1];
            assertEquals(List.of("Clip", "Window start (s)", "Window end (s)", "Modality", "Predicted class", "P(angry)",
                "P(happy)", "P(sad)"), List.of(over.getDataTableSpec().getColumnNames()));
            // (1 + 3 + 1 + 3) windows x 3 modalities
            assertEquals(24, over.size());
            assertEquals(List.of(test.get(1)[0], 1.0, 3.0, "visual-only"),
                Tables.values(Tables.rows(over).get(3 * 1 + 3 * 2 + 2)).subList(0, 4));
            // the whole-clip window of a short clip is the clip's own prediction
            final double[][] whole = probabilities((BufferedDataTable)out[0], "audiovisual");
            for (int c = 0; c < SyntheticClips.CLASSES.length; c++) {
                assertEquals(whole[0][c], (Double)Tables.value(over, 0, "P(" + SyntheticClips.CLASSES[c] + ")"), 1e-6);
            }
            try (var files = Files.list(wf.resolve("vavl-data/timelines"))) {
                assertEquals(3, files.filter(f -> f.getFileName().toString().startsWith("timeline-")).count());
            }
        }
        // without a duration column the setting is named at configure
        try (var p = NodeTester.of(new AuxFormerPredictorNodeFactory())) {
            p.settings(s -> s.addBoolean("emotion over time", true));
            final Exception e = assertThrows(Exception.class,
                () -> p.configure(model.getSpec(), SyntheticClips.categoricalSpec()));
            assertTrue(e.getMessage().startsWith("Setting 'duration column': the input has no numeric column"),
                e.getMessage());
        }
    }

    @Test
    void predictionIsTheSameAloneOrInABatchAndFollowsFrameOrder() throws Exception {
        final List<Object[]> test = split("Test").subList(0, 8);
        final double[][] alone = probabilities(predict(model, test, 1, "fail"), "audiovisual");
        final double[][] batched = probabilities(predict(model, test, 8, "fail"), "audiovisual");
        for (int i = 0; i < alone.length; i++) {
            assertArrayEquals(alone[i], batched[i], 1e-5, "clip " + i);
        }
        // the frames of clip 2's audio in another order: its audio-only output changes
        final Object[] r = test.get(2).clone();
        final FeatureSequence a = Npy.read(Path.of((String)r[1]));
        final List<Integer> order = new ArrayList<>();
        for (int f = 0; f < a.frames(); f++) {
            order.add(f);
        }
        Collections.shuffle(order, new Random(3));
        final float[] v = new float[a.values().length];
        for (int f = 0; f < a.frames(); f++) {
            System.arraycopy(a.values(), order.get(f) * a.dim(), v, f * a.dim(), a.dim());
        }
        final Path shuffled = dir.resolve("shuffled.npy");
        Npy.write(shuffled, new FeatureSequence(v, a.frames(), a.dim()));
        r[1] = shuffled.toString();
        final List<Object[]> changed = new ArrayList<>(test);
        changed.set(2, r);
        final double[][] before = probabilities(predict(model, test, 8, "fail"), "audio-only");
        final double[][] after = probabilities(predict(model, changed, 8, "fail"), "audio-only");
        double diff = 0;
        for (int c = 0; c < before[2].length; c++) {
            diff += Math.abs(before[2][c] - after[2][c]);
        }
        assertTrue(diff > 1e-4, "shuffled frames change the prediction: " + diff);
        assertArrayEquals(before[5], after[5], 1e-6, "other clips unchanged");
    }

    @Test
    void featuresFromFoldersOfClipNpyFilesGiveTheSamePredictions() throws Exception {
        final List<Object[]> test = split("Test").subList(0, 6);
        final double[][] byColumns = probabilities(predict(model, test, 8, "fail"), "audiovisual");
        final var p = NodeTester.of(new AuxFormerPredictorNodeFactory());
        p.settings(s -> {
            s.addString("feature source", "folders");
            s.addString("audio features folder", dir.resolve("cat/audio").toString());
            s.addString("visual features folder", "visual");
            s.addInt("threads", 1);
            s.addString("device", "cpu");
        });
        p.workflowFolder(dir.resolve("cat"));
        // only clip ids and labels: the files are found as <folder>/<clip>.npy (visual folder relative to the workflow)
        final List<Object[]> ids = new ArrayList<>();
        for (Object[] r : test) {
            ids.add(new Object[] {r[0], null, null, r[3], r[4]});
        }
        final BufferedDataTable out = (BufferedDataTable)p.execute(model,
            SyntheticClips.table(SyntheticClips.categoricalSpec(), ids))[0];
        final double[][] byFolders = probabilities(out, "audiovisual");
        for (int i = 0; i < test.size(); i++) {
            assertArrayEquals(byColumns[i], byFolders[i], 0);
        }
    }

    @Test
    void portSaveLoadRoundTripGivesIdenticalPredictions() throws Exception {
        final AuxFormerPortObject back = NodeTester.saveAndLoad(model);
        assertEquals(model.getSpec(), back.getSpec());
        final List<Object[]> test = split("Test");
        final double[][] p1 = probabilities(predict(model, test, 8, "fail"), "audiovisual");
        final double[][] p2 = probabilities(predict(back, test, 8, "fail"), "audiovisual");
        for (int i = 0; i < p1.length; i++) {
            assertArrayEquals(p1[i], p2[i], 0);
        }
        assertTrue(back.html().contains("Selected epoch"));
    }

    @Test
    void aPortWrittenByAnOlderFormatVersionIsRefused() throws Exception {
        final ByteArrayOutputStream saved = new ByteArrayOutputStream();
        KitAccess.port().savePortObject(model, saved, new ExecutionMonitor());
        // rewrite the zip with the model entry's format version lowered by one
        final Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(saved.toByteArray()))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                entries.put(e.getName(), zin.readAllBytes());
            }
        }
        final byte[] m = entries.get("auxformer-model.bin");
        ByteBuffer.wrap(m).putInt("VAVL-AUXFORMER\n".length(), TrainedAuxFormer.FORMAT_VERSION - 1);
        final ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (ZipOutputStream zout = new ZipOutputStream(old)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zout.putNextEntry(new ZipEntry(e.getKey()));
                zout.write(e.getValue());
                zout.closeEntry();
            }
        }
        final IOException e = assertThrows(IOException.class, () -> KitAccess.port().loadPortObject(
            AuxFormerPortObject.class, model.getSpec(), new ByteArrayInputStream(old.toByteArray()),
            new ExecutionMonitor()));
        assertTrue(e.getMessage().contains("format version " + (TrainedAuxFormer.FORMAT_VERSION - 1))
            && e.getMessage().contains("reads format version " + TrainedAuxFormer.FORMAT_VERSION), e.getMessage());
        // a spec of another version is refused by the Predictor's configure, naming both versions
        final AuxFormerPortObjectSpec oldSpec = new AuxFormerPortObjectSpec(Task.CATEGORICAL,
            model.getSpec().labels(), 8, 6, model.getSpec().architecture(), TrainedAuxFormer.FORMAT_VERSION - 1);
        final var p = NodeTester.of(new AuxFormerPredictorNodeFactory());
        final InvalidSettingsException ce = assertThrows(InvalidSettingsException.class,
            () -> p.configure(oldSpec, SyntheticClips.categoricalSpec()));
        assertTrue(ce.getMessage().contains("version " + (TrainedAuxFormer.FORMAT_VERSION - 1))
            && ce.getMessage().contains("version " + TrainedAuxFormer.FORMAT_VERSION), ce.getMessage());
    }

    @Test
    void missingModalityMissingFileAndWrongDimsInThePredictor() throws Exception {
        final List<Object[]> test = split("Test");
        final Path wide = SyntheticClips.write(dir.resolve("wide"), "wide", 5, new float[SyntheticClips.AUDIO_DIM + 3],
            1f, new Random(2));
        final List<Object[]> in = List.of(
            new Object[] {"noVisual", test.get(0)[1], null, "angry", "Test"},
            new Object[] {"noAudio", null, test.get(1)[2], "angry", "Test"},
            new Object[] {"gone", dir.resolve("gone.npy").toString(), test.get(1)[2], "angry", "Test"},
            new Object[] {"wide", wide.toString(), test.get(1)[2], "angry", "Test"});
        final BufferedDataTable out = predict(model, in, 8, "skip");
        assertEquals("audio-only", Tables.value(out, 0, "Input used"));
        assertNull(Tables.value(out, 0, "Predicted class (visual-only)"));
        assertEquals(Tables.value(out, 0, "Predicted class (audio-only)"),
            Tables.value(out, 0, "Predicted class (audiovisual)"));
        assertEquals("visual-only", Tables.value(out, 1, "Input used"));
        assertTrue(((String)Tables.value(out, 2, "Prediction error")).contains("gone.npy"));
        assertNull(Tables.value(out, 2, "Input used"));
        final String dims = (String)Tables.value(out, 3, "Prediction error");
        assertTrue(dims.contains("'wide'") && dims.contains("dimension " + (SyntheticClips.AUDIO_DIM + 3))
            && dims.contains("expects " + SyntheticClips.AUDIO_DIM), dims);
        // on error = fail: the node fails naming the clip
        final Exception e = assertThrows(Exception.class, () -> predict(model, in.subList(2, 3), 8, "fail"));
        assertTrue(e.getMessage().contains("'gone'") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void learnerRefusesEmptySplitsDifferingDimsAndHandlesMissingFilesPerOnError() throws Exception {
        final NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory());
        t.settings(s -> {
            small(s);
            s.addInt("epochs", 1);
            s.addString("development value", "Validation");
        });
        final List<Object[]> few = new ArrayList<>(rows.subList(0, 24));
        final Exception noDev = assertThrows(Exception.class,
            () -> t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), few)));
        assertTrue(noDev.getMessage().contains("development split is empty") && noDev.getMessage().contains("'Validation'"),
            noDev.getMessage());
        t.settings(s -> {
            small(s);
            s.addInt("epochs", 1);
            s.addString("training value", "Training");
        });
        final Exception noTrain = assertThrows(Exception.class,
            () -> t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), few)));
        assertTrue(noTrain.getMessage().contains("training split is empty")
            && noTrain.getMessage().contains("values found: Train, Development"), noTrain.getMessage());

        // a clip whose visual features have another dimension: the message names it and both dims
        final List<Object[]> odd = new ArrayList<>(few);
        final Object[] r = odd.get(5).clone();
        r[2] = SyntheticClips.write(dir.resolve("odd"), "odd", 4, new float[SyntheticClips.VISUAL_DIM + 1], 1f,
            new Random(1)).toString();
        odd.set(5, r);
        t.settings(s -> {
            small(s);
            s.addInt("epochs", 1);
        });
        final Exception dims = assertThrows(Exception.class,
            () -> t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), odd)));
        assertTrue(dims.getMessage().contains("'" + r[0] + "'") && dims.getMessage().contains("dimension "
            + (SyntheticClips.VISUAL_DIM + 1)) && dims.getMessage().contains("has " + SyntheticClips.VISUAL_DIM),
            dims.getMessage());

        // a missing feature file: fail names the clip; skip trains without it and warns
        final List<Object[]> gone = new ArrayList<>(few);
        final Object[] g = gone.get(7).clone();
        g[1] = dir.resolve("nowhere.npy").toString();
        gone.set(7, g);
        final Exception fail = assertThrows(Exception.class,
            () -> t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), gone)));
        assertTrue(fail.getMessage().contains("'" + g[0] + "'") && fail.getMessage().contains("nowhere.npy"),
            fail.getMessage());
        t.settings(s -> {
            small(s);
            s.addInt("epochs", 1);
            s.addString("on error", "skip");
        });
        final PortObject[] ok = t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), gone));
        assertTrue(t.warning().contains("1 clip(s) left out") && t.warning().contains("nowhere.npy"), t.warning());
        // rows 0..23: 12 training and 6 development clips; the one left out (row 7) is a development clip
        assertEquals("12", ((AuxFormerPortObject)ok[0]).model().info().get("Training clips"));
        assertEquals("5", ((AuxFormerPortObject)ok[0]).model().info().get("Development clips"));
    }

    @Test
    void aModelFileThatCannotBeWrittenFailsBeforeTheTraining() throws Exception {
        final Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        final Path file = blocker.resolve("m.auxformer");
        final NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory());
        t.settings(s -> {
            small(s);
            s.addString("model file", file.toString());
        });
        final String expected = "Setting 'model file': the folder '" + blocker + "' cannot be used: '" + blocker
            + "' is a file, not a folder. The trained model could not be saved there: choose a file in a folder you"
            + " can write to.";
        final InvalidSettingsException c = assertThrows(InvalidSettingsException.class,
            () -> t.configure(SyntheticClips.categoricalSpec()));
        assertEquals(expected, c.getMessage());
        final Exception e = assertThrows(Exception.class,
            () -> t.execute(SyntheticClips.table(SyntheticClips.categoricalSpec(), rows.subList(0, 24))));
        assertEquals(expected, e.getMessage());
        assertTrue(t.progress().stream().noneMatch(p -> p.message() != null && p.message().startsWith("Epoch")),
            "no training before the check: " + t.progress());
    }

    @Test
    void settingsAreCheckedAndNamed() {
        final NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory());
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> t.settings(s -> s.addString("device", "tpu")));
        assertTrue(e.getMessage().contains("tpu"), e.getMessage());
        final InvalidSettingsException h = assertThrows(InvalidSettingsException.class, () -> t.settings(s -> {
            s.addBoolean("reference sizes", false);
            s.addInt("attention heads", 7);
        }));
        assertFalse(h.getMessage().isEmpty());
        // defaults are the reference's
        final NodeSettings d = t.savedSettings();
        assertEquals(20, d.getInt("epochs", -1));
        assertEquals(32, d.getInt("batch size", -1));
        assertEquals(0.95, d.getDouble("adam beta1", -1), 1e-12);
        assertEquals(5e-7, d.getDouble("weight decay", -1), 1e-15);
        assertEquals("Emotion", d.getString("class column", null));
        assertEquals("Train", d.getString("training value", null));
        assertEquals("Development", d.getString("development value", null));
        assertEquals(0, d.getInt("threads", -1), "0 = one thread per processor");
    }

    /**
     * The model file: the Learner of {@link #learn()} wrote the trained model to its "model file" (relative to the
     * workflow folder); the Predictor reads it when no model is connected (the inference workflow), with clear errors.
     */
    @Nested
    class ModelFile {

        final Path file = AuxFormerNodesTest.dir.resolve("learner-workflow/models/emotions.auxformer");

        NodeTester<?> predictor(final Consumer<NodeSettings> edit) throws InvalidSettingsException {
            final var p = NodeTester.of(new AuxFormerPredictorNodeFactory());
            p.settings(s -> {
                s.addInt("batch size", 8);
                s.addInt("threads", 1);
                s.addString("device", "cpu");
                edit.accept(s);
            });
            return p;
        }

        BufferedDataTable table(final List<Object[]> rows) {
            return SyntheticClips.table(SyntheticClips.categoricalSpec(), rows);
        }

        @Test
        void theLearnerWritesTheModelFileWithThePortsBytesAndNoTemporaryFiles() throws Exception {
            assertTrue(Files.isRegularFile(file), "model file written relative to the workflow folder: " + file);
            assertArrayEquals(AuxFormerNodesTest.model.model().toBytes(), Files.readAllBytes(file));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            try (Stream<Path> s = Files.list(file.getParent())) {
                assertEquals(List.of("emotions.auxformer"), s.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }

        @Test
        void predictorWithTheFileAndNoPortGivesTheSamePredictionsAsWithThePort() throws Exception {
            final List<Object[]> test = AuxFormerNodesTest.split("Test");
            final BufferedDataTable byPort = AuxFormerNodesTest.predict(AuxFormerNodesTest.model, test, 8, "fail");
            final var p = predictor(s -> s.addString("model file", file.toString()));
            // configure without a model spec: the output columns come from the file
            final DataTableSpec out = (DataTableSpec)p.configure(null, SyntheticClips.categoricalSpec())[0];
            assertEquals(byPort.getDataTableSpec(), out);
            assertNull(p.warning());
            final BufferedDataTable byFile = (BufferedDataTable)p.execute(null, table(test))[0];
            assertEquals(byPort.getDataTableSpec(), byFile.getDataTableSpec());
            for (String mode : new String[] {"audiovisual", "audio-only", "visual-only"}) {
                final double[][] a = AuxFormerNodesTest.probabilities(byPort, mode);
                final double[][] b = AuxFormerNodesTest.probabilities(byFile, mode);
                assertEquals(test.size(), b.length);
                for (int i = 0; i < a.length; i++) {
                    assertArrayEquals(a[i], b[i], 0, mode + " clip " + i);
                }
            }
            // a relative model file is found in the workflow folder
            final var rel = predictor(s -> s.addString("model file", "models/emotions.auxformer"));
            rel.workflowFolder(AuxFormerNodesTest.dir.resolve("learner-workflow"));
            final double[][] c = AuxFormerNodesTest.probabilities((BufferedDataTable)rel.execute(null, table(test))[0],
                "audiovisual");
            assertArrayEquals(AuxFormerNodesTest.probabilities(byPort, "audiovisual")[3], c[3], 0);
            // and so is a knime:// URL: from another workflow next to it, and in the mount point
            for (String url : List.of("knime://knime.workflow/../learner-workflow/models/emotions.auxformer",
                "knime://knime.mountpoint/learner-workflow/models/emotions.auxformer",
                "knime://LOCAL/learner-workflow/models/emotions.auxformer")) {
                final var byUrl = predictor(s -> s.addString("model file", url));
                byUrl.workflowFolder(AuxFormerNodesTest.dir.resolve("inference-workflow"));
                final double[][] u = AuxFormerNodesTest.probabilities(
                    (BufferedDataTable)byUrl.execute(null, table(test))[0], "audiovisual");
                assertArrayEquals(AuxFormerNodesTest.probabilities(byPort, "audiovisual")[3], u[3], 0, url);
            }
        }

        @Test
        void aConnectedModelWinsOverTheFile() throws Exception {
            final List<Object[]> test = AuxFormerNodesTest.split("Test").subList(0, 4);
            final var p = predictor(s -> s.addString("model file", AuxFormerNodesTest.dir.resolve("nowhere.auxformer")
                .toString()));
            final BufferedDataTable out = (BufferedDataTable)p.execute(AuxFormerNodesTest.model, table(test))[0];
            assertEquals(4, out.size());
        }

        @Test
        void neitherAModelConnectedNorAFileGiven() throws Exception {
            final var p = predictor(s -> { });
            // configure cannot tell an unconnected port from a Learner not executed yet: a warning, no output spec
            final PortObjectSpec[] specs = p.configure(null, SyntheticClips.categoricalSpec());
            assertNull(specs[0]);
            assertTrue(p.warning().startsWith("No AuxFormer model: connect"), p.warning());
            final Exception e = assertThrows(InvalidSettingsException.class,
                () -> p.execute(null, table(AuxFormerNodesTest.split("Test").subList(0, 2))));
            assertEquals("No AuxFormer model: connect the model output of an AuxFormer Learner to the model port, or set "
                + "'model file' to a .auxformer file written by an AuxFormer Learner.", e.getMessage());
        }

        @Test
        void aMissingModelFile() throws Exception {
            final Path gone = AuxFormerNodesTest.dir.resolve("no-such-folder/model.auxformer");
            final var p = predictor(s -> s.addString("model file", gone.toString()));
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> p.configure(null, SyntheticClips.categoricalSpec()));
            assertEquals("The model file '" + gone + "' does not exist. Execute the workflow that trains the model (its "
                + "AuxFormer Learner writes the file when its 'model file' is set), or correct the setting 'model file'.",
                e.getMessage());
        }

        @Test
        void aModelFileOfAnotherFormatVersionNamesBothVersions() throws Exception {
            final byte[] bytes = Files.readAllBytes(file);
            for (int version : new int[] {TrainedAuxFormer.FORMAT_VERSION - 1, TrainedAuxFormer.FORMAT_VERSION + 1}) {
                ByteBuffer.wrap(bytes).putInt("VAVL-AUXFORMER\n".length(), version);
                final Path other = Files.write(AuxFormerNodesTest.dir.resolve("v" + version + ".auxformer"), bytes);
                final var p = predictor(s -> s.addString("model file", other.toString()));
                final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                    () -> p.configure(null, SyntheticClips.categoricalSpec()));
                assertTrue(e.getMessage().startsWith("Cannot use the model file '" + other + "': This AuxFormer model was "
                    + "written in model format version " + version + ", but this release of VAVL for KNIME reads format "
                    + "version " + TrainedAuxFormer.FORMAT_VERSION + " only."), e.getMessage());
            }
            // a file that is no model at all
            final Path text = Files.writeString(AuxFormerNodesTest.dir.resolve("notes.auxformer"), "hello");
            final var p = predictor(s -> s.addString("model file", text.toString()));
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> p.configure(null, SyntheticClips.categoricalSpec()));
            assertTrue(e.getMessage().contains("notes.auxformer") && e.getMessage().contains("not an AuxFormer model"),
                e.getMessage());
        }

        @Test
        void theModelFileMustBeAnAuxformerFile() throws Exception {
            final NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory());
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> t.settings(s -> s.addString("model file", "vavl-data/model.zip")));
            assertEquals("Setting 'model file' is 'vavl-data/model.zip': name a file ending with .auxformer (for example "
                + "knime://knime.workflow/vavl-data/model.auxformer).", e.getMessage());
            final InvalidSettingsException p = assertThrows(InvalidSettingsException.class,
                () -> predictor(s -> s.addString("model file", "model")));
            assertTrue(p.getMessage().startsWith("Setting 'model file' is 'model'"), p.getMessage());
            // default: none, and settings written before the setting existed load as none
            assertEquals("", t.savedSettings().getString("model file"));
            final NodeSettings old = t.savedSettings();
            final NodeSettings without = new NodeSettings("model");
            for (String key : old.keySet()) {
                if (!"model file".equals(key)) {
                    without.addEntry(old.getEntry(key));
                }
            }
            t.loadSettings(without);
            assertEquals("", t.savedSettings().getString("model file"));
        }

        @Test
        void aRelativeModelFileNeedsTheWorkflowFolder() throws Exception {
            final NodeTester<AuxFormerLearnerNodeModel> t = NodeTester.of(new AuxFormerLearnerNodeFactory());
            t.settings(s -> {
                AuxFormerNodesTest.small(s);
                s.addString("model file", "m.auxformer");
            });
            final Exception e = assertThrows(InvalidSettingsException.class,
                () -> t.execute(table(AuxFormerNodesTest.rows.subList(0, 24))));
            assertEquals("Setting 'model file' is 'm.auxformer': a relative path, but no workflow executes here to be "
                + "relative to: give an absolute path.", e.getMessage());
        }
    }
}
