package org.vavl.core.util;

/**
 * Thrown when the user cancelled a running operation. The engine guarantees that no partial output
 * file is left behind when this is thrown. KNIME nodes translate it into
 * {@code CanceledExecutionException}.
 */
public class CancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Cancelled by the user.");
    }

    public CancelledException(final String message) {
        super(message);
    }
}
