package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Port types and their serializers. The test kit reads the {@code org.knime.core.PortType} registrations of every
 * {@code plugin.xml} on the class path (as KNIME reads the extension point) and falls back to a static nested
 * serializer class of the port object / spec class.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortTypeRegistry.java (own
 * implementation).
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    /** objectClass name -> attributes of its portType element */
    private final Map<String, Map<String, String>> m_registrations = new HashMap<>();

    private final Map<Class<?>, PortType> m_types = new HashMap<>();

    private final Map<Class<?>, PortType> m_optionalTypes = new HashMap<>();

    private PortTypeRegistry() {
        try {
            Enumeration<URL> urls = PortTypeRegistry.class.getClassLoader().getResources("plugin.xml");
            while (urls.hasMoreElements()) {
                readPluginXml(urls.nextElement());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read plugin.xml files: " + e.getMessage(), e);
        }
    }

    private void readPluginXml(final URL url) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            NodeList l = f.newDocumentBuilder().parse(in).getElementsByTagName("portType");
            for (int i = 0; i < l.getLength(); i++) {
                Element e = (Element)l.item(i);
                Map<String, String> a = new HashMap<>();
                for (int j = 0; j < e.getAttributes().getLength(); j++) {
                    a.put(e.getAttributes().item(j).getNodeName(), e.getAttributes().item(j).getNodeValue());
                }
                if (a.containsKey("objectClass")) {
                    m_registrations.put(a.get("objectClass"), a);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot parse " + url + ": " + e.getMessage(), e);
        }
    }

    /** @return the registry */
    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    static String nameOf(final Class<? extends PortObject> objectClass) {
        Map<String, String> reg = INSTANCE == null ? null : INSTANCE.m_registrations.get(objectClass.getName());
        if (reg != null && reg.get("name") != null) {
            return reg.get("name");
        }
        if (objectClass.getName().equals("org.knime.core.node.BufferedDataTable")) {
            return "Table";
        }
        if (objectClass == PortObject.class) {
            return "Generic Port";
        }
        return objectClass.getSimpleName();
    }

    /** @return the (non-optional) port type of the class */
    public synchronized PortType getPortType(final Class<? extends PortObject> portClass) {
        return getPortType(portClass, false);
    }

    /** @return the port type of the class */
    public synchronized PortType getPortType(final Class<? extends PortObject> portClass, final boolean isOptional) {
        Map<Class<?>, PortType> m = isOptional ? m_optionalTypes : m_types;
        return m.computeIfAbsent(portClass, c -> new PortType(portClass, isOptional, nameOf(portClass)));
    }

    /** @return the port object class with the name, if it can be loaded */
    public Optional<Class<? extends PortObject>> getObjectClass(final String className) {
        try {
            return Optional.of(Class.forName(className, false, contextLoader()).asSubclass(PortObject.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** @return the spec class with the name, if it can be loaded */
    public Optional<Class<? extends PortObjectSpec>> getSpecClass(final String className) {
        try {
            return Optional.of(Class.forName(className, false, contextLoader()).asSubclass(PortObjectSpec.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static ClassLoader contextLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l == null ? PortTypeRegistry.class.getClassLoader() : l;
    }

    /** @return the serializer registered for the port object class (plugin.xml, else a nested class) */
    @SuppressWarnings("unchecked")
    public Optional<PortObjectSerializer<PortObject>>
        getObjectSerializer(final Class<? extends PortObject> objectClass) {
        if (objectClass == BufferedDataTable.class) {
            return Optional.empty();
        }
        return (Optional<PortObjectSerializer<PortObject>>)(Optional<?>)find(objectClass, "objectSerializer",
            PortObjectSerializer.class);
    }

    /** @return the serializer registered for the spec class (plugin.xml, else a nested class) */
    @SuppressWarnings("unchecked")
    public Optional<PortObjectSpecSerializer<PortObjectSpec>>
        getSpecSerializer(final Class<? extends PortObjectSpec> specClass) {
        return (Optional<PortObjectSpecSerializer<PortObjectSpec>>)(Optional<?>)find(specClass, "specSerializer",
            PortObjectSpecSerializer.class);
    }

    private Optional<Object> find(final Class<?> cls, final String attribute, final Class<?> serializerBase) {
        String serializerName = null;
        for (Map<String, String> reg : m_registrations.values()) {
            String owner = "objectSerializer".equals(attribute) ? reg.get("objectClass") : reg.get("specClass");
            if (cls.getName().equals(owner)) {
                serializerName = reg.get(attribute);
            }
        }
        try {
            Class<?> ser = null;
            if (serializerName != null) {
                ser = Class.forName(serializerName, true, cls.getClassLoader());
                if (!serializerBase.isAssignableFrom(ser)) {
                    throw new IllegalStateException("plugin.xml: " + serializerName + " (" + attribute + " of "
                        + cls.getName() + ") does not extend " + serializerBase.getName());
                }
            } else {
                for (Class<?> c = cls; c != null && ser == null; c = c.getSuperclass()) {
                    for (Class<?> nested : c.getDeclaredClasses()) {
                        if (serializerBase.isAssignableFrom(nested)
                            && !java.lang.reflect.Modifier.isAbstract(nested.getModifiers())) {
                            ser = nested;
                        }
                    }
                }
            }
            if (ser == null) {
                return Optional.empty();
            }
            java.lang.reflect.Constructor<?> ctor = ser.getDeclaredConstructor();
            ctor.setAccessible(true);
            return Optional.of(ctor.newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate serializer for " + cls.getName() + ": " + e, e);
        }
    }
}
