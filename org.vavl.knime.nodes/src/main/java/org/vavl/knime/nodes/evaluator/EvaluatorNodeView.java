package org.vavl.knime.nodes.evaluator;

import java.awt.BorderLayout;
import java.awt.image.BufferedImage;
import java.util.Map;

import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;

import org.knime.core.node.NodeView;

/**
 * The Evaluator's view: one tab per chart (main figures per modality, the confusion-matrix heat map of
 * each modality, the training curves when the Learner's history is connected).
 */
final class EvaluatorNodeView extends NodeView<EvaluatorNodeModel> {

    EvaluatorNodeView(final EvaluatorNodeModel model) {
        super(model);
        setComponent(build(model.charts()));
    }

    static JPanel build(final Map<String, BufferedImage> charts) {
        final JPanel panel = new JPanel(new BorderLayout());
        if (charts.isEmpty()) {
            panel.add(new JLabel("Execute the node to see its charts."), BorderLayout.CENTER);
            return panel;
        }
        final JTabbedPane tabs = new JTabbedPane();
        charts.forEach((title, image) -> tabs.addTab(title, new JScrollPane(new JLabel(new ImageIcon(image)))));
        panel.add(tabs, BorderLayout.CENTER);
        return panel;
    }

    @Override
    protected void modelChanged() {
        setComponent(build(getNodeModel().charts()));
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
