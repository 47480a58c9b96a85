package org.vavl.knime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.vavl.knime.testkit.nodes.UpperCaseNodeFactory;
import org.vavl.knime.testkit.nodes.UpperCaseNodeModel;

class NodeTesterTest {

    private static BufferedDataTable input(final int n) {
        DataTableSpec spec = Tables.spec("name", StringCell.TYPE, "n", IntCell.TYPE);
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new Object[]{i == 1 ? null : "clip" + i, i};
        }
        return Tables.table(spec, rows);
    }

    @Test
    void configuresAndExecutesWithProgressAndPushedVariables() throws Exception {
        NodeTester<UpperCaseNodeModel> t = NodeTester.of(new UpperCaseNodeFactory());
        BufferedDataTable in = input(4);
        DataTableSpec out = t.configureTable(in.getDataTableSpec());
        assertEquals(List.of("name", "n", "Upper"), Arrays.asList(out.getColumnNames()));
        BufferedDataTable result = t.executeTable(in);
        assertEquals(Arrays.asList("CLIP0", null, "CLIP2", "CLIP3"), Tables.column(result, "Upper"));
        assertEquals(List.of("Row0", "Row1", "Row2", "Row3"),
            Tables.rows(result).stream().map(r -> r.getKey().getString()).toList());
        assertNull(t.warning());
        assertEquals(4, t.pushedFlowVariables().get("rows"));
        List<ProgressEvent> p = t.progress();
        assertEquals(4, p.size());
        assertEquals(1.0, p.get(3).fraction(), 1e-9);
        assertEquals("Processed row 4/4 (\"Row3\")", p.get(3).message());
    }

    @Test
    void settingsAreValidatedAndWarningsReported() throws Exception {
        NodeTester<UpperCaseNodeModel> t = NodeTester.of(new UpperCaseNodeFactory());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> t.settings(s -> s.addInt("delay", -1)));
        assertEquals("Value (=-1) must be within the range [0...10000].", e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> t.settings(s -> s.addString("delay", "5")));
        assertEquals("Int for key \"delay\" not found.", e.getMessage());
        t.settings(s -> s.addBoolean("warn", true));
        t.executeTable(input(2));
        assertEquals("Told to warn", t.warning());
        NodeSettings saved = t.savedSettings();
        assertEquals("SMID_integer", saved.getConfig("delay_Internals").getString("SettingsModelID"));
        assertTrue(saved.getConfig("warn_Internals").getBoolean("EnabledStatus"));
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        NodeTester<UpperCaseNodeModel> t = NodeTester.of(new UpperCaseNodeFactory());
        t.settings(s -> s.addInt("delay", 20));
        var f = t.executeAsync(input(500));
        Thread.sleep(200);
        t.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CanceledExecutionException, e.toString());
    }

    @Test
    void dialogRoundTripKeepsSettingsAndPicksCompatibleColumn() throws Exception {
        NodeTester<UpperCaseNodeModel> t = NodeTester.of(new UpperCaseNodeFactory());
        t.settings(s -> s.addInt("delay", 7));
        NodeSettings d = t.dialogRoundTrip(input(1).getDataTableSpec());
        assertEquals(7, d.getInt("delay"));
        assertEquals("name", d.getString("column"));
        assertEquals("UpperCase", t.factory().getNodeName());
    }
}
