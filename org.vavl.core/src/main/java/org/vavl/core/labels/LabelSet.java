package org.vavl.core.labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one label file: the labels of many clips, with the names and types of the label columns,
 * and a join against clip ids. Made by {@link LabelFiles}.
 */
public final class LabelSet {

    /** The type of a label column. */
    public enum Type {
        /** text, e.g. a class name */
        STRING,
        /** a number */
        DOUBLE
    }

    private final String m_source;

    private final LabelFormat m_format;

    private final List<String> m_columns;

    private final List<Type> m_types;

    private final List<ClipLabel> m_rows;

    private final Map<String, ClipLabel> m_byId = new HashMap<>();

    private final Map<String, ClipLabel> m_byKey = new HashMap<>();

    private final boolean m_hasSpeaker;

    private final boolean m_hasGender;

    private final boolean m_hasSplit;

    LabelSet(final String source, final LabelFormat format, final List<String> columns, final List<Type> types,
        final List<ClipLabel> rows, final boolean hasSplit, final boolean hasSpeaker, final boolean hasGender) {
        m_source = source;
        m_format = format;
        m_columns = List.copyOf(columns);
        m_types = List.copyOf(types);
        m_rows = List.copyOf(rows);
        m_hasSplit = hasSplit;
        m_hasSpeaker = hasSpeaker;
        m_hasGender = hasGender;
        final Set<String> ambiguous = new HashSet<>();
        for (ClipLabel r : m_rows) {
            m_byId.put(ClipKeys.baseName(r.id()), r);
            if (m_byKey.putIfAbsent(r.clipKey(), r) != null) {
                ambiguous.add(r.clipKey());
            }
        }
        ambiguous.forEach(m_byKey::remove);
    }

    /** @return where the rows come from (a file path or the shipped partition's name) */
    public String source() {
        return m_source;
    }

    /** @return the format the file was read in */
    public LabelFormat format() {
        return m_format;
    }

    /** @return names of the label columns, e.g. {@code Emotion, angry, ..., happy} */
    public List<String> columns() {
        return m_columns;
    }

    /** @return the type of each label column */
    public List<Type> types() {
        return m_types;
    }

    /** @return true when the rows carry a split */
    public boolean hasSplit() {
        return m_hasSplit;
    }

    /** @return true when the rows carry a speaker */
    public boolean hasSpeaker() {
        return m_hasSpeaker;
    }

    /** @return true when the rows carry a gender */
    public boolean hasGender() {
        return m_hasGender;
    }

    /** @return all rows in file order */
    public List<ClipLabel> rows() {
        return m_rows;
    }

    /** @return number of rows */
    public int size() {
        return m_rows.size();
    }

    /**
     * @return the row of a clip, or null: the row whose id equals the clip id (folders ignored), else the
     *         row whose id without extension equals the clip id without extension
     */
    public ClipLabel find(final String clipId) {
        final ClipLabel exact = m_byId.get(ClipKeys.baseName(clipId));
        return exact != null ? exact : m_byKey.get(ClipKeys.key(clipId));
    }

    /** @return the number of rows per split, in order of first appearance */
    public Map<String, Integer> splitCounts() {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        for (ClipLabel r : m_rows) {
            counts.merge(r.split() == null ? "?" : r.split(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Joins the rows to clips.
     *
     * @param clipIds the clips, in table order (repeats allowed)
     * @return per clip its row or null, the clips without a row and the rows without a clip
     */
    public Join join(final List<String> clipIds) {
        final List<ClipLabel> perClip = new ArrayList<>(clipIds.size());
        final List<String> unmatchedClips = new ArrayList<>();
        final Set<ClipLabel> used = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String id : clipIds) {
            final ClipLabel r = id == null ? null : find(id);
            perClip.add(r);
            if (r == null) {
                unmatchedClips.add(id);
            } else {
                used.add(r);
            }
        }
        final List<ClipLabel> unmatchedRows = new ArrayList<>();
        for (ClipLabel r : m_rows) {
            if (!used.contains(r)) {
                unmatchedRows.add(r);
            }
        }
        return new Join(perClip, unmatchedClips, unmatchedRows);
    }

    /** The result of {@link LabelSet#join}. */
    public static final class Join {
        private final List<ClipLabel> m_perClip;

        private final List<String> m_unmatchedClips;

        private final List<ClipLabel> m_unmatchedRows;

        Join(final List<ClipLabel> perClip, final List<String> unmatchedClips, final List<ClipLabel> unmatchedRows) {
            m_perClip = Collections.unmodifiableList(perClip);
            m_unmatchedClips = Collections.unmodifiableList(unmatchedClips);
            m_unmatchedRows = Collections.unmodifiableList(unmatchedRows);
        }

        /** @return per clip (in the order given) its row, or null */
        public List<ClipLabel> perClip() {
            return m_perClip;
        }

        /** @return the clips without a label row, in the order given */
        public List<String> unmatchedClips() {
            return m_unmatchedClips;
        }

        /** @return the label rows without a clip, in file order */
        public List<ClipLabel> unmatchedRows() {
            return m_unmatchedRows;
        }
    }
}
