package org.vavl.knime.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.testkit.nodes.FailingNodeFactory;
import org.vavl.knime.testkit.nodes.RowsNodeFactory;
import org.vavl.knime.testkit.nodes.UpperCaseNodeFactory;

class WorkflowRunnerTest {

    @TempDir
    Path m_tmp;

    private final ByteArrayOutputStream m_out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream m_err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return new WorkflowRunner(new PrintStream(m_out, true, StandardCharsets.UTF_8),
            new PrintStream(m_err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String err() {
        return m_err.toString(StandardCharsets.UTF_8);
    }

    private Path twoNodes(final String name) throws Exception {
        WorkflowBuilder b = new WorkflowBuilder();
        int upper = b.node("Upper Case", new UpperCaseNodeFactory(), s -> { });
        int rows = b.node("Rows", new RowsNodeFactory(), s -> s.addInt("rows", 4));
        b.connect(rows, 1, upper, 1);
        b.bindVariable(rows, "prefix_var", "prefix");
        b.workflowVariable("prefix_var", "wf");
        Path wf = m_tmp.resolve(name);
        b.write(wf);
        return wf;
    }

    @Test
    void executesInDependencyOrderAndWritesCsv() throws Exception {
        Path wf = twoNodes("ok");
        Path csv = m_tmp.resolve("csv");
        assertEquals(0, run(wf.toString(), "-csv=" + csv), err());
        String out = m_out.toString(StandardCharsets.UTF_8);
        assertTrue(out.indexOf("EXECUTED Rows (#2)") < out.indexOf("EXECUTED Upper Case (#1)"), out);
        assertTrue(out.contains("EXECUTED Rows (#2) in "), out);
        assertTrue(out.contains("(port 1: 4 rows, 2 columns)"), out);
        assertTrue(out.contains("(port 1: 4 rows, 3 columns)"), out);
        assertEquals(List.of("RowID,name,n,Upper", "Row0,wf0,0,WF0", "Row1,wf1,1,WF1", "Row2,wf2,2,WF2",
            "Row3,wf3,3,WF3"), Files.readAllLines(csv.resolve("Upper Case (#1) port 1.csv")));
    }

    @Test
    void commandLineVariableOverridesWorkflowVariable() throws Exception {
        Path wf = twoNodes("var");
        List<WorkflowRunner.NodeRun> runs = new WorkflowRunner(new PrintStream(m_out), new PrintStream(m_err))
            .execute(WorkflowRunner.parse(wf.toString(), "-workflow.variable=prefix_var,a,b,String"));
        BufferedDataTable t = (BufferedDataTable)runs.get(1).outputs().get(0);
        assertEquals(Arrays.asList("A,B0", "A,B1", "A,B2", "A,B3"), Tables.column(t, "Upper"));
    }

    @Test
    void unknownFactoryIsALoadErrorNamingTheNode() throws Exception {
        WorkflowBuilder b = new WorkflowBuilder();
        b.node("Mystery", "org.example.NoSuchNodeFactory", new NodeSettings("model"), 1);
        Path wf = m_tmp.resolve("unknown");
        b.write(wf);
        assertEquals(3, run(wf.toString()));
        assertTrue(err().contains("Node 'Mystery (#1)': unknown node factory 'org.example.NoSuchNodeFactory'"), err());
    }

    @Test
    void missingSettingsXmlIsALoadError() throws Exception {
        Path wf = twoNodes("missing");
        Files.delete(wf.resolve("Rows (#2)/settings.xml"));
        assertEquals(3, run(wf.toString()));
        assertTrue(err().contains("Node 'Rows (#2)': settings.xml missing"), err());
    }

    @Test
    void settingOfTheWrongTypeIsALoadErrorNamingNodeAndKey() throws Exception {
        WorkflowBuilder b = new WorkflowBuilder();
        b.node("Rows", new RowsNodeFactory(), s -> s.addString("rows", "four"));
        Path wf = m_tmp.resolve("wrongtype");
        b.write(wf);
        assertEquals(3, run(wf.toString()));
        assertTrue(err().contains("Node 'Rows (#1)': invalid settings: Int for key \"rows\" not found."), err());
    }

    @Test
    void failingExecuteIsAnExecutionErrorNamingNodeAndCause() throws Exception {
        WorkflowBuilder b = new WorkflowBuilder();
        int rows = b.node("Rows", new RowsNodeFactory(), s -> { });
        int fail = b.node("Writer", new FailingNodeFactory(), s -> { });
        b.connect(rows, 1, fail, 1);
        Path wf = m_tmp.resolve("fail");
        b.write(wf);
        assertEquals(4, run(wf.toString()));
        assertTrue(err().contains("Node 'Writer (#2)' failed: IllegalStateException: disk full while writing clip7.wav"),
            err());
    }

    @Test
    void badArgumentsExitWith2() throws Exception {
        assertEquals(2, run());
        assertEquals(2, run(m_tmp.resolve("nope").toString()));
        Path wf = twoNodes("args");
        assertEquals(2, run(wf.toString(), "-workflow.variable=x,1"));
        assertEquals(2, run(wf.toString(), "-workflow.variable=x,abc,int"));
        assertEquals(2, run(wf.toString(), "-bogus"));
        assertTrue(err().contains("Usage: vavl run"), err());
    }

    @Test
    void unconnectedInputIsAnExecutionError() throws Exception {
        WorkflowBuilder b = new WorkflowBuilder();
        b.node("Upper Case", new UpperCaseNodeFactory(), s -> { });
        Path wf = m_tmp.resolve("unconnected");
        b.write(wf);
        assertEquals(4, run(wf.toString()));
        assertTrue(err().contains("Node 'Upper Case (#1)': input port 1 (Table) is not connected"), err());
    }

    @Test
    void timeLeftIsEstimatedFromTheProgressSoFar() {
        assertEquals("", WorkflowRunner.timeLeft(0.02, 30), "too early to say");
        assertEquals("", WorkflowRunner.timeLeft(0.5, 2), "too soon to say");
        assertEquals(" (about 30 s left)", WorkflowRunner.timeLeft(0.5, 30));
        assertEquals(" (about 5 min left)", WorkflowRunner.timeLeft(0.25, 100));
        assertEquals("", WorkflowRunner.timeLeft(1, 100), "done");
    }
}
