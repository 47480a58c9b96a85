package org.vavl.core.face;

import java.util.Locale;

/**
 * How a face track (one video file per clip, one aligned face per frame) is stored. Both are intra-only
 * codecs: every face is coded on its own, so no face borrows detail from its neighbours and any frame can
 * be read alone.
 */
public enum FaceTrackFormat {
    /**
     * Motion JPEG at the highest quality (q=2) with JPEG's usual 4:2:0 colour (chroma at half the face's width and
     * height, which holds all the chroma a 4:2:0 camera or phone video has of faces up to about 180 px) in an AVI
     * file: about 10 KB per 224x224 face, PSNR above 40 dB, fast to write and read, plays in VLC, mpv, ffplay and
     * most players.
     */
    MJPEG_AVI("mjpeg", "avi", "avi", true),
    /** FFV1 lossless (RGB, bit exact, full-resolution colour) in a Matroska file: about 4x larger, for archiving exact crops. */
    FFV1_MKV("ffv1", "mkv", "matroska", false);

    private final String m_setting;

    private final String m_extension;

    private final String m_container;

    private final boolean m_subsampledChroma;

    FaceTrackFormat(final String setting, final String extension, final String container,
        final boolean subsampledChroma) {
        m_setting = setting;
        m_extension = extension;
        m_container = container;
        m_subsampledChroma = subsampledChroma;
    }

    /** @return true when the faces' chroma is stored at half their width and height (4:2:0) */
    public boolean subsampledChroma() {
        return m_subsampledChroma;
    }

    /** @return the value stored in node settings ("mjpeg" / "ffv1") */
    public String settingValue() {
        return m_setting;
    }

    /** @return the file extension of the face track without the dot */
    public String extension() {
        return m_extension;
    }

    /** @return the FFmpeg muxer name */
    public String container() {
        return m_container;
    }

    /** Parses a setting value; names the allowed values when it is unknown. */
    public static FaceTrackFormat fromSetting(final String value) {
        final String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (FaceTrackFormat f : values()) {
            if (f.m_setting.equals(v) || f.name().toLowerCase(Locale.ROOT).equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown face track format '" + value + "': use 'mjpeg' or 'ffv1'.");
    }
}
