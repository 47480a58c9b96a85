package org.vavl.knime.nodes.port;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JEditorPane;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.vavl.core.train.TrainedAuxFormer;

/**
 * The AuxFormer model port: a trained model (configuration, weights, normalisation statistics, class or
 * attribute names, versions), written into the port's zip stream as one entry in the versioned model format of
 * {@link TrainedAuxFormer}. Loading a port written in another format version fails with a message naming both
 * versions.
 */
public final class AuxFormerPortObject extends AbstractPortObject {

    /** The port type, registered in plugin.xml. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(AuxFormerPortObject.class);

    /** The port type as an optional input (the Predictor's, which can read a model file instead). */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(AuxFormerPortObject.class, true);

    /** The zip entry holding the model. */
    static final String ENTRY = "auxformer-model.bin";

    private TrainedAuxFormer m_model;

    private AuxFormerPortObjectSpec m_spec;

    /** The serializer, registered in plugin.xml. */
    public static final class Serializer extends AbstractPortObjectSerializer<AuxFormerPortObject> {
    }

    /** For the serializer. */
    public AuxFormerPortObject() {
    }

    /** @param model the trained model */
    public AuxFormerPortObject(final TrainedAuxFormer model) {
        m_model = Objects.requireNonNull(model);
        m_spec = AuxFormerPortObjectSpec.of(model);
    }

    /** @return the trained model */
    public TrainedAuxFormer model() {
        return m_model;
    }

    @Override
    public AuxFormerPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.describe() + "; selected epoch " + m_model.info().getOrDefault("Selected epoch", "?");
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(ENTRY));
        m_model.save(out);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry e = in.getNextEntry();
        while (e != null && !ENTRY.equals(e.getName())) {
            e = in.getNextEntry();
        }
        if (e == null) {
            throw new IOException("The AuxFormer model port holds no model (entry '" + ENTRY + "' missing).");
        }
        m_model = TrainedAuxFormer.load(in);
        m_spec = AuxFormerPortObjectSpec.of(m_model);
    }

    /** @return an HTML description of the model: spec, training facts, versions */
    public String html() {
        final StringBuilder b = new StringBuilder("<html><body><h3>AuxFormer model</h3><p>")
            .append(AuxFormerPortObjectSpec.escape(m_spec.describe())).append("</p><table>");
        row(b, "Weights", String.format("%.1f MB", m_model.weightsSize() / 1e6));
        for (Map.Entry<String, String> en : m_model.info().entrySet()) {
            row(b, en.getKey(), en.getValue());
        }
        for (Map.Entry<String, String> en : m_model.config().toMap().entrySet()) {
            row(b, "Network: " + en.getKey(), en.getValue());
        }
        for (Map.Entry<String, String> en : m_model.versions().entrySet()) {
            row(b, "Version: " + en.getKey(), en.getValue());
        }
        return b.append("</table></body></html>").toString();
    }

    private static void row(final StringBuilder b, final String k, final String v) {
        b.append("<tr><td>").append(AuxFormerPortObjectSpec.escape(k)).append("</td><td>")
            .append(AuxFormerPortObjectSpec.escape(v)).append("</td></tr>");
    }

    @Override
    public JComponent[] getViews() {
        final JEditorPane pane = new JEditorPane("text/html", html());
        pane.setEditable(false);
        pane.setName("AuxFormer model");
        return new JComponent[] {pane};
    }
}
