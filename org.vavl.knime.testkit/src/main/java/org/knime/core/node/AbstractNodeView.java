package org.knime.core.node;

/**
 * Base of node views.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/AbstractNodeView.java (test-kit subset).
 *
 * @param <T> the model type
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /**
     * What a view can show.
     * <p>
     * Mirrors the nested interface of knime-core .../node/AbstractNodeView.java
     */
    public static interface ViewableModel {
    }

    private final T m_model;

    /** @param viewableModel the model */
    protected AbstractNodeView(final T viewableModel) {
        if (viewableModel == null) {
            throw new NullPointerException("Model must not be null");
        }
        m_model = viewableModel;
    }

    /** @return the model */
    protected final T getViewableModel() {
        return m_model;
    }

    /** Called when the model changed. */
    protected abstract void modelChanged();

    /** Opens the view. */
    protected abstract void callOpenView(String title);

    /** Closes the view. */
    protected abstract void callCloseView();
}
