package org.vavl.knime.testkit.nodes;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Test-only simple port object (not in plugin.xml: found through its nested Serializer). */
public class LabelsPortObject extends AbstractSimplePortObject {

    /** The serializer. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<LabelsPortObject> {
    }

    private String[] m_labels;

    private WeightsPortObject.Spec m_spec;

    /** For the serializer. */
    public LabelsPortObject() {
    }

    /** @param spec spec @param labels labels */
    public LabelsPortObject(final WeightsPortObject.Spec spec, final String... labels) {
        m_spec = spec;
        m_labels = labels.clone();
    }

    /** @return the labels */
    public String[] labels() {
        return m_labels.clone();
    }

    @Override
    public String getSummary() {
        return String.join(",", m_labels);
    }

    @Override
    public WeightsPortObject.Spec getSpec() {
        return m_spec;
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) {
        model.addStringArray("labels", m_labels);
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException {
        m_labels = model.getStringArray("labels");
        m_spec = (WeightsPortObject.Spec)spec;
    }
}
