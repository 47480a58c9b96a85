package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The model of a node: settings, configure (specs in, specs out) and execute (port objects in, out).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeModel.java (own implementation; the test
 * kit's NodeTester and runner call the protected methods through a package-private bridge, as KNIME's Node does).
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final PortType[] m_inPortTypes;

    private final PortType[] m_outPortTypes;

    private volatile String m_warningMessage;

    private final Map<String, Object> m_availableVariables = new LinkedHashMap<>();

    private final Map<String, Object> m_pushedVariables = new LinkedHashMap<>();

    /** A node with the given numbers of table inputs and outputs. */
    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    /** A node with the given port types. */
    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        if (inPortTypes == null || outPortTypes == null) {
            throw new NullPointerException("Port type arrays must not be null.");
        }
        m_inPortTypes = inPortTypes.clone();
        m_outPortTypes = outPortTypes.clone();
    }

    private static PortType[] tablePorts(final int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Number of ports must be >= 0: " + n);
        }
        PortType[] p = new PortType[n];
        Arrays.fill(p, BufferedDataTable.TYPE);
        return p;
    }

    /** Loads internals written by saveInternals. */
    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** Saves internals (e.g. view data) into the folder. */
    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** Saves the current settings. */
    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    /** Checks settings without applying them. */
    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    /** Applies validated settings. */
    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    /** Clears results of the last execution. */
    protected abstract void reset();

    /** @return the number of input ports */
    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    /** @return the number of output ports */
    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    /** @return the type of the input port */
    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    /** @return the type of the output port */
    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    /** Executes on port objects; by default casts them to tables and calls the table variant. */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] in = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < in.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IOException("Input port " + i + " does not hold a BufferedDataTable. Likely reason: "
                    + "wrong version of NodeModel.execute() overwritten!");
            }
            in[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(in, exec);
    }

    /** Executes on tables. */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    /** Configures on port specs; by default casts them to table specs and calls the table variant. */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] in = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < in.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of NodeModel.configure() overwritten!");
            }
            in[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(in);
    }

    /** Configures on table specs. */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /** Sets the warning shown on the node (null clears it). */
    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
    }

    /** @return the current warning, or null */
    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    /** Called when the node is deleted. */
    protected void onDispose() {
    }

    /** @return the logger of this node's class */
    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    /** Pushes a string variable to downstream nodes. */
    protected final void pushFlowVariableString(final String name, final String value) {
        m_pushedVariables.put(name, value);
    }

    /** Pushes an int variable to downstream nodes. */
    protected final void pushFlowVariableInt(final String name, final int value) {
        m_pushedVariables.put(name, value);
    }

    /** Pushes a double variable to downstream nodes. */
    protected final void pushFlowVariableDouble(final String name, final double value) {
        m_pushedVariables.put(name, value);
    }

    private Object peek(final String name, final Class<?> type, final String typeName) {
        if (name == null) {
            throw new NullPointerException("Variable name must not be null");
        }
        Object v = m_pushedVariables.containsKey(name) ? m_pushedVariables.get(name) : m_availableVariables.get(name);
        if (!type.isInstance(v)) {
            throw new NoSuchElementException("No such variable \"" + name + "\" of type " + typeName);
        }
        return v;
    }

    /** @return the value of a string variable @throws NoSuchElementException if there is none */
    public final String peekFlowVariableString(final String name) {
        return (String)peek(name, String.class, "String");
    }

    /** @return the value of an int variable @throws NoSuchElementException if there is none */
    public final int peekFlowVariableInt(final String name) {
        return (Integer)peek(name, Integer.class, "Integer");
    }

    /** @return the value of a double variable @throws NoSuchElementException if there is none */
    public final double peekFlowVariableDouble(final String name) {
        return (Double)peek(name, Double.class, "Double");
    }

    /**
     * @return the flow variables this node sees (string, int and double) by name
     * @deprecated as in KNIME: use {@code getAvailableFlowVariables(VariableType[])}
     */
    @Deprecated
    public final Map<String, FlowVariable> getAvailableFlowVariables() {
        Map<String, FlowVariable> m = new LinkedHashMap<>();
        Map<String, Object> all = new LinkedHashMap<>(m_availableVariables);
        all.putAll(m_pushedVariables);
        all.forEach((k, v) -> m.put(k, KitNodeBridge.toFlowVariable(k, v)));
        return Collections.unmodifiableMap(m);
    }

    void setFlowVariables(final Map<String, Object> vars) {
        m_availableVariables.clear();
        m_availableVariables.putAll(vars);
    }

    Map<String, Object> pushed() {
        return m_pushedVariables;
    }

    PortType[] inTypes() {
        return m_inPortTypes.clone();
    }

    PortType[] outTypes() {
        return m_outPortTypes.clone();
    }
}
