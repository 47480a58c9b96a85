package org.knime.core.node.port;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.vavl.knime.testkit.internal.KitAccess;

/** Test-kit bridge (package-private; not part of KNIME's API). */
final class KitPortBridge implements KitAccess.PortBridge {

    static {
        KitAccess.register(new KitPortBridge());
    }

    static OutputStream nonClosing(final OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    static InputStream nonClosing(final InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // keep the zip stream open
            }
        };
    }

    /** Instantiates the named class through its public no-arg constructor, as KNIME's serializers do. */
    static <T> T instantiate(final String className, final Class<T> base) throws IOException {
        Class<?> cl;
        try {
            ClassLoader l = Thread.currentThread().getContextClassLoader();
            cl = Class.forName(className, true, l == null ? base.getClassLoader() : l);
        } catch (ClassNotFoundException e) {
            throw new IOException("Unable to load class " + className, e);
        }
        if (!base.isAssignableFrom(cl)) {
            throw new IOException("Class \"" + className + "\" is not of type " + base.getSimpleName());
        }
        try {
            return base.cast(cl.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IOException("Failed to instantiate class \"" + cl.getSimpleName()
                + "\" (failed to invoke public no-arg constructor): " + e, e);
        }
    }

    @Override
    public void savePortObject(final PortObject po, final OutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        PortObjectSerializer<PortObject> ser = PortTypeRegistry.getInstance().getObjectSerializer(po.getClass())
            .orElseThrow(() -> new IOException("No serializer for port object class " + po.getClass().getName()));
        try (PortObjectZipOutputStream zip = new PortObjectZipOutputStream(out)) {
            ser.savePortObject(po, zip, exec);
            zip.finish();
        }
    }

    @Override
    public PortObject loadPortObject(final Class<? extends PortObject> cls, final PortObjectSpec spec,
        final InputStream in, final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        PortObjectSerializer<PortObject> ser = PortTypeRegistry.getInstance().getObjectSerializer(cls)
            .orElseThrow(() -> new IOException("No serializer for port object class " + cls.getName()));
        try (PortObjectZipInputStream zip = new PortObjectZipInputStream(in)) {
            return ser.loadPortObject(zip, spec, exec);
        }
    }

    @Override
    public void savePortObjectSpec(final PortObjectSpec spec, final OutputStream out) throws IOException {
        PortObjectSpecSerializer<PortObjectSpec> ser = PortTypeRegistry.getInstance()
            .getSpecSerializer(spec.getClass())
            .orElseThrow(() -> new IOException("No serializer for port object spec class " + spec.getClass().getName()));
        try (PortObjectSpecZipOutputStream zip = new PortObjectSpecZipOutputStream(out)) {
            ser.savePortObjectSpec(spec, zip);
            zip.finish();
        }
    }

    @Override
    public PortObjectSpec loadPortObjectSpec(final Class<? extends PortObject> objectClass, final InputStream in)
        throws IOException {
        Class<? extends PortObjectSpec> specClass = PortType.getPortObjectSpecClass(objectClass);
        PortObjectSpecSerializer<PortObjectSpec> ser = PortTypeRegistry.getInstance().getSpecSerializer(specClass)
            .orElseThrow(() -> new IOException("No serializer for port object spec class " + specClass.getName()));
        try (PortObjectSpecZipInputStream zip = new PortObjectSpecZipInputStream(in)) {
            return ser.loadPortObjectSpec(zip);
        }
    }
}
