package org.vavl.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.OpenDialog;
import org.vavl.knime.testkit.Tables;

/**
 * Each dialog opened on saved settings, as KNIME opens it: which settings are enabled (only those that apply, also
 * right when the dialog opens), how that follows the user's clicks, what OK saves, file choosers titled with what
 * they are for, and the node descriptions naming the dialog's tabs.
 */
class DialogsTest {

    private static DialogImages.Node node(final String stem) {
        return DialogImages.nodes().stream().filter(n -> n.stem().equals(stem)).findFirst().orElseThrow();
    }

    /** Opens the node's dialog on its default settings edited by {@code edit}, on the demo's input. */
    private static OpenDialog open(final String stem, final Consumer<NodeSettings> edit) throws Exception {
        final DialogImages.Node n = node(stem);
        return open(n, edit, n.specs());
    }

    private static OpenDialog open(final DialogImages.Node n, final Consumer<NodeSettings> edit,
        final PortObjectSpec... specs) throws Exception {
        final NodeTester<?> t = NodeTester.of(n.factory());
        if (edit != null) {
            t.settings(edit::accept);
        }
        return OpenDialog.open(t, specs);
    }

    @Test
    void faceAlignerEnablesTheYuNetModelForYuNetOnlyAndTitlesItsThreeFileChoosers() throws Exception {
        OpenDialog d = open("face-aligner", null);
        assertFalse(d.enabled("YuNet model file (.onnx, for the YuNet detector)"), "Haar: no model file");
        assertTrue(d.enabled("Detection interval (frames, when tracking)"));
        d.click("YuNet (ONNX model file)").click("Track the face between detections");
        assertTrue(d.enabled("YuNet model file (.onnx, for the YuNet detector)"));
        assertFalse(d.enabled("Detection interval (frames, when tracking)"));
        assertEquals("yunet", d.ok().getString("detector"));

        d = open("face-aligner", s -> {
            s.addString("detector", "yunet");
            s.addBoolean("track between detections", false);
        });
        assertTrue(d.enabled("YuNet model file (.onnx, for the YuNet detector)"), "saved YuNet: enabled on open");
        assertFalse(d.enabled("Detection interval (frames, when tracking)"), "saved without tracking");
        assertTrue(d.labels().containsAll(List.of("Output folder for the face-track videos",
            "Also write PNG frames into this folder (empty: none)")));
        assertFalse(d.labels().contains("Selected File:"));
        assertFalse(d.labels().contains("Selected Directory:"));
    }

    @Test
    void videoReaderEnablesTheFolderWithoutATableAndThePathColumnWithOne() throws Exception {
        final DialogImages.Node n = node("video-reader");
        OpenDialog d = open(n, null, (PortObjectSpec)null);
        assertTrue(d.enabled("Folder with the videos"));
        assertTrue(d.enabled("Include sub-folders"));
        assertTrue(d.enabled("File pattern (comma separated, case-insensitive)"));
        assertFalse(d.enabled("Path column"));
        d = open(n, null, Tables.spec("Video", StringCell.TYPE));
        assertFalse(d.enabled("Folder with the videos"));
        assertFalse(d.enabled("Include sub-folders"));
        assertTrue(d.enabled("Path column"));
        assertEquals(List.of("Options", "Execution"), d.tabs());
    }

    @Test
    void learnerEnablesClassOrAttributeColumnsByTaskAndSizesUnlessReferenceSizes() throws Exception {
        OpenDialog d = open("auxformer-learner", null);
        assertTrue(d.enabled("Class column"));
        assertFalse(d.enabled("Attribute columns (comma separated)"));
        assertTrue(d.enabled("Audio features column"));
        assertFalse(d.enabled("Audio features folder (folders mode)"));
        assertFalse(d.enabled("Modality dropout (AuxFormer 2022)"), "VAVL has no modality dropout");
        assertFalse(d.enabled("Threads (not used: training runs on one thread, for reproducible models)"));
        d.click("Dimensional").click("Folders of <clip>.npy");
        assertFalse(d.enabled("Class column"));
        assertTrue(d.enabled("Attribute columns (comma separated)"));
        assertTrue(d.enabled("Audio features folder (folders mode)"));
        assertFalse(d.enabled("Visual features column"));

        d = open("auxformer-learner", s -> {
            s.addString("task", "dimensional");
            s.addString("feature source", "folders");
            s.addString("architecture", "AuxFormer (2022)");
        });
        assertFalse(d.enabled("Class column"), "saved dimensional: class column disabled on open");
        assertTrue(d.enabled("Attribute columns (comma separated)"));
        assertTrue(d.enabled("Visual features folder (folders mode)"));
        assertTrue(d.enabled("Modality dropout (AuxFormer 2022)"));
        assertFalse(d.enabled("Model dim"), "the reference sizes are used");
        d = open("auxformer-learner", s -> s.addBoolean("reference sizes", false));
        assertTrue(d.enabled("Model dim"));
        assertEquals(List.of("Data", "Model", "Training"), d.tabs());
    }

    @Test
    void encodersEnableTheSettingsOfTheChosenEncoder() throws Exception {
        OpenDialog d = open("audio-encoder", null);
        assertTrue(d.enabled("Mel filters"));
        assertFalse(d.enabled("Encoder model file (.pt or .onnx)"));
        assertFalse(d.enabled("Folder of existing <clip>.npy feature files"));
        assertFalse(d.enabled("Normalisation"));
        assertFalse(d.enabled("Device"));
        d.click("Model file (TorchScript .pt or ONNX .onnx)");
        assertFalse(d.enabled("Mel filters"));
        assertTrue(d.enabled("Encoder model file (.pt or .onnx)"));
        assertTrue(d.enabled("Normalisation"));
        assertFalse(d.enabled("Statistics from"), "per-utterance normalisation needs no statistics");
        d.select("Normalisation", "statistics");
        assertTrue(d.enabled("Statistics from"));
        assertFalse(d.enabled("Mean"), "statistics from the input clips");
        assertTrue(d.enabled("Only rows whose column (empty: all rows)"));
        d.click("Mean and std below");
        assertTrue(d.enabled("Mean"));
        assertFalse(d.enabled("equals"));

        d = open("face-encoder", s -> s.addString("encoder", "existing feature files"));
        assertTrue(d.enabled("Folder of existing <clip>.npy feature files"), "saved existing: enabled on open");
        assertFalse(d.enabled("Face track column"));
        assertFalse(d.enabled("Output folder for the <clip>.npy feature files"));
        assertFalse(d.enabled("Input size (pixels)"));
        d = open("face-encoder", s -> s.addString("encoder", "model file"));
        assertTrue(d.enabled("Input size (pixels)"));
        assertTrue(d.enabled("Device"));
    }

    @Test
    void evaluatorEnablesResamplesWhileBootstrapIsOnAlsoWhenOpened() throws Exception {
        OpenDialog d = open("evaluator", s -> s.addBoolean("bootstrap", false));
        assertFalse(d.enabled("Resamples"));
        assertFalse(d.enabled("Seed"));
        d.click("Bootstrap 95% confidence intervals");
        assertTrue(d.enabled("Resamples"));
        d = open("evaluator", s -> s.addBoolean("bootstrap", true));
        assertTrue(d.enabled("Resamples"));
        assertTrue(d.ok().getBoolean("bootstrap"));
    }

    @Test
    void labelJoinerAndPredictorEnableWhatTheirChoicesUse() throws Exception {
        OpenDialog d = open("label-joiner", s -> s.addString("label source", "label file"));
        assertTrue(d.enabled("Label file (.csv, .txt or .tsv, for a label file source)"), "saved file source");
        assertFalse(d.enabled("Partition"));
        assertFalse(d.enabled("Train share of clips"));
        final DialogImages.Node p = node("auxformer-predictor");
        final DataTableSpec features = (DataTableSpec)p.specs()[1];
        d = open(p, null, null, features);
        assertTrue(d.enabled("Model file (.auxformer, used when no model is connected)"));
        assertFalse(d.enabled("Visual features folder (folders mode)"));
    }

    @Test
    void whatIsTypedIsSaved() throws Exception {
        final OpenDialog d = open("face-aligner", null);
        d.select("Main face", "nearest to previous");
        assertEquals("nearest to previous", d.ok().getString("main face"));
    }

    private static final java.nio.file.Path DOCS = java.nio.file.Path.of("..", "docs");

    /**
     * The node descriptions' tabs are the dialog's tabs, in the dialog's order; every tab has its picture in
     * docs/images/dialogs, shown in docs/dialogs.md.
     */
    @Test
    void descriptionsNameTheDialogsTabs() throws Exception {
        for (DialogImages.Node n : DialogImages.nodes()) {
            final List<String> described = new ArrayList<>();
            final String xml;
            try (InputStream in = n.factory().getClass()
                .getResourceAsStream(n.factory().getClass().getSimpleName() + ".xml")) {
                xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            final Matcher m = Pattern.compile("<tab name=\"([^\"]+)\"").matcher(xml);
            while (m.find()) {
                described.add(m.group(1));
            }
            final List<String> tabs = open(n, null, n.specs()).tabs();
            for (String tab : tabs) {
                final String f = DialogImages.fileName(n, tab);
                assertTrue(java.nio.file.Files.exists(DOCS.resolve("images/dialogs").resolve(f)),
                    f + " is missing: run tools/dialog-images");
                assertTrue(java.nio.file.Files.readString(DOCS.resolve("dialogs.md")).contains("images/dialogs/" + f),
                    "docs/dialogs.md shows " + f);
            }
            if (!described.isEmpty()) {
                assertEquals(tabs, described, n.stem() + ": the description's tabs");
            }
        }
    }
}
