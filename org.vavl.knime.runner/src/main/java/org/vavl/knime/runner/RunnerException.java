package org.vavl.knime.runner;

/** A failure of the runner with the exit code KNIME's batch executor uses for it. */
public final class RunnerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Bad command line. */
    public static final int BAD_ARGUMENTS = 2;

    /** The workflow (or a node, its factory or settings) could not be loaded. */
    public static final int LOAD_ERROR = 3;

    /** A node failed to configure or execute. */
    public static final int EXECUTION_ERROR = 4;

    private final int m_exitCode;

    /** @param exitCode one of the constants @param message what went wrong, naming node and key */
    public RunnerException(final int exitCode, final String message) {
        super(message);
        m_exitCode = exitCode;
    }

    /** @param exitCode one of the constants @param message message @param cause cause */
    public RunnerException(final int exitCode, final String message, final Throwable cause) {
        super(message, cause);
        m_exitCode = exitCode;
    }

    /** @return the exit code */
    public int exitCode() {
        return m_exitCode;
    }
}
