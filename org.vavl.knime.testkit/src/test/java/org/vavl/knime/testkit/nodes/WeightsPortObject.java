package org.vavl.knime.testkit.nodes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Test-only model port with a binary payload (registered in the test plugin.xml). */
public class WeightsPortObject extends AbstractPortObject {

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(WeightsPortObject.class);

    /** The serializer, as KNIME's pattern: empty body. */
    public static final class Serializer extends AbstractPortObjectSerializer<WeightsPortObject> {
    }

    /** The spec. */
    public static class Spec extends AbstractSimplePortObjectSpec {
        /** The serializer. */
        public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<Spec> {
        }

        private String m_task;

        /** For the serializer. */
        public Spec() {
        }

        /** @param task the task */
        public Spec(final String task) {
            m_task = task;
        }

        /** @return the task */
        public String task() {
            return m_task;
        }

        @Override
        protected void save(final ModelContentWO model) {
            model.addString("task", m_task);
        }

        @Override
        protected void load(final ModelContentRO model) throws InvalidSettingsException {
            m_task = model.getString("task");
        }
    }

    private Spec m_spec;

    private float[] m_weights;

    /** For the serializer. */
    public WeightsPortObject() {
    }

    /** @param spec spec @param weights weights */
    public WeightsPortObject(final Spec spec, final float[] weights) {
        m_spec = spec;
        m_weights = weights.clone();
    }

    /** @return the weights */
    public float[] weights() {
        return m_weights.clone();
    }

    @Override
    public String getSummary() {
        return m_weights.length + " weights";
    }

    @Override
    public Spec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
        out.putNextEntry(new ZipEntry("weights.bin"));
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(m_weights.length);
        for (float w : m_weights) {
            d.writeFloat(w);
        }
        d.flush();
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !e.getName().equals("weights.bin")) {
            throw new IOException("weights.bin missing");
        }
        DataInputStream d = new DataInputStream(in);
        m_weights = new float[d.readInt()];
        for (int i = 0; i < m_weights.length; i++) {
            m_weights[i] = d.readFloat();
        }
        m_spec = (Spec)spec;
    }
}
