package org.vavl.knime.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vavl.knime.testkit.internal.KitAccess;

/**
 * Executes a KNIME workflow folder headless through the real NodeFactory / NodeModel code of its nodes, like
 * KNIME's batch executor ({@code -application org.knime.product.KNIME_BATCH_APPLICATION}).
 *
 * <pre>
 * java -cp ... org.vavl.knime.runner.WorkflowRunner &lt;workflow-folder&gt;
 *     [-workflow.variable=name,value,String|int|double ...] [-csv=&lt;folder&gt;] [-saveLoad] [-quiet]
 * </pre>
 *
 * Exit codes as the batch executor: 0 ok, 2 bad arguments, 3 load error (naming the node and the bad key or the
 * unknown factory), 4 execution error (naming the node and the cause). See docs/runner.md.
 */
public final class WorkflowRunner {

    /** What one node did. */
    public record NodeRun(int id, String name, String factory, double seconds, String warning,
        List<PortObject> outputs) {
    }

    /** Parsed command line. */
    public static final class Options {
        Path m_workflow;

        final Map<String, Object> m_variables = new LinkedHashMap<>();

        Path m_csvDir;

        boolean m_saveLoad;

        boolean m_quiet;

        boolean m_progress;

        boolean m_memory;

        /** @return options for a workflow folder */
        public static Options of(final Path workflow) {
            Options o = new Options();
            o.m_workflow = workflow;
            return o;
        }

        /** Sets a workflow variable (String, Integer or Double). */
        public Options variable(final String name, final Object value) {
            m_variables.put(name, value);
            return this;
        }

        /** Writes every output table as CSV into the folder. */
        public Options csv(final Path folder) {
            m_csvDir = folder;
            return this;
        }

        /** Passes non-table port objects through their serializers (save + load) between nodes. */
        public Options saveLoad(final boolean b) {
            m_saveLoad = b;
            return this;
        }
    }

    private static final String USAGE = String.join(System.lineSeparator(),
        "Usage: vavl run <workflow-folder> [options]",
        "  -workflow.variable=name,value,type   set a workflow variable (type String, int or double)",
        "  -csv=<folder>                        write every output table as CSV into <folder>",
        "  -saveLoad                            pass model ports through their serializers (save, load)",
        "  -quiet                               print errors only",
        "  -progress                            print each node's progress messages while it runs (at most 1/s)",
        "  -memory                              print each node's peak resident memory (Linux: VmHWM, reset per node)",
        "Exit codes: 0 ok, 2 bad arguments, 3 load error, 4 execution error.");

    private final PrintStream m_out;

    private final PrintStream m_err;

    /** @param out where status lines go @param err where errors go */
    public WorkflowRunner(final PrintStream out, final PrintStream err) {
        m_out = out;
        m_err = err;
    }

    /** Runs with the command line and exits with the runner's exit code. */
    public static void main(final String[] args) {
        System.exit(new WorkflowRunner(System.out, System.err).run(args));
    }

    /** @return the exit code (0, 2, 3 or 4); prints status and errors */
    public int run(final String... args) {
        try {
            Options o = parse(args);
            execute(o);
            return 0;
        } catch (RunnerException e) {
            m_err.println("ERROR: " + e.getMessage());
            if (e.exitCode() == RunnerException.BAD_ARGUMENTS) {
                m_err.println(USAGE);
            }
            return e.exitCode();
        }
    }

    /** Parses the command line. */
    public static Options parse(final String... args) throws RunnerException {
        Options o = new Options();
        for (String a : args) {
            if (a.startsWith("-workflow.variable=")) {
                String spec = a.substring("-workflow.variable=".length());
                int first = spec.indexOf(',');
                int last = spec.lastIndexOf(',');
                if (first <= 0 || last == first) {
                    throw new RunnerException(RunnerException.BAD_ARGUMENTS,
                        "Bad workflow variable '" + a + "': use -workflow.variable=name,value,type");
                }
                // the value itself may contain commas: everything between the first and the last comma
                String name = spec.substring(0, first);
                String value = spec.substring(first + 1, last);
                String type = spec.substring(last + 1);
                o.m_variables.put(name, typedValue(name, value, type));
            } else if (a.startsWith("-workflowDir=")) {
                o.m_workflow = Paths.get(a.substring("-workflowDir=".length()));
            } else if (a.startsWith("-csv=")) {
                o.m_csvDir = Paths.get(a.substring("-csv=".length()));
            } else if (a.equals("-saveLoad")) {
                o.m_saveLoad = true;
            } else if (a.equals("-quiet")) {
                o.m_quiet = true;
            } else if (a.equals("-progress")) {
                o.m_progress = true;
            } else if (a.equals("-memory")) {
                o.m_memory = true;
            } else if (a.equals("-nosave") || a.equals("-reset") || a.equals("-nosplash") || a.equals("-consoleLog")) {
                // accepted for compatibility with KNIME's batch command line; the runner never saves
            } else if (a.startsWith("-")) {
                throw new RunnerException(RunnerException.BAD_ARGUMENTS, "Unknown option '" + a + "'");
            } else if (o.m_workflow == null) {
                o.m_workflow = Paths.get(a);
            } else {
                throw new RunnerException(RunnerException.BAD_ARGUMENTS, "More than one workflow folder: '" + a + "'");
            }
        }
        if (o.m_workflow == null) {
            throw new RunnerException(RunnerException.BAD_ARGUMENTS, "No workflow folder given");
        }
        if (!Files.isDirectory(o.m_workflow)) {
            throw new RunnerException(RunnerException.BAD_ARGUMENTS,
                "Workflow folder '" + o.m_workflow + "' does not exist or is no folder");
        }
        return o;
    }

    private static Object typedValue(final String name, final String value, final String type)
        throws RunnerException {
        try {
            switch (type.toLowerCase(Locale.ROOT)) {
                case "string":
                    return value;
                case "int":
                case "integer":
                    return Integer.parseInt(value.trim());
                case "double":
                    return Double.parseDouble(value.trim());
                default:
                    throw new RunnerException(RunnerException.BAD_ARGUMENTS, "Workflow variable '" + name
                        + "': unknown type '" + type + "' (use String, int or double)");
            }
        } catch (NumberFormatException e) {
            throw new RunnerException(RunnerException.BAD_ARGUMENTS,
                "Workflow variable '" + name + "': '" + value + "' is not a valid " + type);
        }
    }

    /** A node of the loaded workflow. */
    private static final class Node {
        int m_id;

        String m_name;

        String m_factoryName;

        NodeFactory<?> m_factory;

        NodeModel m_model;

        NodeSettings m_modelSettings;

        List<FlowVariables.Binding> m_bindings = new ArrayList<>();

        PortObject[] m_outputs;

        Map<String, Object> m_outgoing = new LinkedHashMap<>();

        /** "k/N": this node's place in the execution order, for progress lines */
        String m_place = "";

        String label() {
            return "'" + m_name + "'";
        }
    }

    private record Connection(int source, int sourcePort, int dest, int destPort) {
    }

    /**
     * @return ", about N s left" (or "N min") from the node's progress so far, once it has run 5 s and done 5%;
     *         else empty
     */
    static String timeLeft(final double fraction, final double seconds) {
        if (fraction < 0.05 || fraction >= 1 || seconds < 5) {
            return "";
        }
        final double left = seconds * (1 - fraction) / fraction;
        return left >= 90 ? String.format(Locale.ROOT, " (about %.0f min left)", left / 60)
            : String.format(Locale.ROOT, " (about %.0f s left)", Math.max(1, left));
    }

    /**
     * Loads and executes the workflow.
     *
     * @return what each node did, in execution order
     * @throws RunnerException with exit code 3 (load) or 4 (execution)
     */
    public List<NodeRun> execute(final Options o) throws RunnerException {
        Path wf = o.m_workflow.toAbsolutePath().normalize();
        long start = System.nanoTime();
        NodeSettingsRO workflowKnime = readXml(wf.resolve("workflow.knime"), "workflow");
        Map<String, Object> variables = new LinkedHashMap<>(workflowVariables(workflowKnime));
        variables.putAll(o.m_variables);
        Map<Integer, Node> nodes = loadNodes(wf, workflowKnime, variables);
        List<Connection> connections = connections(workflowKnime, nodes);
        List<Node> order = order(nodes, connections);
        List<NodeRun> runs = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            order.get(i).m_place = (i + 1) + "/" + order.size();
            runs.add(executeNode(wf, order.get(i), nodes, connections, variables, o));
        }
        if (!o.m_quiet) {
            m_out.printf(Locale.ROOT, "Workflow %s executed: %d nodes in %.2f s%n", wf.getFileName(), order.size(),
                (System.nanoTime() - start) / 1e9);
        }
        return runs;
    }

    private static NodeSettingsRO readXml(final Path file, final String what) throws RunnerException {
        if (!Files.isRegularFile(file)) {
            throw new RunnerException(RunnerException.LOAD_ERROR, "No " + file.getFileName() + " in " + file.getParent()
                + (what.equals("workflow") ? " (not a KNIME workflow folder)" : ""));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return NodeSettings.loadFromXML(in);
        } catch (IOException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> workflowVariables(final NodeSettingsRO wf) throws RunnerException {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (!wf.containsKey("workflow_variables")) {
            return vars;
        }
        try {
            NodeSettingsRO vs = wf.getNodeSettings("workflow_variables");
            for (String k : vs.keySet()) {
                NodeSettingsRO v = vs.getNodeSettings(k);
                String name = v.getString("name");
                String cls = v.getString("class");
                switch (cls) {
                    case "STRING":
                        vars.put(name, v.getString("value"));
                        break;
                    case "INTEGER":
                        vars.put(name, v.getInt("value"));
                        break;
                    case "DOUBLE":
                        vars.put(name, v.getDouble("value"));
                        break;
                    default:
                        throw new InvalidSettingsException("unsupported variable class " + cls);
                }
            }
        } catch (InvalidSettingsException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR,
                "Bad workflow_variables in workflow.knime: " + e.getMessage(), e);
        }
        return vars;
    }

    private static Map<Integer, Node> loadNodes(final Path wf, final NodeSettingsRO workflowKnime,
        final Map<String, Object> workflowVariables) throws RunnerException {
        Map<Integer, Node> nodes = new TreeMap<>();
        try {
            NodeSettingsRO ns = workflowKnime.getNodeSettings("nodes");
            for (String key : ns.keySet()) {
                NodeSettingsRO n = ns.getNodeSettings(key);
                Node node = new Node();
                node.m_id = n.getInt("id");
                String file = n.getString("node_settings_file");
                Path settingsFile = wf.resolve(file);
                node.m_name = settingsFile.getParent() == null ? "#" + node.m_id
                    : settingsFile.getParent().getFileName().toString();
                if (n.getBoolean("node_is_meta", false)) {
                    throw new RunnerException(RunnerException.LOAD_ERROR,
                        "Node " + node.label() + ": metanodes and components are not supported by the runner");
                }
                loadNode(node, settingsFile, workflowVariables);
                nodes.put(node.m_id, node);
            }
        } catch (InvalidSettingsException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR, "Bad workflow.knime: " + e.getMessage(), e);
        }
        return nodes;
    }

    private static void loadNode(final Node node, final Path settingsFile, final Map<String, Object> wfVars)
        throws RunnerException {
        if (!Files.isRegularFile(settingsFile)) {
            throw new RunnerException(RunnerException.LOAD_ERROR,
                "Node " + node.label() + ": settings.xml missing (" + settingsFile + ")");
        }
        NodeSettingsRO s;
        try (InputStream in = Files.newInputStream(settingsFile)) {
            s = NodeSettings.loadFromXML(in);
        } catch (IOException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR,
                "Node " + node.label() + ": cannot read settings.xml: " + e.getMessage(), e);
        }
        try {
            node.m_factoryName = s.getString("factory");
        } catch (InvalidSettingsException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR,
                "Node " + node.label() + ": settings.xml has no 'factory' entry", e);
        }
        try {
            ClassLoader l = Thread.currentThread().getContextClassLoader();
            Class<?> c = Class.forName(node.m_factoryName, true, l == null ? WorkflowRunner.class.getClassLoader() : l);
            if (!NodeFactory.class.isAssignableFrom(c)) {
                throw new RunnerException(RunnerException.LOAD_ERROR,
                    "Node " + node.label() + ": factory '" + node.m_factoryName + "' is no NodeFactory");
            }
            node.m_factory = (NodeFactory<?>)c.getConstructor().newInstance();
            node.m_model = node.m_factory.createNodeModel();
        } catch (ClassNotFoundException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR, "Node " + node.label() + ": unknown node factory '"
                + node.m_factoryName + "' (class not found)", e);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new RunnerException(RunnerException.LOAD_ERROR, "Node " + node.label() + ": cannot create node from '"
                + node.m_factoryName + "': " + e, e);
        }
        try {
            node.m_modelSettings = copy(s.getNodeSettings("model"));
        } catch (InvalidSettingsException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR,
                "Node " + node.label() + ": settings.xml has no 'model' settings", e);
        }
        try {
            if (s.containsKey("variables")) {
                node.m_bindings = FlowVariables.bindings(s.getNodeSettings("variables"));
            }
            NodeSettings withVars = copy(node.m_modelSettings);
            FlowVariables.apply(withVars, node.m_bindings, wfVars, true);
            KitAccess.node().validateSettings(node.m_model, withVars);
            KitAccess.node().loadValidatedSettingsFrom(node.m_model, withVars);
        } catch (InvalidSettingsException | RuntimeException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR,
                "Node " + node.label() + ": invalid settings: " + e.getMessage(), e);
        }
    }

    private static NodeSettings copy(final NodeSettingsRO s) {
        NodeSettings c = new NodeSettings(s.getKey());
        s.copyTo(c);
        return c;
    }

    private static List<Connection> connections(final NodeSettingsRO wf, final Map<Integer, Node> nodes)
        throws RunnerException {
        List<Connection> l = new ArrayList<>();
        if (!wf.containsKey("connections")) {
            return l;
        }
        try {
            NodeSettingsRO cs = wf.getNodeSettings("connections");
            for (String k : cs.keySet()) {
                NodeSettingsRO c = cs.getNodeSettings(k);
                Connection con =
                    new Connection(c.getInt("sourceID"), c.getInt("sourcePort"), c.getInt("destID"), c.getInt("destPort"));
                if (!nodes.containsKey(con.source()) || !nodes.containsKey(con.dest())) {
                    throw new RunnerException(RunnerException.LOAD_ERROR,
                        "Connection " + k + " refers to a node that does not exist (" + con + ")");
                }
                l.add(con);
            }
        } catch (InvalidSettingsException e) {
            throw new RunnerException(RunnerException.LOAD_ERROR, "Bad connections in workflow.knime: " + e.getMessage(), e);
        }
        return l;
    }

    private static List<Node> order(final Map<Integer, Node> nodes, final List<Connection> connections)
        throws RunnerException {
        List<Node> order = new ArrayList<>();
        Map<Integer, Integer> indegree = new TreeMap<>();
        nodes.keySet().forEach(id -> indegree.put(id, 0));
        connections.forEach(c -> indegree.merge(c.dest(), 1, Integer::sum));
        while (order.size() < nodes.size()) {
            Integer next = indegree.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey)
                .findFirst().orElse(null);
            if (next == null) {
                throw new RunnerException(RunnerException.LOAD_ERROR, "The workflow has a cycle among nodes "
                    + indegree.keySet());
            }
            indegree.remove(next);
            order.add(nodes.get(next));
            for (Connection c : connections) {
                if (c.source() == next && indegree.containsKey(c.dest())) {
                    indegree.merge(c.dest(), -1, Integer::sum);
                }
            }
        }
        return order;
    }

    private NodeRun executeNode(final Path wf, final Node n, final Map<Integer, Node> nodes,
        final List<Connection> connections, final Map<String, Object> workflowVariables, final Options o)
        throws RunnerException {
        if (o.m_memory) {
            PeakMemory.reset();
        }
        long start = System.nanoTime();
        PortType[] inTypes = KitAccess.node().inPortTypes(n.m_model);
        PortObject[] inputs = new PortObject[inTypes.length];
        Map<String, Object> available = new LinkedHashMap<>(workflowVariables);
        for (Connection c : connections) {
            if (c.dest() == n.m_id) {
                Node src = nodes.get(c.source());
                available.putAll(src.m_outgoing);
                if (c.destPort() > 0) {
                    if (c.destPort() > inputs.length || c.sourcePort() < 1
                        || c.sourcePort() > src.m_outputs.length) {
                        throw new RunnerException(RunnerException.EXECUTION_ERROR, "Node " + n.label()
                            + ": connection from " + src.label() + " port " + c.sourcePort() + " to port "
                            + c.destPort() + " does not fit the nodes' ports");
                    }
                    inputs[c.destPort() - 1] = src.m_outputs[c.sourcePort() - 1];
                }
            }
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null && !inTypes[i].isOptional()) {
                throw new RunnerException(RunnerException.EXECUTION_ERROR,
                    "Node " + n.label() + ": input port " + (i + 1) + " (" + inTypes[i].getName() + ") is not connected");
            }
        }
        KitAccess.NodeBridge b = KitAccess.node();
        Map<String, Object> exposed = new LinkedHashMap<>();
        try {
            NodeSettings withVars = copy(n.m_modelSettings);
            FlowVariables.apply(withVars, n.m_bindings, available, false);
            b.validateSettings(n.m_model, withVars);
            b.loadValidatedSettingsFrom(n.m_model, withVars);
            for (FlowVariables.Binding bind : n.m_bindings) {
                if (bind.exposedVariable() != null) {
                    exposed.put(bind.exposedVariable(), FlowVariables.exposedValue(withVars, bind));
                }
            }
        } catch (InvalidSettingsException e) {
            throw new RunnerException(RunnerException.EXECUTION_ERROR,
                "Node " + n.label() + ": settings with flow variables: " + e.getMessage(), e);
        }
        Map<String, Object> nodeVars = new LinkedHashMap<>(available);
        nodeVars.putAll(exposed);
        b.setFlowVariables(n.m_model, nodeVars);
        PortObjectSpec[] specs = new PortObjectSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            specs[i] = inputs[i] == null ? null : inputs[i].getSpec();
        }
        KitAccess.workflow().pushWorkflowContext(wf);
        PortObject[] out;
        try {
            b.reset(n.m_model);
            try {
                b.configure(n.m_model, specs);
            } catch (InvalidSettingsException | RuntimeException e) {
                throw new RunnerException(RunnerException.EXECUTION_ERROR,
                    "Node " + n.label() + ": configure failed: " + describe(e), e);
            }
            final boolean printProgress = o.m_progress && !o.m_quiet;
            final long started = System.nanoTime();
            ExecutionContext exec = b.newExecutionContext(new KitAccess.ProgressSink() {
                private long m_last;

                @Override
                public synchronized void progress(final double fraction, final String message) {
                    final long now = System.nanoTime();
                    if (printProgress && message != null && (now - m_last > 1_000_000_000L || fraction >= 1)) {
                        m_last = now;
                        final double f = Math.max(0, Math.min(1, fraction));
                        m_out.printf(java.util.Locale.ROOT, "  node %s %s %3.0f%% %s%s%n", n.m_place, n.label(), f * 100,
                            message, timeLeft(f, (now - started) / 1e9));
                    }
                }

                @Override
                public boolean isCancelled() {
                    return Thread.currentThread().isInterrupted();
                }
            });
            try {
                out = b.execute(n.m_model, inputs, exec);
            } catch (Exception | LinkageError e) {
                throw new RunnerException(RunnerException.EXECUTION_ERROR,
                    "Node " + n.label() + " failed: " + describe(e), e);
            }
        } finally {
            KitAccess.workflow().popWorkflowContext();
        }
        PortType[] outTypes = b.outPortTypes(n.m_model);
        if (out == null || out.length != outTypes.length) {
            throw new RunnerException(RunnerException.EXECUTION_ERROR, "Node " + n.label() + " returned "
                + (out == null ? "null" : out.length + " outputs") + ", expected " + outTypes.length);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null || !outTypes[i].acceptsPortObject(out[i])) {
                throw new RunnerException(RunnerException.EXECUTION_ERROR, "Node " + n.label() + ": output port "
                    + (i + 1) + " holds " + out[i] + ", expected " + outTypes[i].getName());
            }
            if (o.m_saveLoad && !(out[i] instanceof BufferedDataTable)) {
                out[i] = saveAndLoad(n, i, out[i]);
            }
        }
        n.m_outputs = out;
        n.m_outgoing.putAll(nodeVars);
        n.m_outgoing.putAll(b.pushedFlowVariables(n.m_model));
        double secs = (System.nanoTime() - start) / 1e9;
        String warning = b.getWarningMessage(n.m_model);
        if (!o.m_quiet) {
            StringBuilder ports = new StringBuilder();
            for (int i = 0; i < out.length; i++) {
                ports.append(i == 0 ? "" : "; ").append("port ").append(i + 1).append(": ");
                if (out[i] instanceof BufferedDataTable) {
                    BufferedDataTable t = (BufferedDataTable)out[i];
                    ports.append(t.size()).append(" rows, ").append(t.getDataTableSpec().getNumColumns())
                        .append(" columns");
                } else {
                    ports.append(out[i].getSummary());
                }
            }
            final String memory = o.m_memory ? PeakMemory.describe() : "";
            m_out.printf(Locale.ROOT, "EXECUTED %s in %.2f s%s (%s)%n", n.m_name, secs, memory, ports);
            if (warning != null) {
                m_out.println("WARNING  " + n.m_name + ": " + warning);
            }
        }
        if (o.m_csvDir != null) {
            for (int i = 0; i < out.length; i++) {
                if (out[i] instanceof BufferedDataTable) {
                    writeCsv(o.m_csvDir.resolve(n.m_name + " port " + (i + 1) + ".csv"), (BufferedDataTable)out[i], n);
                }
            }
        }
        return new NodeRun(n.m_id, n.m_name, n.m_factoryName, secs, warning,
            Collections.unmodifiableList(List.of(out)));
    }

    private static String describe(final Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) {
            return e.getClass().getName();
        }
        return (e instanceof InvalidSettingsException || e instanceof IllegalArgumentException
            || e instanceof IOException) ? msg : e.getClass().getSimpleName() + ": " + msg;
    }

    private static PortObject saveAndLoad(final Node n, final int port, final PortObject po) throws RunnerException {
        try {
            ByteArrayOutputStream specBytes = new ByteArrayOutputStream();
            KitAccess.port().savePortObjectSpec(po.getSpec(), specBytes);
            PortObjectSpec spec = KitAccess.port().loadPortObjectSpec(po.getClass(),
                new ByteArrayInputStream(specBytes.toByteArray()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            KitAccess.port().savePortObject(po, bytes, new ExecutionMonitor());
            return KitAccess.port().loadPortObject(po.getClass(), spec, new ByteArrayInputStream(bytes.toByteArray()),
                new ExecutionMonitor());
        } catch (Exception e) {
            throw new RunnerException(RunnerException.EXECUTION_ERROR,
                "Node " + n.label() + ": output port " + (port + 1) + " cannot be saved and loaded: " + describe(e), e);
        }
    }

    /** RFC 4180 with "\n" line ends: fields quoted only where they must be, a missing cell empty. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private static void writeCsv(final Path file, final BufferedDataTable t, final Node n) throws RunnerException {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSV)) {
                final List<String> header = new ArrayList<>(List.of("RowID"));
                header.addAll(List.of(t.getDataTableSpec().getColumnNames()));
                csv.printRecord(header);
                for (DataRow r : t) {
                    final List<String> record = new ArrayList<>();
                    record.add(r.getKey().getString());
                    for (DataCell c : r) {
                        record.add(c.isMissing() ? "" : c.toString());
                    }
                    csv.printRecord(record);
                }
            }
        } catch (IOException e) {
            throw new RunnerException(RunnerException.EXECUTION_ERROR,
                "Node " + n.label() + ": cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
