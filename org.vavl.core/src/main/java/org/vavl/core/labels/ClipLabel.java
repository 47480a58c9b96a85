package org.vavl.core.labels;

import java.util.Arrays;

/**
 * The labels of one clip as one row of a label file gives them: the id as written there, the values of
 * the label set's columns ({@link LabelSet#columns()}: a {@code String} or a {@code Double} each, null when
 * empty), the split ({@code Train}, {@code Development}, {@code Test}, or the file's own word), the
 * speaker and the gender (null when the file has none).
 */
public final class ClipLabel {

    private final String m_id;

    private final int m_line;

    private final Object[] m_values;

    private final String m_split;

    private final String m_speaker;

    private final String m_gender;

    ClipLabel(final String id, final int line, final Object[] values, final String split, final String speaker,
        final String gender) {
        m_id = id;
        m_line = line;
        m_values = values;
        m_split = split;
        m_speaker = speaker;
        m_gender = gender;
    }

    /** @return the id as written in the label file (e.g. {@code 1026_IEO_ANG_HI.wav}) */
    public String id() {
        return m_id;
    }

    /** @return the clip id it matches: {@link ClipKeys#key(String)} of {@link #id()} */
    public String clipKey() {
        return ClipKeys.key(m_id);
    }

    /** @return the line of the label file (1 = header) */
    public int line() {
        return m_line;
    }

    /** @return the value of the label set's column {@code i}: a String, a Double or null */
    public Object value(final int i) {
        return m_values[i];
    }

    /** @return the values, in the label set's column order (a copy) */
    public Object[] values() {
        return m_values.clone();
    }

    /** @return the split, or null when the file has no split column */
    public String split() {
        return m_split;
    }

    /** @return the speaker, or null */
    public String speaker() {
        return m_speaker;
    }

    /** @return the gender, or null */
    public String gender() {
        return m_gender;
    }

    @Override
    public String toString() {
        return m_id + " " + Arrays.toString(m_values) + " " + m_split;
    }
}
