package org.knime.core.node.workflow.contextv2;

import java.nio.file.Path;

/**
 * Where and by whom a workflow is executed.
 * <p>
 * Mirrors knime-shared org.knime.core.util/src/main/java/org/knime/core/node/workflow/contextv2/ExecutorInfo.java
 * (test-kit subset).
 */
public abstract class ExecutorInfo {

    private final Path m_localWorkflowPath;

    private final Path m_tempFolder;

    ExecutorInfo(final Path localWorkflowPath, final Path tempFolder) {
        m_localWorkflowPath = localWorkflowPath;
        m_tempFolder = tempFolder;
    }

    /** @return the folder the workflow is executed in, on this machine */
    public Path getLocalWorkflowPath() {
        return m_localWorkflowPath;
    }

    /** @return the temp folder of the workflow */
    public Path getTempFolder() {
        return m_tempFolder;
    }

    /** @return whether there is no UI (always true in the test kit) */
    public boolean isHeadless() {
        return true;
    }

    @Override
    public String toString() {
        return "ExecutorInfo(" + m_localWorkflowPath + ")";
    }
}
