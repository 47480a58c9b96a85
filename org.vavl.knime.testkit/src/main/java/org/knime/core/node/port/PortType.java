package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.util.Objects;

/**
 * The type of a node port: a port object class, optional or not.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortType.java (get instances from
 * {@link PortTypeRegistry}).
 */
public final class PortType {

    private final Class<? extends PortObject> m_objectClass;

    private final boolean m_optional;

    private final String m_name;

    /** @param objectClass the port object class @deprecated use {@link PortTypeRegistry} */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass) {
        this(objectClass, false);
    }

    /** @param objectClass the class @param isOptional optional input @deprecated use {@link PortTypeRegistry} */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        this(objectClass, isOptional, PortTypeRegistry.nameOf(objectClass));
    }

    PortType(final Class<? extends PortObject> objectClass, final boolean isOptional, final String name) {
        m_objectClass = Objects.requireNonNull(objectClass);
        m_optional = isOptional;
        m_name = name;
    }

    /** @return the human-readable name */
    public String getName() {
        return m_name;
    }

    /** @return the port object class */
    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    /** @return the spec class (the return type of the object class's {@code getSpec()}) */
    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return getPortObjectSpecClass(m_objectClass);
    }

    /** @return the spec class of the port object class */
    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(final Class<? extends PortObject> objectClass) {
        try {
            Method m = objectClass.getMethod("getSpec");
            return m.getReturnType().asSubclass(PortObjectSpec.class);
        } catch (NoSuchMethodException e) {
            return PortObjectSpec.class;
        }
    }

    /** @return whether the input may stay unconnected */
    public boolean isOptional() {
        return m_optional;
    }

    /** @return whether the spec fits this port */
    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || getPortObjectSpecClass().isInstance(spec);
    }

    /** @return whether the object fits this port */
    public boolean acceptsPortObject(final PortObject po) {
        return po == null || m_objectClass.isInstance(po);
    }

    /** @return whether objects of the other type fit this one */
    public boolean isSuperTypeOf(final PortType other) {
        return m_objectClass.isAssignableFrom(other.m_objectClass);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PortType && ((PortType)obj).m_objectClass == m_objectClass
            && ((PortType)obj).m_optional == m_optional;
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode() + (m_optional ? 1 : 0);
    }

    @Override
    public String toString() {
        return m_name + (m_optional ? " (optional)" : "");
    }
}
