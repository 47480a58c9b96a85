package org.vavl.core.face;

import java.util.Locale;

/** What the face aligner does with a frame in which no face is found (and none could be tracked). */
public enum MissingFacePolicy {
    /** Leave the frame out of the face track: the track is shorter than the clip. */
    SKIP_FRAME("skip frame"),
    /**
     * Write the last aligned face again (frames before the first face get the first face), so the face
     * track has one frame per processed frame of the clip.
     */
    REPEAT_LAST("repeat last face"),
    /** Refuse the whole clip with an error that names the clip and the first frame without a face. */
    REJECT_CLIP("reject clip");

    private final String m_setting;

    MissingFacePolicy(final String setting) {
        m_setting = setting;
    }

    /** @return the value stored in node settings */
    public String settingValue() {
        return m_setting;
    }

    /** Parses a setting value; names the allowed values when it is unknown. */
    public static MissingFacePolicy fromSetting(final String value) {
        final String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (MissingFacePolicy p : values()) {
            if (p.m_setting.equals(v) || p.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown 'missing face' setting '" + value
            + "': use 'skip frame', 'repeat last face' or 'reject clip'.");
    }
}
