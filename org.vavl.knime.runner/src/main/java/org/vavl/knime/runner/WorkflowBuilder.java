package org.vavl.knime.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.config.Config;
import org.vavl.knime.testkit.internal.KitAccess;

/**
 * Writes a KNIME workflow folder ({@code workflow.knime} and {@code <Node name> (#id)/settings.xml}) with the keys
 * and layout KNIME 5.x writes (see the real files in shared/reference/knime-samples), for test workflows.
 *
 * <pre>
 * WorkflowBuilder b = new WorkflowBuilder();
 * int reader = b.node("Video Reader", new VideoReaderNodeFactory(), s -&gt; s.addString("folder", "clips"));
 * int joiner = b.node("Label Joiner", new LabelJoinerNodeFactory(), s -&gt; { });
 * b.connect(reader, 1, joiner, 1);                  // data ports are 1-based, as in workflow.knime
 * b.bindVariable(reader, "clip_folder", "folder");   // setting "folder" takes workflow variable "clip_folder"
 * b.workflowVariable("clip_folder", "/data/clips");
 * b.write(folder);
 * </pre>
 */
public final class WorkflowBuilder {

    private static final class NodeEntry {
        final int m_id;

        final String m_name;

        final String m_nodeName;

        final String m_factory;

        final NodeSettings m_model;

        final int m_outPorts;

        final Map<List<String>, String> m_bindings = new LinkedHashMap<>();

        int[] m_bounds;

        NodeEntry(final int id, final String name, final String nodeName, final String factory,
            final NodeSettings model, final int outPorts) {
            m_id = id;
            m_name = name;
            m_nodeName = nodeName;
            m_factory = factory;
            m_model = model;
            m_outPorts = outPorts;
        }

        String folder() {
            return m_name + " (#" + m_id + ")";
        }
    }

    private final List<NodeEntry> m_nodes = new ArrayList<>();

    private final List<int[]> m_connections = new ArrayList<>();

    private final Map<String, Object> m_variables = new LinkedHashMap<>();

    private final List<Object[]> m_annotations = new ArrayList<>();

    private String m_description = "";

    private String m_bundleName = "VAVL audio-visual emotion recognition nodes for KNIME";

    private String m_bundleSymbolicName = "org.vavl.knime.nodes";

    /** Sets the bundle written as node-bundle-name / node-bundle-symbolic-name. */
    public WorkflowBuilder bundle(final String name, final String symbolicName) {
        m_bundleName = name;
        m_bundleSymbolicName = symbolicName;
        return this;
    }

    /**
     * Adds a node with the model settings its NodeModel saves by default, changed by {@code edit}.
     *
     * @return the node id
     */
    public int node(final String name, final NodeFactory<? extends NodeModel> factory,
        final Consumer<NodeSettings> edit) {
        NodeModel m = factory.createNodeModel();
        NodeSettings model = new NodeSettings("model");
        KitAccess.node().saveSettingsTo(m, model);
        edit.accept(model);
        int outs = KitAccess.node().outPortTypes(m).length;
        NodeEntry e = new NodeEntry(m_nodes.size() + 1, name, factory.getNodeName(), factory.getClass().getName(),
            model, outs);
        m_nodes.add(e);
        return e.m_id;
    }

    /**
     * Adds a node by factory class name with the given model settings (the factory need not exist: for workflows
     * that must fail to load).
     *
     * @return the node id
     */
    public int node(final String name, final String factoryClassName, final NodeSettings model, final int outPorts) {
        NodeEntry e = new NodeEntry(m_nodes.size() + 1, name, name, factoryClassName, model, outPorts);
        m_nodes.add(e);
        return e.m_id;
    }

    /** Connects output port {@code sourcePort} (1-based) to input port {@code destPort} (1-based; 0 = variables). */
    public WorkflowBuilder connect(final int sourceId, final int sourcePort, final int destId, final int destPort) {
        m_connections.add(new int[]{sourceId, sourcePort, destId, destPort});
        return this;
    }

    /** Lets a flow variable set a model setting; path = keys from the model config down to the entry. */
    public WorkflowBuilder bindVariable(final int nodeId, final String variable, final String... path) {
        m_nodes.get(nodeId - 1).m_bindings.put(List.of(path), variable);
        return this;
    }

    /** Places a node on the canvas (top-left corner in pixels); default: left to right in id order. */
    public WorkflowBuilder position(final int nodeId, final int x, final int y) {
        m_nodes.get(nodeId - 1).m_bounds = new int[]{x, y, 75, 80};
        return this;
    }

    /**
     * Adds a workflow annotation (plain text, KNIME 5 format: {@code annotations/annotation_N} with text, colours,
     * bounds, {@code annotation-version} 20230412).
     */
    public WorkflowBuilder annotation(final String text, final int x, final int y, final int width,
        final int height) {
        m_annotations.add(new Object[]{text, x, y, width, height});
        return this;
    }

    /** The workflow's description, written to {@code workflow-metadata.xml} (KNIME 5's metadata file). */
    public WorkflowBuilder description(final String description) {
        m_description = description;
        return this;
    }

    /** Adds a workflow variable (String, Integer or Double). */
    public WorkflowBuilder workflowVariable(final String name, final Object value) {
        if (!(value instanceof String || value instanceof Integer || value instanceof Double)) {
            throw new IllegalArgumentException("Workflow variables are String, Integer or Double");
        }
        m_variables.put(name, value);
        return this;
    }

    /** Writes the workflow into the folder (created if needed). */
    public void write(final Path folder) throws IOException {
        Files.createDirectories(folder);
        NodeSettings wf = new NodeSettings("workflow.knime");
        wf.addString("created_by", "5.3.0.v202405151145");
        wf.addBoolean("created_by_nightly", false);
        wf.addString("version", "5.1.0");
        wf.addString("name", null);
        Config author = wf.addConfig("authorInformation");
        String now = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z"));
        author.addString("authored-by", "vavl");
        author.addString("authored-when", now);
        author.addString("lastEdited-by", "vavl");
        author.addString("lastEdited-when", now);
        wf.addString("customDescription", null);
        wf.addString("state", "IDLE");
        if (!m_variables.isEmpty()) {
            Config vars = wf.addConfig("workflow_variables");
            int i = 0;
            for (Map.Entry<String, Object> v : m_variables.entrySet()) {
                Config c = vars.addConfig("Var_" + i++);
                c.addString("name", v.getKey());
                if (v.getValue() instanceof Integer) {
                    c.addString("class", "INTEGER");
                    c.addInt("value", (Integer)v.getValue());
                } else if (v.getValue() instanceof Double) {
                    c.addString("class", "DOUBLE");
                    c.addDouble("value", (Double)v.getValue());
                } else {
                    c.addString("class", "STRING");
                    c.addString("value", (String)v.getValue());
                }
            }
        }
        wf.addConfig("workflow_credentials");
        if (!m_annotations.isEmpty()) {
            Config annotations = wf.addConfig("annotations");
            int i = 0;
            for (Object[] a : m_annotations) {
                Config c = annotations.addConfig("annotation_" + i++);
                c.addString("text", (String)a[0]);
                c.addString("contentType", "text/plain");
                c.addInt("bgcolor", 0xFFFFFF);
                c.addInt("x-coordinate", (Integer)a[1]);
                c.addInt("y-coordinate", (Integer)a[2]);
                c.addInt("width", (Integer)a[3]);
                c.addInt("height", (Integer)a[4]);
                c.addString("alignment", "LEFT");
                c.addInt("borderSize", 4);
                c.addInt("borderColor", 0xFFD700);
                c.addInt("defFontSize", 11);
                c.addInt("annotation-version", 20230412);
                c.addConfig("styles");
            }
        }
        Config nodes = wf.addConfig("nodes");
        for (NodeEntry n : m_nodes) {
            Config c = nodes.addConfig("node_" + n.m_id);
            c.addInt("id", n.m_id);
            c.addString("node_settings_file", n.folder() + "/settings.xml");
            c.addBoolean("node_is_meta", false);
            c.addString("node_type", "NativeNode");
            c.addString("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            final int[] bounds = n.m_bounds != null ? n.m_bounds : new int[]{100 + 150 * (n.m_id - 1), 100, 75, 80};
            c.addConfig("ui_settings").addIntArray("extrainfo.node.bounds", bounds);
            writeNode(folder, n);
        }
        Config cons = wf.addConfig("connections");
        for (int i = 0; i < m_connections.size(); i++) {
            int[] c = m_connections.get(i);
            Config cc = cons.addConfig("connection_" + i);
            cc.addInt("sourceID", c[0]);
            cc.addInt("destID", c[2]);
            cc.addInt("sourcePort", c[1]);
            cc.addInt("destPort", c[3]);
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("workflow.knime"))) {
            wf.saveToXML(out);
        }
        final String modified = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Files.writeString(folder.resolve("workflow-metadata.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<workflow-metadata content-type=\"text/plain\" xmlns=\"http://www.knime.org/core/node/workflow/metadata/v1.0\">\n"
            + "    <last-modified>" + modified + "</last-modified>\n"
            + (m_description.isEmpty() ? "    <description/>\n"
                : "    <description>" + xmlText(m_description) + "</description>\n")
            + "</workflow-metadata>\n", java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String xmlText(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void writeNode(final Path folder, final NodeEntry n) throws IOException {
        NodeSettings s = new NodeSettings("settings.xml");
        s.addString("node_file", "settings.xml");
        s.addConfig("flow_stack");
        s.addConfig("internal_node_subsettings").addString("memory_policy", "CacheSmallInMemory");
        NodeSettingsWO model = s.addNodeSettings("model");
        n.m_model.copyTo(model);
        if (!n.m_bindings.isEmpty()) {
            Config vars = s.addConfig("variables");
            vars.addString("version", "V_2019_09_13");
            Config tree = vars.addConfig("tree");
            for (Map.Entry<List<String>, String> b : n.m_bindings.entrySet()) {
                Config c = tree;
                for (String k : b.getKey()) {
                    try {
                        c = c.containsKey(k) ? c.getConfig(k) : c.addConfig(k);
                    } catch (org.knime.core.node.InvalidSettingsException e) {
                        throw new IllegalStateException(e);
                    }
                }
                c.addString("used_variable", b.getValue());
                c.addString("exposed_variable", null);
            }
        }
        s.addString("customDescription", null);
        s.addString("state", "IDLE");
        s.addString("factory", n.m_factory);
        s.addString("node-name", n.m_nodeName);
        s.addString("node-bundle-name", m_bundleName);
        s.addString("node-bundle-symbolic-name", m_bundleSymbolicName);
        s.addString("node-bundle-vendor", "VAVL for KNIME");
        s.addString("node-bundle-version", "1.0.0.qualifier");
        s.addString("node-feature-name", null);
        s.addString("node-feature-symbolic-name", null);
        s.addString("node-feature-vendor", null);
        s.addString("node-feature-version", "0.0.0");
        s.addConfig("factory_settings");
        s.addString("name", n.m_nodeName);
        s.addBoolean("hasContent", false);
        s.addBoolean("isInactive", false);
        Config ports = s.addConfig("ports");
        for (int i = 1; i <= n.m_outPorts; i++) {
            Config p = ports.addConfig("port_" + i);
            p.addInt("index", i);
            p.addString("port_dir_location", null);
        }
        Config fs = s.addConfig("filestores");
        fs.addString("file_store_location", null);
        fs.addString("file_store_id", null);
        Path dir = folder.resolve(n.folder());
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve("settings.xml"))) {
            s.saveToXML(out);
        }
    }
}
