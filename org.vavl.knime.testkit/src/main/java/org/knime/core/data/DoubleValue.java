package org.knime.core.data;

/**
 * A cell holding a double.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DoubleValue.java
 */
public interface DoubleValue extends DataValue {

    /** @return the value as double */
    double getDoubleValue();
}
