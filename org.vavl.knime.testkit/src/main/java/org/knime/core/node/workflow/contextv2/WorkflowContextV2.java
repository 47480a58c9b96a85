package org.knime.core.node.workflow.contextv2;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The context of a workflow: its executor (with the local workflow folder) and location.
 * <p>
 * Mirrors knime-shared
 * org.knime.core.util/src/main/java/org/knime/core/node/workflow/contextv2/WorkflowContextV2.java (test-kit
 * subset).
 */
public final class WorkflowContextV2 {

    private final ExecutorInfo m_executorInfo;

    private WorkflowContextV2(final ExecutorInfo executorInfo) {
        m_executorInfo = executorInfo;
    }

    /**
     * @param workflowFolderPath the workflow folder on this machine
     * @param sourceArchive the archive the workflow was extracted from; ignored by the test kit (may be null)
     * @return a context for a workflow executed in a local folder
     */
    public static WorkflowContextV2 forTemporaryWorkflow(final Path workflowFolderPath, final Path sourceArchive) {
        Objects.requireNonNull(workflowFolderPath, "workflowFolderPath");
        return new WorkflowContextV2(new ExecutorInfo(workflowFolderPath,
            Path.of(System.getProperty("java.io.tmpdir"))) {
        });
    }

    /** @return the executor information */
    public ExecutorInfo getExecutorInfo() {
        return m_executorInfo;
    }

    @Override
    public String toString() {
        return "WorkflowContextV2(" + m_executorInfo + ")";
    }
}
