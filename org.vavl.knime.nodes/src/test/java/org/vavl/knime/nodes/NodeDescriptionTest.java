package org.vavl.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Every node description ({@code <Factory>.xml} next to a factory in this bundle's sources) is valid against
 * KNIME's Node_v4.1.xsd (read from the shared reference folder at test time, never copied into the repo), and
 * every factory listed in plugin.xml whose class exists has its description and its icon. Passes with no nodes.
 */
class NodeDescriptionTest {

    private static final String NS = "http://knime.org/node/v4.1";

    private static Path sources() {
        return Paths.get("src/main/java").toAbsolutePath();
    }

    private static Schema schema() throws Exception {
        Path xsd = Paths.get(System.getProperty("vavl.shared.dir", "../../shared"), "reference", "knime-samples",
            "schemas", "Node_v4.1.xsd");
        assertTrue(Files.isRegularFile(xsd), "Node_v4.1.xsd not found at " + xsd + " (system property vavl.shared.dir)");
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
    }

    private static List<Path> descriptions() throws IOException {
        try (Stream<Path> s = Files.walk(sources())) {
            return s.filter(p -> p.getFileName().toString().matches(".+NodeFactory\\.xml")).sorted()
                .collect(Collectors.toList());
        }
    }

    private static Document parse(final InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(in);
    }

    @Test
    void everyNodeDescriptionIsValidAgainstNodeV41() throws Exception {
        Schema schema = schema();
        List<String> problems = new ArrayList<>();
        for (Path d : descriptions()) {
            try {
                schema.newValidator().validate(new StreamSource(d.toFile()));
            } catch (SAXParseException e) {
                problems.add(sources().relativize(d) + " line " + e.getLineNumber() + ": " + e.getMessage());
                continue;
            }
            Document doc;
            try (InputStream in = Files.newInputStream(d)) {
                doc = parse(in);
            }
            Element root = doc.getDocumentElement();
            if (!NS.equals(root.getNamespaceURI())) {
                problems.add(sources().relativize(d) + ": namespace must be " + NS);
            }
            String icon = root.getAttribute("icon");
            if (icon.isEmpty() || !Files.isRegularFile(d.getParent().resolve(icon))) {
                problems.add(sources().relativize(d) + ": icon '" + icon + "' missing next to the description");
            }
            if (root.getElementsByTagNameNS(NS, "name").item(0).getTextContent().isBlank()) {
                problems.add(sources().relativize(d) + ": empty <name>");
            }
            NodeList options = root.getElementsByTagNameNS(NS, "option");
            for (int i = 0; i < options.getLength(); i++) {
                if (options.item(i).getTextContent().isBlank()) {
                    problems.add(sources().relativize(d) + ": option '"
                        + ((Element)options.item(i)).getAttribute("name") + "' is not documented");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyExistingFactoryInPluginXmlHasDescriptionAndIcon() throws Exception {
        Document plugin;
        try (InputStream in = Files.newInputStream(Paths.get("plugin.xml"))) {
            plugin = parse(in);
        }
        NodeList nodes = plugin.getElementsByTagName("node");
        assertFalse(nodes.getLength() == 0, "plugin.xml lists no nodes");
        List<String> problems = new ArrayList<>();
        int present = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            String cls = ((Element)nodes.item(i)).getAttribute("factory-class");
            Class<?> c;
            try {
                c = Class.forName(cls, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                continue; // node not written yet
            }
            present++;
            if (!NodeFactory.class.isAssignableFrom(c)) {
                problems.add(cls + " is no NodeFactory");
                continue;
            }
            URL desc = c.getResource(c.getSimpleName() + ".xml");
            if (desc == null) {
                problems.add(cls + ": no " + c.getSimpleName() + ".xml next to the class");
                continue;
            }
            Element root;
            try (InputStream in = desc.openStream()) {
                root = parse(in).getDocumentElement();
            }
            URL icon = c.getResource(root.getAttribute("icon"));
            if (icon == null) {
                problems.add(cls + ": icon '" + root.getAttribute("icon") + "' not found");
                continue;
            }
            BufferedImage img = ImageIO.read(icon);
            if (img == null || img.getWidth() != 16 || img.getHeight() != 16) {
                problems.add(cls + ": icon " + root.getAttribute("icon") + " is not a 16x16 image");
            }
            NodeFactory<?> f = (NodeFactory<?>)c.getConstructor().newInstance();
            assertEquals(root.getElementsByTagNameNS(NS, "name").item(0).getTextContent().trim(), f.getNodeName());
            assertNotNull(f.createNodeModel(), cls + " creates no model");
        }
        assertTrue(problems.isEmpty(), present + " factories present; problems:\n" + String.join("\n", problems));
    }

    @Test
    void categoryIconExists() throws Exception {
        Document plugin;
        try (InputStream in = Files.newInputStream(Paths.get("plugin.xml"))) {
            plugin = parse(in);
        }
        NodeList cats = plugin.getElementsByTagName("category");
        for (int i = 0; i < cats.getLength(); i++) {
            String icon = ((Element)cats.item(i)).getAttribute("icon");
            assertTrue(icon.isEmpty() || Files.isRegularFile(Paths.get(icon)), "category icon missing: " + icon);
        }
    }
}
