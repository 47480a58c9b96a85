package org.knime.core.data;

/**
 * A cell holding a string.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/StringValue.java
 */
public interface StringValue extends DataValue {

    /** @return the string */
    String getStringValue();
}
