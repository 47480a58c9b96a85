package org.knime.core.node;

/**
 * The user cancelled the execution.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/CanceledExecutionException.java (test-kit
 * subset: no Message API).
 */
public class CanceledExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Without message. */
    public CanceledExecutionException() {
        super();
    }

    /** @param s message */
    public CanceledExecutionException(final String s) {
        super(s);
    }
}
