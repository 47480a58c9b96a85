package org.vavl.knime.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knime.core.node.ExecutionContext;
import org.vavl.knime.testkit.internal.KitAccess;

/**
 * An {@link ExecutionContext} for unit tests of code that takes one (helpers, cell factories): records progress
 * and can be cancelled from any thread. Also runs code inside a workflow context (as the runner does).
 */
public final class TestExecution {

    private final List<ProgressEvent> m_progress = new CopyOnWriteArrayList<>();

    private volatile boolean m_cancelled;

    private final ExecutionContext m_exec = KitAccess.node().newExecutionContext(new KitAccess.ProgressSink() {
        @Override
        public void progress(final double fraction, final String message) {
            m_progress.add(new ProgressEvent(fraction, message));
        }

        @Override
        public boolean isCancelled() {
            return m_cancelled;
        }
    });

    /** @return the context */
    public ExecutionContext context() {
        return m_exec;
    }

    /** Cancels: the context's next checkCanceled throws. */
    public void cancel() {
        m_cancelled = true;
    }

    /** @return the progress reports so far */
    public List<ProgressEvent> progress() {
        return Collections.unmodifiableList(new ArrayList<>(m_progress));
    }

    /**
     * Runs the code with a NodeContext whose workflow lives in {@code workflowFolder} (what
     * {@code NodeContext.getContext().getWorkflowManager().getContextV2().getExecutorInfo().getLocalWorkflowPath()}
     * returns inside).
     */
    public static <T> T inWorkflow(final Path workflowFolder, final Callable<T> code) throws Exception {
        KitAccess.workflow().pushWorkflowContext(workflowFolder);
        try {
            return code.call();
        } finally {
            KitAccess.workflow().popWorkflowContext();
        }
    }
}
