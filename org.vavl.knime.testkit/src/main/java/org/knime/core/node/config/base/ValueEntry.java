package org.knime.core.node.config.base;

import java.util.Objects;

/** A typed leaf entry; the type names are the XML {@code type} attribute values of XMLConfig_2008_09.xsd. */
final class ValueEntry extends AbstractConfigEntry {

    /** Entry types as KNIME writes them (real: org.knime.core.node.config.base.ConfigEntries). */
    enum Kind {
        xstring, xint, xlong, xdouble, xfloat, xboolean, xbyte, xchar, xshort
    }

    final Kind m_kind;

    /** String form as stored in XML (null only for a null string). */
    private final String m_value;

    ValueEntry(final String key, final Kind kind, final String value) {
        super(key);
        m_kind = kind;
        m_value = value;
    }

    @Override
    public String toStringValue() {
        return m_value;
    }

    String value() {
        return m_value;
    }

    @Override
    boolean sameAs(final AbstractConfigEntry other) {
        return other instanceof ValueEntry && ((ValueEntry)other).m_kind == m_kind
            && Objects.equals(((ValueEntry)other).m_value, m_value);
    }

    @Override
    int hash() {
        return Objects.hash(m_kind, m_value);
    }

    /** Checks that a string read from XML parses as the given kind; returns a message when it does not. */
    static String checkParsable(final Kind kind, final String value) {
        try {
            switch (kind) {
                case xint:
                    Integer.parseInt(value);
                    break;
                case xlong:
                    Long.parseLong(value);
                    break;
                case xdouble:
                    Double.parseDouble(value);
                    break;
                case xfloat:
                    Float.parseFloat(value);
                    break;
                case xshort:
                    Short.parseShort(value);
                    break;
                case xbyte:
                    Byte.parseByte(value);
                    break;
                case xchar:
                    if (value == null || value.length() != 1) {
                        return "a char entry must hold exactly one character";
                    }
                    break;
                case xboolean:
                    if (!"true".equals(value) && !"false".equals(value)) {
                        return "a boolean entry must be true or false";
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException | NullPointerException e) {
            return "'" + value + "' is not a valid " + kind.name().substring(1);
        }
        return null;
    }
}
