package org.knime.core.node;

/**
 * Settings are missing, of the wrong type, or not valid.
 * <p>
 * Mirrors knime-shared org.knime.core.util/src/main/java/org/knime/core/node/InvalidSettingsException.java
 */
public class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param s message */
    public InvalidSettingsException(final String s) {
        super(s);
    }

    /** @param cause cause */
    public InvalidSettingsException(final Throwable cause) {
        super(cause);
    }

    /** @param msg message @param cause cause */
    public InvalidSettingsException(final String msg, final Throwable cause) {
        super(msg, cause);
    }
}
