package org.knime.core.data;

/**
 * Marker for nominal values.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/NominalValue.java
 */
public interface NominalValue extends DataValue {
}
