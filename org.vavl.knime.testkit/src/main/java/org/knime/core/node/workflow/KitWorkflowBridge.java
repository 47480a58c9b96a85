package org.knime.core.node.workflow;

import java.nio.file.Path;

import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.vavl.knime.testkit.internal.KitAccess;

/** Test-kit bridge (package-private; not part of KNIME's API). */
final class KitWorkflowBridge implements KitAccess.WorkflowBridge {

    static {
        KitAccess.register(new KitWorkflowBridge());
    }

    @Override
    public void pushWorkflowContext(final Path workflowFolder) {
        Path abs = workflowFolder.toAbsolutePath().normalize();
        NodeContext.push(new WorkflowManager(WorkflowContextV2.forTemporaryWorkflow(abs, null)));
    }

    @Override
    public void popWorkflowContext() {
        NodeContext.removeLastContext();
    }
}
