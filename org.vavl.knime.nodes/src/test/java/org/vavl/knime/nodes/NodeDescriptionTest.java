package org.vavl.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import org.vavl.knime.nodes.videoreader.VideoReaderNodeFactory;
import org.vavl.testsupport.Oracles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Every node in plugin.xml has its factory class, its description ({@code <Factory>.xml} next to the class)
 * with a name and documented options, and its 16x16 icon; the category has its icon. The descriptions are also
 * validated against KNIME's own Node_v4.1.xsd, an oracle read from {@code ../shared} (never copied into the
 * repository; skipped without it, a failure in CI).
 */
class NodeDescriptionTest {

    private static final String NS = "http://knime.org/node/v4.1";

    private static Path sources() {
        return Paths.get("src/main/java").toAbsolutePath();
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

    private static Document pluginXml() throws Exception {
        try (InputStream in = Files.newInputStream(Paths.get("plugin.xml"))) {
            return parse(in);
        }
    }

    @Test
    void everyNodeDescriptionHasNameIconAndDocumentedOptions() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> all = descriptions();
        assertFalse(all.isEmpty(), "no node descriptions under " + sources());
        for (Path d : all) {
            Element root;
            try (InputStream in = Files.newInputStream(d)) {
                root = parse(in).getDocumentElement();
            }
            String where = sources().relativize(d).toString();
            if (!NS.equals(root.getNamespaceURI())) {
                problems.add(where + ": namespace must be " + NS);
            }
            String icon = root.getAttribute("icon");
            if (icon.isEmpty() || !Files.isRegularFile(d.getParent().resolve(icon))) {
                problems.add(where + ": icon '" + icon + "' missing next to the description");
            }
            NodeList names = root.getElementsByTagNameNS(NS, "name");
            if (names.getLength() == 0 || names.item(0).getTextContent().isBlank()) {
                problems.add(where + ": empty <name>");
            }
            NodeList options = root.getElementsByTagNameNS(NS, "option");
            for (int i = 0; i < options.getLength(); i++) {
                if (options.item(i).getTextContent().isBlank()) {
                    problems.add(where + ": option '" + ((Element)options.item(i)).getAttribute("name")
                        + "' is not documented");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyNodeDescriptionIsValidAgainstKnimesNodeV41Schema() throws Exception {
        Path xsd = Oracles.shared("reference/knime-samples/schemas/Node_v4.1.xsd");
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
        List<String> problems = new ArrayList<>();
        for (Path d : descriptions()) {
            try {
                schema.newValidator().validate(new StreamSource(d.toFile()));
            } catch (SAXParseException e) {
                problems.add(sources().relativize(d) + " line " + e.getLineNumber() + ": " + e.getMessage());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyFactoryInPluginXmlExistsWithDescriptionAndIcon() throws Exception {
        Document plugin = pluginXml();
        int nodes = plugin.getElementsByTagName("node").getLength();
        assertEquals(10, nodes, "nodes in plugin.xml");
        List<String> problems = factoryProblems(plugin);
        assertTrue(problems.isEmpty(), nodes + " factories in plugin.xml; problems:\n" + String.join("\n", problems));
    }

    /** The check above fails where it must: a factory without a class, and a node whose icon is missing. */
    @Test
    void aFactoryWithoutClassOrIconIsAProblem() throws Exception {
        String xml = "<plugin><extension point=\"org.knime.workbench.repository.nodes\">"
            + "<node category-path=\"/community/vavl\" factory-class=\"org.vavl.knime.nodes.NoSuchNodeFactory\"/>"
            + "<node category-path=\"/community/vavl\" factory-class=\"" + VideoReaderNodeFactory.class.getName()
            + "\"/></extension></plugin>";
        Document plugin = parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("org.vavl.knime.nodes.NoSuchNodeFactory: no such class (plugin.xml names a factory"
            + " that is not in the bundle)"), factoryProblems(plugin));
        assertEquals("org.example.X: icon 'missing.png' not found",
            iconProblem("org.example.X", VideoReaderNodeFactory.class, "missing.png"));
        assertEquals("org.example.X: no icon attribute in its description",
            iconProblem("org.example.X", VideoReaderNodeFactory.class, ""));
        assertEquals(null, iconProblem("org.example.X", VideoReaderNodeFactory.class, "videoreader.png"));
    }

    private List<String> factoryProblems(final Document plugin) throws Exception {
        NodeList nodes = plugin.getElementsByTagName("node");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            String cls = ((Element)nodes.item(i)).getAttribute("factory-class");
            Class<?> c;
            try {
                c = Class.forName(cls, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                problems.add(cls + ": no such class (plugin.xml names a factory that is not in the bundle)");
                continue;
            }
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
            String icon = iconProblem(cls, c, root.getAttribute("icon"));
            if (icon != null) {
                problems.add(icon);
            }
            NodeFactory<?> f = (NodeFactory<?>)c.getConstructor().newInstance();
            String name = root.getElementsByTagNameNS(NS, "name").item(0).getTextContent().trim();
            if (!name.equals(f.getNodeName())) {
                problems.add(cls + ": node name '" + f.getNodeName() + "' but its description says '" + name + "'");
            }
            if (f.createNodeModel() == null) {
                problems.add(cls + " creates no model");
            }
        }
        return problems;
    }

    /** @return null when {@code icon} names a 16x16 image next to class {@code c}, else the problem */
    private static String iconProblem(final String cls, final Class<?> c, final String icon) throws IOException {
        if (icon.isEmpty()) {
            return cls + ": no icon attribute in its description";
        }
        URL url = c.getResource(icon);
        if (url == null) {
            return cls + ": icon '" + icon + "' not found";
        }
        BufferedImage img = ImageIO.read(url);
        if (img == null || img.getWidth() != 16 || img.getHeight() != 16) {
            return cls + ": icon " + icon + " is not a 16x16 image";
        }
        return null;
    }

    @Test
    void categoryHasItsIcon() throws Exception {
        NodeList cats = pluginXml().getElementsByTagName("category");
        assertTrue(cats.getLength() > 0, "plugin.xml has no category");
        for (int i = 0; i < cats.getLength(); i++) {
            String icon = ((Element)cats.item(i)).getAttribute("icon");
            assertFalse(icon.isEmpty(), "category without icon");
            assertTrue(Files.isRegularFile(Paths.get(icon)), "category icon missing: " + icon);
        }
    }
}
