package org.knime.core.node.config.base;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads and writes KNIME's XMLConfig format (schema XMLConfig_2008_09.xsd) the way KNIME's XMLConfig and
 * XMLContentHandler do: UTF-8 header line, root {@code config} with the XMLConfig namespace attributes, one element
 * per line indented by four spaces, null strings as {@code isnull="true" value=""}, characters below 32 (and
 * {@code %%}) escaped as {@code %%ddddd}.
 */
final class XmlConfigIO {

    private static final String NS = "http://www.knime.org/2008/09/XMLConfig";

    private XmlConfigIO() {
    }

    static void write(final ConfigBase config, final OutputStream os) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writeConfig(config, w, 0);
        w.flush();
        os.close();
    }

    private static void writeConfig(final ConfigBase c, final Writer w, final int depth) throws IOException {
        String indent = "    ".repeat(depth);
        w.write(indent);
        w.write("<config");
        if (depth == 0) {
            w.write(" xmlns=\"" + NS + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"" + NS + " http://www.knime.org/XMLConfig_2008_09.xsd\"");
        }
        w.write(" key=\"" + attr(c.getKey()) + "\"");
        Map<String, AbstractConfigEntry> entries = c.entries();
        if (entries.isEmpty()) {
            w.write("/>\n");
            return;
        }
        w.write(">\n");
        for (AbstractConfigEntry e : entries.values()) {
            if (e instanceof ConfigBase) {
                writeConfig((ConfigBase)e, w, depth + 1);
            } else {
                ValueEntry v = (ValueEntry)e;
                w.write(indent + "    <entry key=\"" + attr(v.getKey()) + "\" type=\"" + v.m_kind.name() + "\"");
                String value = v.value();
                if (value == null) {
                    w.write(" isnull=\"true\"");
                    value = "";
                }
                w.write(" value=\"" + attr(escape(value)) + "\"/>\n");
            }
        }
        w.write(indent + "</config>\n");
    }

    /** KNIME's %%ddddd escaping of characters XML cannot hold (own implementation of the documented rule). */
    static String escape(final String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean doubledPercent = ch == '%' && i + 1 < s.length() && s.charAt(i + 1) == '%';
            if (ch < 32 || ch > 0xd7ff || doubledPercent) {
                b.append("%%").append(String.format("%05d", (int)ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    static String unescape(final String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 6 < s.length() && s.charAt(i) == '%' && s.charAt(i + 1) == '%' && allDigits(s, i + 2, i + 7)) {
                b.append((char)Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 7;
            } else {
                b.append(s.charAt(i));
                i++;
            }
        }
        return b.toString();
    }

    private static boolean allDigits(final String s, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String attr(final String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                default:
                    b.append(ch);
            }
        }
        return b.toString();
    }

    static void read(final ConfigBase root, final InputStream in) throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser p = f.newSAXParser();
            p.parse(new InputSource(in), new Handler(root));
        } catch (SAXParseException e) {
            throw new IOException("Unable to parse xml: " + e.getMessage() + " (line " + e.getLineNumber() + ")", e);
        } catch (SAXException e) {
            throw new IOException("Unable to parse xml: " + e.getMessage(), e);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    private static final class Handler extends DefaultHandler {
        private final Deque<ConfigBase> m_stack = new ArrayDeque<>();

        private final ConfigBase m_root;

        private boolean m_first = true;

        Handler(final ConfigBase root) {
            m_root = root;
        }

        @Override
        public InputSource resolveEntity(final String publicId, final String systemId) {
            // old files reference XMLConfig.dtd: ignore any external entity
            return new InputSource(new java.io.StringReader(""));
        }

        @Override
        public void startElement(final String uri, final String localName, final String qName, final Attributes a)
            throws SAXException {
            String key = a.getValue("key");
            if ("config".equals(qName)) {
                if (key == null) {
                    throw new SAXException("<config> without key attribute");
                }
                if (m_first) {
                    m_first = false;
                    m_stack.push(m_root);
                    m_root.renameForLoad(key);
                } else {
                    m_stack.push(m_stack.peek().addConfigBase(key));
                }
            } else if ("entry".equals(qName)) {
                if (m_first || key == null) {
                    throw new SAXException("<entry> outside a config or without key");
                }
                String type = a.getValue("type");
                ValueEntry.Kind kind;
                try {
                    kind = ValueEntry.Kind.valueOf(type);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new SAXException("Invalid type ('" + type + "') for key '" + key + "' in XML file.");
                }
                String value = a.getValue("value");
                if ("true".equals(a.getValue("isnull"))) {
                    value = null;
                } else {
                    value = unescape(value == null ? "" : value);
                    String problem = ValueEntry.checkParsable(kind, value);
                    if (problem != null) {
                        throw new SAXException("Invalid value for key '" + key + "' (type " + type + "): " + problem);
                    }
                }
                m_stack.peek().addEntry(new ValueEntry(key, kind, value));
            } else {
                throw new SAXException("\"" + qName + "\" is not a valid tag name.");
            }
        }

        @Override
        public void endElement(final String uri, final String localName, final String qName) {
            if ("config".equals(qName)) {
                m_stack.pop();
            }
        }
    }
}
