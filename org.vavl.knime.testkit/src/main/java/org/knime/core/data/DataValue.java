package org.knime.core.data;

/**
 * Marker for the values a cell provides (test-kit subset: no UTILITY).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/DataValue.java
 */
public interface DataValue {
}
