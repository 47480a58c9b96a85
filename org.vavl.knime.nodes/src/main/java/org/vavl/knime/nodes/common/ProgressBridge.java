package org.vavl.knime.nodes.common;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.Progress;

/** Adapts KNIME's {@link ExecutionMonitor} to the engine's {@link Progress}, and cancellation back. */
public final class ProgressBridge {

    private ProgressBridge() {
    }

    /** @return the engine view of a KNIME execution monitor: progress, messages and cancellation */
    public static Progress of(final ExecutionMonitor exec) {
        return new Progress() {
            @Override
            public void update(final double fraction, final String message) {
                if (message == null) {
                    exec.setProgress(fraction);
                } else {
                    exec.setProgress(fraction, message);
                }
            }

            @Override
            public boolean isCancelled() {
                try {
                    exec.checkCanceled();
                    return false;
                } catch (CanceledExecutionException e) {
                    return true;
                }
            }
        };
    }

    /** @return KNIME's exception for an engine cancellation */
    public static CanceledExecutionException toKnime(final CancelledException e) {
        final CanceledExecutionException k = new CanceledExecutionException(e.getMessage());
        k.initCause(e);
        return k;
    }
}
