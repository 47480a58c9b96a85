package org.knime.core.data;

/**
 * A cell holding a boolean.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/BooleanValue.java
 */
public interface BooleanValue extends DataValue {

    /** @return the value */
    boolean getBooleanValue();
}
