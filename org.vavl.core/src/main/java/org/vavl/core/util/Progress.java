package org.vavl.core.util;

/**
 * Progress and cancellation as the engine sees them; KNIME nodes adapt their {@code ExecutionMonitor}
 * to it, plain Java callers may use {@link #NONE} or {@link #console(String)}.
 * Implementations must be thread safe: worker threads report through it.
 */
public interface Progress {

    /** @param fraction done, 0..1; {@code message} may be null */
    void update(double fraction, String message);

    /** @return true once the user asked to stop */
    boolean isCancelled();

    /** @throws CancelledException when the user asked to stop */
    default void checkCancelled() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** No reporting, never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(final double fraction, final String message) {
            // nothing
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Prints a line per distinct message to standard error, prefixed; never cancelled. */
    static Progress console(final String prefix) {
        return new Progress() {
            private String last;

            @Override
            public synchronized void update(final double fraction, final String message) {
                if (message != null && !message.equals(last)) {
                    last = message;
                    System.err.printf("%s %3.0f%% %s%n", prefix, fraction * 100, message);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** A view on the sub-range [from, from + width) of this progress. */
    default Progress sub(final double from, final double width) {
        final Progress parent = this;
        return new Progress() {
            @Override
            public void update(final double fraction, final String message) {
                parent.update(from + width * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
