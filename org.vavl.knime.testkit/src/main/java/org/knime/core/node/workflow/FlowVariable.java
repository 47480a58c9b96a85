package org.knime.core.node.workflow;

import java.util.Objects;

/**
 * A flow variable: name and a string, int or double value.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/workflow/FlowVariable.java (test-kit subset).
 */
public final class FlowVariable extends FlowObject {

    /**
     * The classic variable types.
     * <p>
     * Mirrors the nested enum of knime-core .../node/workflow/FlowVariable.java
     */
    @Deprecated
    public static enum Type {
        STRING, DOUBLE, INTEGER, CREDENTIALS, OTHER
    }

    private final String m_name;

    private final Type m_type;

    private final Object m_value;

    /** A string variable. */
    public FlowVariable(final String name, final String valueS) {
        this(name, Type.STRING, Objects.requireNonNull(valueS, "value"));
    }

    /** A double variable. */
    public FlowVariable(final String name, final double valueD) {
        this(name, Type.DOUBLE, valueD);
    }

    /** An int variable. */
    public FlowVariable(final String name, final int valueI) {
        this(name, Type.INTEGER, valueI);
    }

    private FlowVariable(final String name, final Type type, final Object value) {
        m_name = Objects.requireNonNull(name, "name");
        m_type = type;
        m_value = value;
    }

    /** @return the name */
    public String getName() {
        return m_name;
    }

    /**
     * @return the type
     * @deprecated as in KNIME: use {@code getVariableType()}
     */
    @Deprecated
    public Type getType() {
        return m_type;
    }

    /** @return the string value, or null if this is no string variable */
    public String getStringValue() {
        return m_type == Type.STRING ? (String)m_value : null;
    }

    /** @return the int value, or 0 if this is no int variable */
    public int getIntValue() {
        return m_type == Type.INTEGER ? (Integer)m_value : 0;
    }

    /** @return the double value, or NaN if this is no double variable */
    public double getDoubleValue() {
        return m_type == Type.DOUBLE ? (Double)m_value : Double.NaN;
    }

    /** @return the value as string */
    public String getValueAsString() {
        return String.valueOf(m_value);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof FlowVariable && ((FlowVariable)obj).m_name.equals(m_name)
            && ((FlowVariable)obj).m_type == m_type && ((FlowVariable)obj).m_value.equals(m_value);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_value.hashCode();
    }

    @Override
    public String toString() {
        return "\"" + m_name + "\" (" + m_type + ": " + m_value + ")";
    }
}
