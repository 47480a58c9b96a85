package org.knime.core.node;

/**
 * The dialog cannot be opened with the current input.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NotConfigurableException.java
 */
public class NotConfigurableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message message */
    public NotConfigurableException(final String message) {
        super(message);
    }

    /** @param message message @param cause cause */
    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
