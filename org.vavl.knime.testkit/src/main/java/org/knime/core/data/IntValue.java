package org.knime.core.data;

/**
 * A cell holding an int.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/IntValue.java
 */
public interface IntValue extends DataValue {

    /** @return the value as int */
    int getIntValue();
}
