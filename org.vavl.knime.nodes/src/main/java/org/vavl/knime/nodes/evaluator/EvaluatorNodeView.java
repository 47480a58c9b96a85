package org.vavl.knime.nodes.evaluator;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;

import org.knime.core.node.NodeView;

/**
 * The Evaluator's view: the headline summary (figures with intervals, chance, supported differences, what
 * produced them), then one tab per chart (main figures per modality, the confusion-matrix heat map of
 * each modality, the training curves when the Learner's history is connected).
 */
final class EvaluatorNodeView extends NodeView<EvaluatorNodeModel> {

    EvaluatorNodeView(final EvaluatorNodeModel model) {
        super(model);
        setComponent(build(model.summary(), model.charts()));
    }

    static JPanel build(final List<String> summary, final Map<String, BufferedImage> charts) {
        final JPanel panel = new JPanel(new BorderLayout());
        if (charts.isEmpty()) {
            panel.add(new JLabel("Execute the node to see its charts."), BorderLayout.CENTER);
            return panel;
        }
        final JTabbedPane tabs = new JTabbedPane();
        if (!summary.isEmpty()) {
            final JTextArea text = new JTextArea(String.join("\n", summary));
            text.setEditable(false);
            text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
            tabs.addTab("Summary", new JScrollPane(text));
        }
        charts.forEach((title, image) -> tabs.addTab(title, new JScrollPane(new JLabel(new ImageIcon(image)))));
        panel.add(tabs, BorderLayout.CENTER);
        return panel;
    }

    @Override
    protected void modelChanged() {
        setComponent(build(getNodeModel().summary(), getNodeModel().charts()));
    }

    @Override
    protected void onClose() {
        // nothing to release
    }

    @Override
    protected void onOpen() {
        // charts are drawn at execution
    }
}
