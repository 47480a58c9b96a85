package org.vavl.knime.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.vavl.knime.testkit.Tables;
import org.vavl.testsupport.Oracles;
import org.vavl.knime.testkit.nodes.RowsNodeFactory;
import org.vavl.knime.testkit.nodes.UpperCaseNodeFactory;

/** The workflow format: real KNIME files load, written files are schema-valid, variable ports and bindings work. */
class WorkflowFormatTest {

    @TempDir
    Path m_tmp;

    /** KNIME's own sample files and schemas: an oracle outside the repository (skipped without it, CI fails). */
    private static Path samples() {
        return Oracles.shared("reference/knime-samples");
    }

    @Test
    void realKnimeWorkflowLoadsUpToItsUnknownFactory() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new WorkflowRunner(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
            StandardCharsets.UTF_8)).run(samples().resolve("enhAP24247_MoreRobustStateNotification").toString());
        assertEquals(3, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Node 'Empty Table Creator (#1)': unknown node "
            + "factory 'org.knime.datageneration.emptyfilecreato.EmptyFileCreatorNodeFactory'"), err.toString());
    }

    @Test
    void writtenWorkflowIsSchemaValidAndShapedLikeKnimes() throws Exception {
        WorkflowBuilder b = new WorkflowBuilder();
        int rows = b.node("Rows", new RowsNodeFactory(), s -> { });
        int upper = b.node("Upper Case", new UpperCaseNodeFactory(), s -> { });
        b.connect(rows, 1, upper, 1);
        b.bindVariable(upper, "col", "column");
        b.workflowVariable("col", "name");
        b.write(m_tmp);
        String settings = Files.readString(m_tmp.resolve("Upper Case (#2)/settings.xml"));
        List<String> keys = settings.lines().filter(l -> l.startsWith("    <") && !l.startsWith("    </")).map(l -> l.replaceAll(".*key=\"([^\"]*)\".*", "$1"))
            .toList();
        assertEquals(List.of("node_file", "flow_stack", "internal_node_subsettings", "model", "variables",
            "customDescription", "state", "factory", "node-name", "node-bundle-name", "node-bundle-symbolic-name",
            "node-bundle-vendor", "node-bundle-version", "node-feature-name", "node-feature-symbolic-name",
            "node-feature-vendor", "node-feature-version", "factory_settings", "name", "hasContent", "isInactive",
            "ports", "filestores"), keys);
        assertTrue(settings.contains("""
                <config key="variables">
                    <entry key="version" type="xstring" value="V_2019_09_13"/>
                    <config key="tree">
                        <config key="column">
                            <entry key="used_variable" type="xstring" value="col"/>
                            <entry key="exposed_variable" type="xstring" isnull="true" value=""/>
            """), settings);
        // last, as it needs KNIME's schema from ../shared
        Validator v = javax.xml.validation.SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(samples().resolve("schemas/XMLConfig_2008_09.xsd").toFile()).newValidator();
        v.validate(new StreamSource(m_tmp.resolve("workflow.knime").toFile()));
        v.validate(new StreamSource(m_tmp.resolve("Upper Case (#2)/settings.xml").toFile()));
    }

    @Test
    void variablePortConnectionOrdersNodesAndPassesPushedVariables() throws Exception {
        // "Rows" pushes the variable source=rows; a second Rows node takes its prefix from it via a variable port
        WorkflowBuilder b = new WorkflowBuilder();
        int second = b.node("Rows B", new RowsNodeFactory(), s -> s.addInt("rows", 2));
        int first = b.node("Rows A", new RowsNodeFactory(), s -> s.addInt("rows", 1));
        b.connect(first, 0, second, 0);
        b.bindVariable(second, "source", "prefix");
        b.write(m_tmp);
        List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream())).execute(WorkflowRunner.Options.of(m_tmp));
        assertEquals(List.of("Rows A (#2)", "Rows B (#1)"), runs.stream().map(WorkflowRunner.NodeRun::name).toList());
        assertEquals(List.of("rows0", "rows1"), Tables.column((BufferedDataTable)runs.get(1).outputs().get(0), "name"));
    }

    @Test
    void missingFlowVariableIsAnExecutionErrorNamingSettingAndVariable() throws Exception {
        WorkflowBuilder b = new WorkflowBuilder();
        int rows = b.node("Rows", new RowsNodeFactory(), s -> { });
        b.bindVariable(rows, "clip_prefix", "prefix");
        b.write(m_tmp);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new WorkflowRunner(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
            StandardCharsets.UTF_8)).run(m_tmp.toString());
        assertEquals(4, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
            "Node 'Rows (#1)': settings with flow variables: Flow variable \"clip_prefix\" for setting \"prefix\" is not available"),
            err.toString());
        assertEquals(0, new WorkflowRunner(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))
            .run(m_tmp.toString(), "-workflow.variable=clip_prefix,x,String"));
    }
}
