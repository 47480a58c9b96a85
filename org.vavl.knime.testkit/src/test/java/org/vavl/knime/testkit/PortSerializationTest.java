package org.vavl.knime.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.vavl.knime.testkit.nodes.LabelsPortObject;
import org.vavl.knime.testkit.nodes.WeightsPortObject;

class PortSerializationTest {

    @Test
    void abstractPortObjectRoundTripsThroughItsRegisteredSerializer() throws Exception {
        WeightsPortObject w = new WeightsPortObject(new WeightsPortObject.Spec("categorical"), new float[]{1.5f, -2f});
        WeightsPortObject back = NodeTester.saveAndLoad(w);
        assertNotSame(w, back);
        assertArrayEquals(new float[]{1.5f, -2f}, back.weights());
        assertEquals("categorical", back.getSpec().task());
        assertEquals("Test Weights", WeightsPortObject.TYPE.getName());
        assertEquals(WeightsPortObject.Spec.class, WeightsPortObject.TYPE.getPortObjectSpecClass());
    }

    @Test
    void simplePortObjectRoundTripsThroughItsNestedSerializer() throws Exception {
        LabelsPortObject l = new LabelsPortObject(new WeightsPortObject.Spec("dimensional"), "arousal", "valence");
        LabelsPortObject back = NodeTester.saveAndLoad(l);
        assertArrayEquals(new String[]{"arousal", "valence"}, back.labels());
        assertEquals("dimensional", back.getSpec().task());
    }

    @Test
    void tablePortTypes() {
        assertEquals("Table", BufferedDataTable.TYPE.getName());
        assertEquals(true, BufferedDataTable.TYPE_OPTIONAL.isOptional());
        assertEquals(BufferedDataTable.TYPE, org.knime.core.node.port.PortTypeRegistry.getInstance()
            .getPortType(BufferedDataTable.class));
        assertEquals(true, PortObject.TYPE.isSuperTypeOf(WeightsPortObject.TYPE));
    }
}
