package org.vavl.knime.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vavl.knime.testkit.internal.KitAccess;

/**
 * Drives one node the way KNIME does, for JUnit tests: create it from its factory, load settings (validate, then
 * load), configure, execute with in-memory inputs, cancel from another thread, read outputs, warnings, progress,
 * log lines and pushed flow variables.
 *
 * <pre>
 * NodeTester&lt;MyNodeModel&gt; t = NodeTester.of(new MyNodeFactory());
 * t.settings(s -&gt; s.addInt("threads", 2));               // edit the saved defaults, then validate + load
 * DataTableSpec out = t.configureTable(inTable.getDataTableSpec());
 * BufferedDataTable result = t.executeTable(inTable);
 * assertEquals(List.of("a", "b"), Tables.column(result, "Clip"));
 * assertNull(t.warning());
 * </pre>
 *
 * @param <M> the node model type
 */
public final class NodeTester<M extends NodeModel> implements AutoCloseable {

    private final NodeFactory<M> m_factory;

    private final M m_model;

    private final Map<String, Object> m_variables = new LinkedHashMap<>();

    private final List<ProgressEvent> m_progress = new CopyOnWriteArrayList<>();

    private final List<String> m_log = new CopyOnWriteArrayList<>();

    private volatile boolean m_cancelled;

    private Path m_workflowFolder;

    private Path m_mountpointRoot;

    private PortObject[] m_outputs;

    private PortObjectSpec[] m_outSpecs;

    private NodeTester(final NodeFactory<M> factory) {
        m_factory = Objects.requireNonNull(factory, "factory");
        m_model = factory.createNodeModel();
    }

    /** @return a tester for a new node created by the factory */
    public static <M extends NodeModel> NodeTester<M> of(final NodeFactory<M> factory) {
        return new NodeTester<>(factory);
    }

    /** @return the node model */
    public M model() {
        return m_model;
    }

    /** @return the factory */
    public NodeFactory<M> factory() {
        return m_factory;
    }

    /** @return the input port types */
    public PortType[] inPortTypes() {
        return KitAccess.node().inPortTypes(m_model);
    }

    /** @return the output port types */
    public PortType[] outPortTypes() {
        return KitAccess.node().outPortTypes(m_model);
    }

    /** @return the model settings as the node saves them now (what KNIME stores as {@code model}) */
    public NodeSettings savedSettings() {
        NodeSettings s = new NodeSettings("model");
        KitAccess.node().saveSettingsTo(m_model, s);
        return s;
    }

    /** Validates and loads the settings, as KNIME does when settings are applied. */
    public NodeTester<M> loadSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        KitAccess.node().validateSettings(m_model, settings);
        KitAccess.node().loadValidatedSettingsFrom(m_model, settings);
        return this;
    }

    /**
     * Saves the current settings, lets the consumer change them (with the real NodeSettingsWO API, e.g.
     * {@code s.addString("folder", "/x")}), then validates and loads them.
     */
    public NodeTester<M> settings(final Consumer<NodeSettings> edit) throws InvalidSettingsException {
        NodeSettings s = savedSettings();
        edit.accept(s);
        return loadSettings(s);
    }

    /** Makes a flow variable (String, Integer or Double value) visible to the node. */
    public NodeTester<M> flowVariable(final String name, final Object value) {
        if (!(value instanceof String || value instanceof Integer || value instanceof Double)) {
            throw new IllegalArgumentException("Flow variables are String, Integer or Double: " + value);
        }
        m_variables.put(name, value);
        return this;
    }

    /**
     * Sets the workflow folder the node sees through its NodeContext (for folders relative to the workflow and
     * {@code knime://knime.workflow/...} URLs); the workflow lies in the mount point {@code LOCAL} whose root is the
     * folder above it ({@code knime://knime.mountpoint/...}, {@code knime://LOCAL/...}).
     */
    public NodeTester<M> workflowFolder(final Path folder) {
        m_workflowFolder = folder;
        return this;
    }

    /**
     * Like {@link #workflowFolder(Path)}, with the root folder of the mount point {@code LOCAL} (it must contain the
     * workflow folder).
     */
    public NodeTester<M> workflowFolder(final Path folder, final Path mountpointRoot) {
        m_workflowFolder = folder;
        m_mountpointRoot = mountpointRoot;
        return this;
    }

    /** @return the output specs from configure (null entries = unknown before execution) */
    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        checkPorts(inSpecs.length);
        KitAccess.node().setFlowVariables(m_model, m_variables);
        pushContext();
        try {
            m_outSpecs = KitAccess.node().configure(m_model, inSpecs.clone());
        } finally {
            popContext();
        }
        return m_outSpecs;
    }

    /** @return the spec of output port 0 from configure */
    public DataTableSpec configureTable(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        return (DataTableSpec)configure(inSpecs)[0];
    }

    /**
     * Configures with the inputs' specs and executes (in this thread), recording progress. KNIME's own order:
     * configure, then execute; output objects are checked against the port types.
     *
     * @return the output port objects
     */
    public PortObject[] execute(final PortObject... inputs) throws Exception {
        checkPorts(inputs.length);
        PortObjectSpec[] specs = new PortObjectSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            specs[i] = inputs[i] == null ? null : inputs[i].getSpec();
        }
        configure(specs);
        m_progress.clear();
        m_cancelled = false;
        ExecutionContext exec = KitAccess.node().newExecutionContext(new KitAccess.ProgressSink() {
            @Override
            public void progress(final double fraction, final String message) {
                m_progress.add(new ProgressEvent(fraction, message));
            }

            @Override
            public boolean isCancelled() {
                return m_cancelled;
            }
        });
        KitAccess.node().setLogSink(m_log::add);
        pushContext();
        try {
            PortObject[] out = KitAccess.node().execute(m_model, inputs.clone(), exec);
            PortType[] types = outPortTypes();
            if (out == null || out.length != types.length) {
                throw new IllegalStateException("Node returned " + (out == null ? "null" : out.length + " outputs")
                    + ", expected " + types.length);
            }
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null || !types[i].acceptsPortObject(out[i])) {
                    throw new IllegalStateException("Output port " + i + " holds " + out[i] + ", expected "
                        + types[i].getName());
                }
            }
            m_outputs = out;
            return out.clone();
        } finally {
            popContext();
            KitAccess.node().setLogSink(null);
        }
    }

    /** @return output table 0 after executing with the given tables */
    public BufferedDataTable executeTable(final BufferedDataTable... inputs) throws Exception {
        return (BufferedDataTable)execute(inputs)[0];
    }

    /** Executes in another thread; {@link #cancel()} stops it. */
    public CompletableFuture<PortObject[]> executeAsync(final PortObject... inputs) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return execute(inputs);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Asks the running execution to stop (its next checkCanceled throws CanceledExecutionException). */
    public void cancel() {
        m_cancelled = true;
    }

    /** @return the outputs of the last execution */
    public PortObject[] outputs() {
        if (m_outputs == null) {
            throw new IllegalStateException("Not executed");
        }
        return m_outputs.clone();
    }

    /** @return output table at the port of the last execution */
    public BufferedDataTable outTable(final int port) {
        return (BufferedDataTable)outputs()[port];
    }

    /** @return the node's warning message after the last configure / execute, or null */
    public String warning() {
        return KitAccess.node().getWarningMessage(m_model);
    }

    /** @return the progress reports of the last execution, in order */
    public List<ProgressEvent> progress() {
        return Collections.unmodifiableList(new ArrayList<>(m_progress));
    }

    /** @return log lines written through NodeLogger during the last execution */
    public List<String> log() {
        return Collections.unmodifiableList(new ArrayList<>(m_log));
    }

    /** @return flow variables the node pushed (name to value) */
    public Map<String, Object> pushedFlowVariables() {
        return KitAccess.node().pushedFlowVariables(m_model);
    }

    /** Resets the node, as KNIME does before re-execution. */
    public NodeTester<M> reset() {
        KitAccess.node().reset(m_model);
        m_outputs = null;
        return this;
    }

    /** @return whether the factory says the node has a dialog */
    public boolean hasDialog() {
        return KitAccess.node().hasDialog(m_factory);
    }

    /** @return a new dialog from the factory */
    public NodeDialogPane createDialog() {
        return KitAccess.node().createNodeDialogPane(m_factory);
    }

    /**
     * Opens the dialog on the current settings and the given input specs, and saves it again, as pressing OK
     * does.
     *
     * @return the settings the dialog saved
     */
    public NodeSettings dialogRoundTrip(final PortObjectSpec... inSpecs)
        throws NotConfigurableException, InvalidSettingsException {
        NodeDialogPane d = createDialog();
        KitAccess.node().loadDialogSettings(d, savedSettings(), inSpecs);
        NodeSettings out = new NodeSettings("model");
        KitAccess.node().saveDialogSettings(d, out);
        return out;
    }

    /** @return the number of views the factory declares */
    public int nrViews() {
        return KitAccess.node().getNrNodeViews(m_factory);
    }

    /**
     * Saves the port object (and its spec) with the serializers registered for its class (plugin.xml or nested
     * {@code Serializer}) into real zip streams and loads them again.
     *
     * @return the loaded copy
     */
    @SuppressWarnings("unchecked")
    public static <P extends PortObject> P saveAndLoad(final P portObject) throws IOException {
        try {
            ByteArrayOutputStream specBytes = new ByteArrayOutputStream();
            KitAccess.port().savePortObjectSpec(portObject.getSpec(), specBytes);
            PortObjectSpec spec = KitAccess.port().loadPortObjectSpec(portObject.getClass(),
                new ByteArrayInputStream(specBytes.toByteArray()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            KitAccess.port().savePortObject(portObject, bytes, new ExecutionMonitor());
            return (P)KitAccess.port().loadPortObject(portObject.getClass(), spec,
                new ByteArrayInputStream(bytes.toByteArray()), new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            throw new IOException(e);
        }
    }

    private void checkPorts(final int n) {
        int expected = inPortTypes().length;
        if (n != expected) {
            throw new IllegalArgumentException("The node has " + expected + " input ports, got " + n);
        }
    }

    private void pushContext() {
        if (m_workflowFolder != null && m_mountpointRoot != null) {
            KitAccess.workflow().pushWorkflowContext(m_workflowFolder, m_mountpointRoot);
        } else if (m_workflowFolder != null) {
            KitAccess.workflow().pushWorkflowContext(m_workflowFolder);
        }
    }

    private void popContext() {
        if (m_workflowFolder != null) {
            KitAccess.workflow().popWorkflowContext();
        }
    }

    /** Disposes the node (calls onDispose). */
    @Override
    public void close() {
        KitAccess.node().onDispose(m_model);
    }
}
