package org.vavl.knime.nodes.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;
import org.vavl.knime.testkit.ProgressEvent;
import org.vavl.knime.testkit.Tables;
import org.vavl.knime.testkit.TestExecution;

class CommonTest {

    @TempDir
    Path m_tmp;

    @Test
    void progressBridgeForwardsProgressAndCancellation() throws Exception {
        TestExecution t = new TestExecution();
        Progress p = ProgressBridge.of(t.context().createSubExecutionContext(0.5));
        p.update(0.5, "clip 1 of 2");
        p.sub(0.5, 0.5).update(1, "clip 2 of 2");
        assertEquals(List.of(new ProgressEvent(0.25, "clip 1 of 2"), new ProgressEvent(0.5, "clip 2 of 2")),
            t.progress());
        assertFalse(p.isCancelled());
        t.cancel();
        assertTrue(p.isCancelled());
        CancelledException e = assertThrows(CancelledException.class, p::checkCancelled);
        CanceledExecutionException k = ProgressBridge.toKnime(e);
        assertEquals("Cancelled by the user.", k.getMessage());
        assertInstanceOf(CancelledException.class, k.getCause());
    }

    @Test
    void sharedSettingsHaveTheAgreedKeysDefaultsAndValues() throws Exception {
        assertEquals(0, CommonSettings.threads().getIntValue(), "0 = one thread per processor");
        assertEquals(Runtime.getRuntime().availableProcessors(), CommonSettings.threads(CommonSettings.threads()));
        assertEquals(OnError.FAIL, CommonSettings.onError(CommonSettings.onError()));
        assertEquals(Overwrite.IF_CHANGED, CommonSettings.overwrite(CommonSettings.overwrite()));
        assertEquals("auto", CommonSettings.device(CommonSettings.device()));
        assertEquals(List.of("never", "if changed", "always"), CommonSettings.OVERWRITE_VALUES);
        NodeSettings s = new NodeSettings("model");
        CommonSettings.threads().saveSettingsTo(s);
        CommonSettings.onError().saveSettingsTo(s);
        assertEquals("SMID_integer", s.getConfig("threads_Internals").getString("SettingsModelID"));
        assertEquals("fail", s.getString("on error"));
        var bad = CommonSettings.device();
        bad.setStringValue("tpu");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> CommonSettings.device(bad));
        assertTrue(e.getMessage().contains("'tpu'"), e.getMessage());
        var onError = CommonSettings.onError();
        onError.setStringValue("ignore");
        e = assertThrows(InvalidSettingsException.class, () -> CommonSettings.onError(onError));
        assertTrue(e.getMessage().contains("'ignore'") && e.getMessage().contains("'skip'"), e.getMessage());
        var threads = CommonSettings.threads();
        NodeSettings zero = new NodeSettings("model");
        zero.addInt("threads", -1);
        e = assertThrows(InvalidSettingsException.class, () -> threads.validateSettings(zero));
        assertEquals("Value (=-1) must be within the range [0...256].", e.getMessage());
        zero.addInt("threads", 3);
        threads.loadSettingsFrom(zero);
        assertEquals(3, CommonSettings.threads(threads));
    }

    @Test
    void foldersResolveAbsoluteOrAgainstTheWorkflowFolder() throws Exception {
        Path abs = m_tmp.resolve("out").toAbsolutePath();
        assertEquals(abs, WorkflowPaths.resolveFolder(abs.toString(), "output folder"));
        assertNull(WorkflowPaths.workflowFolder());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> WorkflowPaths.resolveFolder("clips", "input folder"));
        assertTrue(e.getMessage().contains("'input folder'") && e.getMessage().contains("'clips'"), e.getMessage());
        Path wf = m_tmp.resolve("My Flow");
        assertEquals(wf.resolve("data/clips").toAbsolutePath(),
            TestExecution.inWorkflow(wf, () -> WorkflowPaths.resolveFolder("data/./clips", "input folder")));
        assertEquals(m_tmp.resolve("shared").toAbsolutePath(),
            TestExecution.inWorkflow(wf, () -> WorkflowPaths.resolveFolder("../shared", "input folder")));
        e = assertThrows(InvalidSettingsException.class, () -> WorkflowPaths.resolveFolder(" ", "output folder"));
        assertTrue(e.getMessage().contains("'output folder' is empty"), e.getMessage());
    }

    @Test
    void columnLookupNamesTheColumnAndListsTheAvailableOnes() throws Exception {
        DataTableSpec spec = Tables.spec("Clip", StringCell.TYPE, "Path", StringCell.TYPE, "FPS", DoubleCell.TYPE);
        assertEquals(1, Columns.require(spec, "Path", StringValue.class, "path column"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> Columns.require(spec, "Video", StringValue.class, "path column"));
        assertEquals("Column 'Video' (setting 'path column') is not in the input table. Available: [Clip, Path].",
            e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> Columns.require(spec, "Clip", DoubleValue.class, "fps column"));
        assertTrue(e.getMessage().contains("has type String; it must hold DoubleValue. Available: [FPS]"),
            e.getMessage());
        assertEquals("FPS (#2)", Columns.unique(spec, "FPS"));
        assertEquals("Width", Columns.unique(spec, "Width"));
    }
}
