package org.knime.core.node;

import java.util.function.Supplier;

import org.vavl.knime.testkit.internal.KitAccess.ProgressSink;

/**
 * Progress reporting and cancellation for a running node. Sub-progress monitors add their progress increments,
 * scaled by their share, to their parent, as in KNIME.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/ExecutionMonitor.java (own implementation).
 * <p>
 * {@code createNonCancelableSubProgress()} is left out: KNIME has it only from 5.5, and the nodes must link against
 * 5.3.
 */
public class ExecutionMonitor {

    private static final ProgressSink NO_SINK = new ProgressSink() {
        @Override
        public void progress(final double fraction, final String message) {
            // nothing
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private final ExecutionMonitor m_parent;

    private final ProgressSink m_sink;

    private final double m_share;

    private final boolean m_silent;

    private final boolean m_cancelable;

    private double m_progress;

    private String m_message;

    /** A monitor that reports nowhere and is never cancelled. */
    public ExecutionMonitor() {
        this(null, NO_SINK, 1, false, true);
    }

    ExecutionMonitor(final ExecutionMonitor parent, final ProgressSink sink, final double share, final boolean silent,
        final boolean cancelable) {
        m_parent = parent;
        m_sink = sink;
        m_share = share;
        m_silent = silent;
        m_cancelable = cancelable;
    }

    ProgressSink sink() {
        return m_sink;
    }

    /** @throws CanceledExecutionException if the user cancelled */
    public void checkCanceled() throws CanceledExecutionException {
        if (isCanceled()) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    private boolean isCanceled() {
        if (!m_cancelable) {
            return false;
        }
        return m_parent == null ? m_sink.isCancelled() : m_parent.isCanceled();
    }

    /** @param progress 0..1 */
    public void setProgress(final double progress) {
        update(progress, m_message, false);
    }

    /** @param progress 0..1 @param message message */
    public void setProgress(final double progress, final String message) {
        update(progress, message, true);
    }

    /** @param progress 0..1 @param messageSupplier message */
    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        update(progress, messageSupplier == null ? null : messageSupplier.get(), true);
    }

    /** @param message message, progress unchanged */
    public void setProgress(final String message) {
        update(m_progress, message, true);
    }

    /** @param message message, progress unchanged */
    public void setMessage(final String message) {
        update(m_progress, message, true);
    }

    private synchronized void update(final double progress, final String message, final boolean messageChanged) {
        double p = Double.isNaN(progress) ? m_progress : Math.max(0, Math.min(1, progress));
        double delta = p - m_progress;
        m_progress = p;
        if (messageChanged) {
            m_message = message;
        }
        propagate(delta, messageChanged, message);
    }

    private void propagate(final double delta, final boolean messageChanged, final String message) {
        if (m_parent == null) {
            m_sink.progress(m_progress, m_message);
        } else {
            m_parent.childProgress(delta * m_share, messageChanged && !m_silent, message);
        }
    }

    private synchronized void childProgress(final double delta, final boolean messageChanged, final String message) {
        m_progress = Math.max(0, Math.min(1, m_progress + delta));
        if (messageChanged) {
            m_message = message;
        }
        propagate(delta, messageChanged, message);
    }

    /** @return a monitor for a part of the work, {@code maxProg} of this monitor's range */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(this, m_sink, maxProg, false, true);
    }

    /** @return a sub monitor whose messages are not shown */
    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(this, m_sink, maxProg, true, true);
    }

}
