package org.vavl.knime.testkit;

/**
 * One progress report of a node execution, as the root execution monitor saw it.
 *
 * @param fraction overall progress 0..1
 * @param message the message shown at that time (may be null)
 */
public record ProgressEvent(double fraction, String message) {
}
