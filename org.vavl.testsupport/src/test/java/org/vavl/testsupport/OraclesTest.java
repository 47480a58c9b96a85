package org.vavl.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class OraclesTest {

    @Test
    void aMissingOracleSkipsOnAUsersMachineAndFailsInCi() {
        final TestAbortedException skip = assertThrows(TestAbortedException.class,
            () -> Oracles.require(false, "needs /nowhere/knime-samples", false));
        assertEquals("[oracle missing, test skipped] OraclesTest.lambda$aMissingOracleSkipsOnAUsersMachineAndFailsInCi$0"
            + " needs /nowhere/knime-samples", skip.getMessage());
        final AssertionFailedError fail = assertThrows(AssertionFailedError.class,
            () -> Oracles.require(false, "needs /nowhere/knime-samples", true));
        assertTrue(fail.getMessage().endsWith("needs /nowhere/knime-samples; CI=true, so an oracle that cannot run"
            + " is a failure"), fail.getMessage());
        Oracles.require(true, "nothing", true);
        Oracles.require(true, "nothing", false);
    }

    @Test
    void sharedFilesResolveUnderTheSharedFolder() {
        final String before = System.getProperty("vavl.shared.dir");
        try {
            System.setProperty("vavl.shared.dir", "/nowhere/shared");
            assertEquals("/nowhere/shared", Oracles.sharedDir().toString());
            assertEquals(null, Oracles.sharedIfPresent("reference/knime-samples"));
        } finally {
            if (before == null) {
                System.clearProperty("vavl.shared.dir");
            } else {
                System.setProperty("vavl.shared.dir", before);
            }
        }
    }

    @Test
    void pythonModulesThatDoNotExistAreMissing() {
        assertFalse(Oracles.hasPython("no_such_module_vavl"));
    }
}
