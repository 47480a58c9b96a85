package org.vavl.knime.nodes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.port.PortObjectSpec;
import org.vavl.knime.nodes.audioencoder.AudioEncoderNodeFactory;
import org.vavl.knime.nodes.audioextractor.AudioExtractorNodeFactory;
import org.vavl.knime.nodes.demo.DemoDatasetNodeFactory;
import org.vavl.knime.nodes.evaluator.EvaluatorNodeFactory;
import org.vavl.knime.nodes.facealigner.FaceAlignerNodeFactory;
import org.vavl.knime.nodes.faceencoder.FaceEncoderNodeFactory;
import org.vavl.knime.nodes.labels.LabelJoinerNodeFactory;
import org.vavl.knime.nodes.learner.AuxFormerLearnerNodeFactory;
import org.vavl.knime.nodes.predictor.AuxFormerPredictorNodeFactory;
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.OpenDialog;
import org.vavl.knime.testkit.Tables;

/**
 * Writes a PNG of every tab of every node's dialog, opened with its default settings on the input the node gets in
 * the demo workflow, into {@code docs/images/dialogs/} ({@code <node>-<tab>.png}), painted without a display.
 * Run by {@code tools/dialog-images}; the nodes' documentation links the pictures.
 */
public final class DialogImages {

    /** A node, its file name stem and the input specs its dialog opens on. */
    public record Node(String stem, NodeFactory<?> factory, PortObjectSpec... specs) {
    }

    private static final DataTableSpec CLIPS = Tables.spec("Clip", StringCell.TYPE, "Path", StringCell.TYPE,
        "Duration (s)", DoubleCell.TYPE);

    private static final DataTableSpec LABELLED = Tables.spec("Clip", StringCell.TYPE, "Path", StringCell.TYPE,
        "Emotion", StringCell.TYPE, "Split", StringCell.TYPE, "Speaker", StringCell.TYPE);

    private static final DataTableSpec AUDIO = Tables.spec("Clip", StringCell.TYPE, "Path", StringCell.TYPE,
        "Emotion", StringCell.TYPE, "Split", StringCell.TYPE, "Audio path", StringCell.TYPE, "Face track",
        StringCell.TYPE);

    private static final DataTableSpec FEATURES = Tables.spec("Clip", StringCell.TYPE, "Emotion", StringCell.TYPE,
        "Split", StringCell.TYPE, "Speaker", StringCell.TYPE, "Audio features", StringCell.TYPE, "Visual features",
        StringCell.TYPE);

    private static final DataTableSpec PREDICTIONS = Tables.spec("Clip", StringCell.TYPE, "Emotion",
        StringCell.TYPE, "Split", StringCell.TYPE, "Predicted class (audiovisual)", StringCell.TYPE);

    private DialogImages() {
    }

    /** @return the nodes with dialogs, in workflow order */
    public static List<Node> nodes() {
        return List.of(new Node("demo-dataset", new DemoDatasetNodeFactory()),
            new Node("video-reader", new VideoReaderNodeFactory(), (PortObjectSpec)null),
            new Node("label-joiner", new LabelJoinerNodeFactory(), CLIPS),
            new Node("audio-extractor", new AudioExtractorNodeFactory(), LABELLED),
            new Node("face-aligner", new FaceAlignerNodeFactory(), LABELLED),
            new Node("audio-encoder", new AudioEncoderNodeFactory(), AUDIO),
            new Node("face-encoder", new FaceEncoderNodeFactory(), AUDIO),
            new Node("auxformer-learner", new AuxFormerLearnerNodeFactory(), FEATURES),
            new Node("auxformer-predictor", new AuxFormerPredictorNodeFactory(), null, FEATURES),
            new Node("evaluator", new EvaluatorNodeFactory(), PREDICTIONS, null));
    }

    /** @return the file name of a tab's picture */
    public static String fileName(final Node n, final String tab) {
        return n.stem() + "-" + tab.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "")
            + ".png";
    }

    /** Writes the pictures into the folder. @return the files written */
    public static List<Path> write(final Path folder) throws Exception {
        Files.createDirectories(folder);
        final List<Path> written = new ArrayList<>();
        for (Node n : nodes()) {
            try (NodeTester<?> t = NodeTester.of(n.factory())) {
                final OpenDialog d = OpenDialog.open(t, n.specs());
                for (String tab : d.tabs()) {
                    final BufferedImage img = d.paint(tab, 560);
                    final Path f = folder.resolve(fileName(n, tab));
                    if (!ImageIO.write(img, "png", f.toFile())) {
                        throw new IOException("No PNG writer");
                    }
                    written.add(f);
                }
            }
        }
        return written;
    }

    /** @param args the output folder (default {@code docs/images/dialogs}) */
    public static void main(final String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        final Path folder = Path.of(args.length > 0 ? args[0] : "docs/images/dialogs");
        for (Path p : write(folder)) {
            System.out.println("wrote " + p);
        }
    }
}
