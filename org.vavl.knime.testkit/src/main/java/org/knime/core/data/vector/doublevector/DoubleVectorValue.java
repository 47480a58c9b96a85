package org.knime.core.data.vector.doublevector;

import org.knime.core.data.DataValue;

/**
 * A vector of doubles.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/vector/doublevector/DoubleVectorValue.java
 */
public interface DoubleVectorValue extends DataValue {

    /** @return the number of values */
    int getLength();

    /** @return the value at the index */
    double getValue(int index);
}
