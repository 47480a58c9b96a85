package org.knime.core.node.workflow;

import java.nio.file.Path;

import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.vavl.knime.testkit.internal.KitAccess;

/** Test-kit bridge (package-private; not part of KNIME's API). */
final class KitWorkflowBridge implements KitAccess.WorkflowBridge {

    /** The ID of the one mount point the test kit knows, as in a KNIME Analytics Platform's local workspace. */
    static final String MOUNT_ID = "LOCAL";

    static {
        KitAccess.register(new KitWorkflowBridge());
    }

    @Override
    public void pushWorkflowContext(final Path workflowFolder) {
        final Path abs = workflowFolder.toAbsolutePath().normalize();
        pushWorkflowContext(abs, abs.getParent() == null ? abs : abs.getParent());
    }

    @Override
    public void pushWorkflowContext(final Path workflowFolder, final Path mountpointRoot) {
        final Path abs = workflowFolder.toAbsolutePath().normalize();
        final Path root = mountpointRoot.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new IllegalArgumentException(
                "The mount point root " + root + " does not contain the workflow folder " + abs + ".");
        }
        NodeContext.push(new WorkflowManager(WorkflowContextV2.forTemporaryWorkflow(abs, null),
            new KitAccess.WorkflowLocation(abs, MOUNT_ID, root)));
    }

    @Override
    public void popWorkflowContext() {
        NodeContext.removeLastContext();
    }

    @Override
    public KitAccess.WorkflowLocation currentWorkflow() {
        final NodeContext c = NodeContext.getContext();
        return c == null || c.getWorkflowManager() == null ? null : c.getWorkflowManager().m_location;
    }
}
