package org.vavl.knime.nodes.common;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * The factory of every VAVL node: KNIME's classic {@link NodeFactory} with a Swing dialog and, where a node has one,
 * a Swing view. A node's factory implements {@link #createDialog()} (and {@link #createView(int, NodeModel)} when
 * {@link #getNrNodeViews()} is not 0).
 * <p>
 * <b>Deprecated API, on purpose, in this one place.</b> KNIME 5.6 marks {@code NodeFactory.hasDialog},
 * {@code createNodeDialogPane}, {@code createNodeView} and {@code getNodeViewName}
 * {@code @Deprecated(since = "5.6", forRemoval = true)}: its modern node parameters (the WebUI dialogs) replace
 * the Swing dialog. The node bundle admits {@code org.knime.core [5.3.0,6.0.0)}, and the classic dialog is what
 * every one of those versions supports (the modern parameters API is not available in the same form in 5.3), so
 * the nodes keep it; moving them to the modern node parameters is a later step. This class is the only code that
 * implements those methods, and the only place that suppresses the compiler's {@code removal} warnings about them
 * (see docs/testkit.md, "Deprecated KNIME API"). Nothing else in the nodes bundle may use deprecated KNIME API
 * without such a note.
 *
 * @param <T> the node model
 */
@SuppressWarnings("removal") // KNIME 5.6 deprecates the Swing dialog/view factory methods; 5.3-5.x need them
public abstract class ClassicNodeFactory<T extends NodeModel> extends NodeFactory<T> {

    /** @return the node's Swing dialog (a new one for each call) */
    protected abstract NodeDialogPane createDialog();

    /**
     * @param viewIndex the view, 0 to {@link #getNrNodeViews()} - 1
     * @param nodeModel the node's model
     * @return the view; this default is for nodes without views and returns null, as KNIME's own factories do
     */
    protected NodeView<T> createView(final int viewIndex, final T nodeModel) {
        return null;
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }

    @Override
    protected final NodeDialogPane createNodeDialogPane() {
        return createDialog();
    }

    @Override
    public final NodeView<T> createNodeView(final int viewIndex, final T nodeModel) {
        return createView(viewIndex, nodeModel);
    }
}
