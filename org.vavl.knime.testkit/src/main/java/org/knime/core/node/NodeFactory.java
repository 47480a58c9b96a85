package org.knime.core.node;

import java.io.InputStream;
import java.net.URL;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Creates a node's model, dialog and views; name, type and icon come from the node description
 * {@code <FactorySimpleName>.xml} next to the factory class.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeFactory.java (test-kit subset).
 *
 * @param <T> the model type
 */
public abstract class NodeFactory<T extends NodeModel> {

    /**
     * Node types as in the node description's {@code type} attribute.
     * <p>
     * Mirrors the nested enum of knime-core .../node/NodeFactory.java
     */
    public static enum NodeType {
        Source, Sink, Learner, Predictor, Manipulator, Visualizer, Widget, Meta, LoopStart, LoopEnd, ScopeStart,
        ScopeEnd, @Deprecated QuickForm, Configuration, Other, Missing, Unknown, Subnode, VirtualIn, VirtualOut, Container
    }

    private Document m_description;

    private boolean m_descriptionRead;

    /** A factory. */
    protected NodeFactory() {
    }

    /** @param lazyInitialization ignored by the test kit */
    protected NodeFactory(final boolean lazyInitialization) {
    }

    /** @return a new model */
    public abstract T createNodeModel();

    /** @return the number of views */
    protected abstract int getNrNodeViews();

    /**
     * @return the view
     * @deprecated as in KNIME (since 5.6, for removal): Swing based views are no longer used within KNIME
     */
    @Deprecated(since = "5.6", forRemoval = true)
    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    /**
     * @return whether the node has a dialog
     * @deprecated as in KNIME (since 5.6, for removal): KNIME's modern node parameters replace the Swing dialog
     */
    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract boolean hasDialog();

    /**
     * @return the dialog
     * @deprecated as in KNIME (since 5.6, for removal): KNIME's modern node parameters replace the Swing dialog
     */
    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract NodeDialogPane createNodeDialogPane();

    private synchronized Element description() {
        if (!m_descriptionRead) {
            m_descriptionRead = true;
            try (InputStream in = getClass().getResourceAsStream(getClass().getSimpleName() + ".xml")) {
                if (in != null) {
                    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                    f.setNamespaceAware(true);
                    m_description = f.newDocumentBuilder().parse(in);
                }
            } catch (Exception e) {
                NodeLogger.getLogger(NodeFactory.class)
                    .coding("Cannot read node description of " + getClass().getName() + ": " + e.getMessage());
            }
        }
        return m_description == null ? null : m_description.getDocumentElement();
    }

    /** @return the node name from the description (or the factory's class name without "NodeFactory") */
    public final String getNodeName() {
        Element root = description();
        if (root != null) {
            NodeList l = root.getElementsByTagNameNS("*", "name");
            if (l.getLength() > 0) {
                return l.item(0).getTextContent().trim();
            }
        }
        return getClass().getSimpleName().replaceFirst("NodeFactory$", "");
    }

    /** @return the node type from the description */
    public NodeType getType() {
        Element root = description();
        if (root != null && !root.getAttribute("type").isEmpty()) {
            try {
                return NodeType.valueOf(root.getAttribute("type"));
            } catch (IllegalArgumentException e) {
                return NodeType.Unknown;
            }
        }
        return NodeType.Unknown;
    }

    /** @return the icon named in the description, or null */
    public URL getIcon() {
        Element root = description();
        if (root == null || root.getAttribute("icon").isEmpty()) {
            return null;
        }
        return getClass().getResource(root.getAttribute("icon"));
    }
}
