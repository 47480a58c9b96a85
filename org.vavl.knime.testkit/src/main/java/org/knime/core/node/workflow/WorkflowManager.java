package org.knime.core.node.workflow;

import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.vavl.knime.testkit.internal.KitAccess;

/**
 * A workflow (test-kit subset: only its context, which names the workflow folder). Its super class is a stand-in
 * for KNIME's {@link NodeContainer}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/workflow/WorkflowManager.java
 */
public final class WorkflowManager extends NodeContainer {

    private final WorkflowContextV2 m_context;

    /** Test kit: the workflow folder and its mount point, for resolving {@code knime://} URLs. */
    final KitAccess.WorkflowLocation m_location;

    WorkflowManager(final WorkflowContextV2 context, final KitAccess.WorkflowLocation location) {
        m_context = context;
        m_location = location;
    }

    /** @return the context of this workflow (location, executor) */
    public WorkflowContextV2 getContextV2() {
        return m_context;
    }

    /** @return the workflow name (its folder name) */
    public String getName() {
        return m_context.getExecutorInfo().getLocalWorkflowPath().getFileName().toString();
    }

    @Override
    public String toString() {
        return "WorkflowManager(" + m_context.getExecutorInfo().getLocalWorkflowPath() + ")";
    }
}
