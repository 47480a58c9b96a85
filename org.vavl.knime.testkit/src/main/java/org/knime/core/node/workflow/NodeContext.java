package org.knime.core.node.workflow;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The node a thread works for, and through it the workflow (and its folder). The test kit's runner and NodeTester
 * set it around configure and execute.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/workflow/NodeContext.java (test-kit subset).
 */
public final class NodeContext {

    private static final ThreadLocal<Deque<NodeContext>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

    private final WorkflowManager m_workflowManager;

    private NodeContext(final WorkflowManager wfm) {
        m_workflowManager = wfm;
    }

    /** @return the current context of this thread, or null */
    public static NodeContext getContext() {
        return STACK.get().peek();
    }

    /** Removes the context pushed last. */
    public static void removeLastContext() {
        Deque<NodeContext> s = STACK.get();
        if (!s.isEmpty()) {
            s.pop();
        }
    }

    static void push(final WorkflowManager wfm) {
        STACK.get().push(new NodeContext(wfm));
    }

    /** @return the workflow the node belongs to, or null */
    public WorkflowManager getWorkflowManager() {
        return m_workflowManager;
    }

    @Override
    public String toString() {
        return "NodeContext(" + m_workflowManager + ")";
    }
}
