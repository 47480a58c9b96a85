package org.knime.core.node;

import java.awt.Component;

/**
 * A Swing view of a node model (the test kit never opens a window).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeView.java (test-kit subset).
 *
 * @param <T> the model type
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    private Component m_component;

    private boolean m_open;

    /** @param nodeModel the model */
    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    /** @return the model */
    protected T getNodeModel() {
        return getViewableModel();
    }

    /** Sets the component shown. */
    protected final void setComponent(final Component comp) {
        m_component = comp;
    }

    /** @return the component shown */
    protected final Component getComponent() {
        return m_component;
    }

    /** Called when the view is closed. */
    protected abstract void onClose();

    /** Called when the view is opened. */
    protected abstract void onOpen();

    @Override
    protected void callOpenView(final String title) {
        m_open = true;
        onOpen();
        modelChanged();
    }

    @Override
    public final void callCloseView() {
        m_open = false;
        onClose();
    }

    /** @return whether open */
    protected final boolean isOpen() {
        return m_open;
    }
}
