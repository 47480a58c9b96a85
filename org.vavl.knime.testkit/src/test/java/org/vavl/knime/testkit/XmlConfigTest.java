package org.vavl.knime.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnName;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelStringArray;
import org.vavl.testsupport.Oracles;

/** KNIME's XMLConfig format: read the real files, write them back byte for byte, schema-valid output. */
class XmlConfigTest {

    /** KNIME's own sample files and schemas: an oracle outside the repository (skipped without it, CI fails). */
    private static Path samples() {
        return Oracles.shared("reference/knime-samples");
    }

    private static byte[] rewrite(final byte[] original) throws IOException {
        NodeSettingsRO s = NodeSettings.loadFromXML(new ByteArrayInputStream(original));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return out.toByteArray();
    }

    @Test
    void realKnime55FilesAreWrittenBackIdentically() throws Exception {
        Path wf = samples().resolve("enhAP24247_MoreRobustStateNotification");
        for (Path f : new Path[]{wf.resolve("workflow.knime"), wf.resolve("Empty Table Creator (#1)/settings.xml")}) {
            byte[] original = Files.readAllBytes(f);
            assertEquals(new String(original, StandardCharsets.UTF_8).stripTrailing(),
                new String(rewrite(original), StandardCharsets.UTF_8).stripTrailing(), f.toString());
        }
    }

    @Test
    void readsTypedEntriesNullsArraysAndEscapes() throws Exception {
        Path wf = samples().resolve("enhAP24247_MoreRobustStateNotification");
        NodeSettingsRO s;
        try (InputStream in = Files.newInputStream(wf.resolve("Empty Table Creator (#1)/settings.xml"))) {
            s = NodeSettings.loadFromXML(in);
        }
        assertEquals("settings.xml", s.getKey());
        NodeSettingsRO model = s.getNodeSettings("model");
        assertEquals(3000, model.getInt("cfg_nr"));
        assertEquals(1747758211145L, model.getLong("CFG_SEED"));
        assertEquals("SMID_integer", model.getNodeSettings("cfg_nr_Internals").getString("SettingsModelID"));
        assertNull(s.getString("customDescription"));
        assertThrows(InvalidSettingsException.class, () -> model.getInt("CFG_SEED")); // xlong is no int
        NodeSettingsRO bug;
        try (InputStream in = Files.newInputStream(samples().resolve("bug6729_InvalidConfigOnInactiveNodes/File Reader (#2)/settings.xml"))) {
            bug = NodeSettings.loadFromXML(in);
        }
        assertEquals('\0', bug.getNodeSettings("model").getChar("ThrousandsSeparator"));
        NodeSettingsRO w;
        try (InputStream in = Files.newInputStream(wf.resolve("workflow.knime"))) {
            w = NodeSettings.loadFromXML(in);
        }
        assertArrayEquals(new int[]{-15, -86, -1, -1},
            w.getNodeSettings("nodes").getNodeSettings("node_1").getNodeSettings("ui_settings")
                .getIntArray("extrainfo.node.bounds"));
    }

    @Test
    void writtenSettingsAreSchemaValidAndRoundTrip() throws Exception {
        NodeSettings s = new NodeSettings("settings.xml");
        NodeSettings model = (NodeSettings)s.addNodeSettings("model");
        SettingsModelColumnName col = new SettingsModelColumnName("column", "Clip");
        col.saveSettingsTo(model);
        new SettingsModelDoubleBounded("ratio", 0.5, 0, 1).saveSettingsTo(model);
        new SettingsModelStringArray("classes", new String[]{"angry", null, "a\"b<c>&%%d\ne"}).saveSettingsTo(model);
        model.addString("nothing", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("<entry key=\"nothing\" type=\"xstring\" isnull=\"true\" value=\"\"/>"), xml);
        assertTrue(xml.contains("<config key=\"column\">\n"), xml);
        assertTrue(xml.contains("<entry key=\"useRowID\" type=\"xboolean\" value=\"false\"/>"), xml);
        assertTrue(xml.contains("<entry key=\"columnName\" type=\"xstring\" value=\"Clip\"/>"), xml);
        assertTrue(xml.contains("<entry key=\"array-size\" type=\"xint\" value=\"3\"/>"), xml);
        assertTrue(xml.contains("value=\"a&quot;b&lt;c&gt;&amp;%%00037%d%%00010e\""), xml);
        NodeSettingsRO back = NodeSettings.loadFromXML(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(s, back);
        assertArrayEquals(new String[]{"angry", null, "a\"b<c>&%%d\ne"},
            back.getNodeSettings("model").getStringArray("classes"));
        SettingsModelColumnName col2 = new SettingsModelColumnName("column", null);
        col2.loadSettingsFrom(back.getNodeSettings("model"));
        assertEquals("Clip", col2.getColumnName());
        // last, as it needs KNIME's schema from ../shared
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(samples().resolve("schemas/XMLConfig_2008_09.xsd").toFile()).newValidator()
            .validate(new StreamSource(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void badXmlFailsWithTheKeyAndType() {
        String xml = "<?xml version=\"1.0\"?><config key=\"m\"><entry key=\"threads\" type=\"xint\" value=\"four\"/></config>";
        IOException e = assertThrows(IOException.class,
            () -> NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("key 'threads' (type xint): 'four' is not a valid int"), e.getMessage());
    }
}
