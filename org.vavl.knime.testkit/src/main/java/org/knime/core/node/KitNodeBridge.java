package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;
import org.vavl.knime.testkit.internal.KitAccess;
import org.vavl.knime.testkit.internal.KitAccess.ProgressSink;

/** Test-kit bridge (package-private; not part of KNIME's API). */
final class KitNodeBridge implements KitAccess.NodeBridge {

    static {
        KitAccess.register(new KitNodeBridge());
    }

    static FlowVariable toFlowVariable(final String name, final Object v) {
        if (v instanceof Integer) {
            return new FlowVariable(name, (Integer)v);
        } else if (v instanceof Double) {
            return new FlowVariable(name, (Double)v);
        }
        return new FlowVariable(name, String.valueOf(v));
    }

    @Override
    public BufferedDataTable newTable(final DataTableSpec spec, final List<DataRow> rows) {
        BufferedDataContainer c = new BufferedDataContainer(spec);
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    @Override
    public ExecutionContext newExecutionContext(final ProgressSink sink) {
        return new ExecutionContext(null, sink, 1, false);
    }

    @Override
    public PortObjectSpec[] configure(final NodeModel m, final PortObjectSpec[] in) throws InvalidSettingsException {
        m.setWarningMessage(null);
        return m.configure(in);
    }

    @Override
    public PortObject[] execute(final NodeModel m, final PortObject[] in, final ExecutionContext exec)
        throws Exception {
        m.setWarningMessage(null);
        return m.execute(in, exec);
    }

    @Override
    public void validateSettings(final NodeModel m, final NodeSettingsRO s) throws InvalidSettingsException {
        m.validateSettings(s);
    }

    @Override
    public void loadValidatedSettingsFrom(final NodeModel m, final NodeSettingsRO s) throws InvalidSettingsException {
        m.loadValidatedSettingsFrom(s);
    }

    @Override
    public void saveSettingsTo(final NodeModel m, final NodeSettingsWO s) {
        m.saveSettingsTo(s);
    }

    @Override
    public void reset(final NodeModel m) {
        m.pushed().clear();
        m.reset();
    }

    @Override
    public void onDispose(final NodeModel m) {
        m.onDispose();
    }

    @Override
    public void saveInternals(final NodeModel m, final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        m.saveInternals(dir, exec);
    }

    @Override
    public void loadInternals(final NodeModel m, final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        m.loadInternals(dir, exec);
    }

    @Override
    public String getWarningMessage(final NodeModel m) {
        return m.getWarningMessage();
    }

    @Override
    public void clearWarningMessage(final NodeModel m) {
        m.setWarningMessage(null);
    }

    @Override
    public PortType[] inPortTypes(final NodeModel m) {
        return m.inTypes();
    }

    @Override
    public PortType[] outPortTypes(final NodeModel m) {
        return m.outTypes();
    }

    @Override
    public void setFlowVariables(final NodeModel m, final Map<String, Object> variables) {
        m.setFlowVariables(variables);
    }

    @Override
    public Map<String, Object> pushedFlowVariables(final NodeModel m) {
        return new LinkedHashMap<>(m.pushed());
    }

    // KNIME 5.6 deprecates the Swing dialog for removal; the kit runs nodes as KNIME 5.3-5.x do (docs/testkit.md)
    @SuppressWarnings("removal")
    @Override
    public boolean hasDialog(final NodeFactory<?> f) {
        return f.hasDialog();
    }

    @SuppressWarnings("removal") // as hasDialog
    @Override
    public NodeDialogPane createNodeDialogPane(final NodeFactory<?> f) {
        return f.createNodeDialogPane();
    }

    @Override
    public int getNrNodeViews(final NodeFactory<?> f) {
        return f.getNrNodeViews();
    }

    @Override
    public void loadDialogSettings(final NodeDialogPane d, final NodeSettingsRO s, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        d.loadSettingsFrom(s, specs);
    }

    @Override
    public void saveDialogSettings(final NodeDialogPane d, final NodeSettingsWO s) throws InvalidSettingsException {
        d.saveSettingsTo(s);
    }

    @Override
    public void setLogSink(final Consumer<String> sink) {
        NodeLogger.setSink(sink);
    }
}
