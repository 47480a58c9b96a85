package org.knime.core.data;

/**
 * A missing value, optionally with the reason.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/MissingValue.java
 */
public interface MissingValue extends DataValue {

    /** @return why the value is missing, or null */
    String getError();
}
