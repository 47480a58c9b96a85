package org.knime.core.data;

/**
 * A cell holding a long.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/LongValue.java
 */
public interface LongValue extends DataValue {

    /** @return the value as long */
    long getLongValue();
}
