package org.vavl.core.util;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag that long-running per-clip work polls (per frame, per batch) so that cancellation takes effect
 * within about a second.
 */
public final class CancelToken {

    private final AtomicBoolean m_cancelled = new AtomicBoolean();

    private final Progress m_progress;

    /** A token that is cancelled by {@link #cancel()} only. */
    public CancelToken() {
        this(Progress.NONE);
    }

    /** A token that is also cancelled when the given progress reports cancellation. */
    public CancelToken(final Progress progress) {
        m_progress = progress == null ? Progress.NONE : progress;
    }

    /** Asks the work to stop. */
    public void cancel() {
        m_cancelled.set(true);
    }

    /** @return true once cancelled */
    public boolean isCancelled() {
        return m_cancelled.get() || m_progress.isCancelled();
    }

    /** @throws CancelledException once cancelled */
    public void check() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
