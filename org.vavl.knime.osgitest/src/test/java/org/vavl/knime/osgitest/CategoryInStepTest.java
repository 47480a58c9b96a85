package org.vavl.knime.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The category exists twice in the sources: category.xml (read by the Tycho build) and the p2.inf that the plain
 * Maven build puts into the feature jar. They must say the same.
 */
class CategoryInStepTest {

    @Test
    void categoryXmlAndP2InfAgree() throws Exception {
        final Path repo = BuiltSite.repoDir();
        final Element site = BuiltSite.xml(Files.readAllBytes(repo.resolve("org.vavl.knime.update/category.xml")))
            .getDocumentElement();
        final List<Element> defs = BuiltSite.elements(site, "category-def");
        assertEquals(1, defs.size(), "category-def elements in category.xml");
        final Element def = defs.get(0);
        final List<Element> features = BuiltSite.elements(site, "feature");
        assertEquals(1, features.size());
        assertEquals(def.getAttribute("name"),
            BuiltSite.elements(features.get(0), "category").get(0).getAttribute("name"));

        final Properties inf = new Properties();
        try (Reader r = Files.newBufferedReader(repo.resolve("org.vavl.knime.feature/p2-category/p2.inf"),
            StandardCharsets.UTF_8)) {
            inf.load(r);
        }
        assertEquals(def.getAttribute("label"), p2Property(inf, "org.eclipse.equinox.p2.name"), "category label");
        assertEquals(BuiltSite.elements(def, "description").get(0).getTextContent().trim(),
            p2Property(inf, "org.eclipse.equinox.p2.description"), "category description");
        assertEquals("true", p2Property(inf, "org.eclipse.equinox.p2.type.category"));
        assertEquals(features.get(0).getAttribute("id") + ".feature.group", inf.getProperty("units.0.requires.0.name"),
            "the feature in the category");
        assertEquals("org.vavl.knime.category." + def.getAttribute("name"), inf.getProperty("units.0.id"));
    }

    private static String p2Property(final Properties inf, final String name) {
        for (int i = 0; inf.getProperty("units.0.properties." + i + ".name") != null; i++) {
            if (name.equals(inf.getProperty("units.0.properties." + i + ".name"))) {
                return inf.getProperty("units.0.properties." + i + ".value");
            }
        }
        return null;
    }
}
