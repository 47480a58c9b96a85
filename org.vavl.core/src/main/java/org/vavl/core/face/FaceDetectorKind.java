package org.vavl.core.face;

import java.util.Locale;

/** The face detector of the aligner. */
public enum FaceDetectorKind {
    /**
     * OpenCV's Haar frontal-face cascade shipped inside the OpenCV jar (no download), with OpenCV's eye
     * cascade for the eyes.
     */
    HAAR("haar"),
    /**
     * OpenCV's DNN face detector {@code FaceDetectorYN} with a user-supplied YuNet ONNX model (OpenCV Zoo,
     * {@code face_detection_yunet_2023mar.onnx}); its five landmarks give the eyes and its score the
     * detection confidence.
     */
    YUNET("yunet"),
    /**
     * face-api's tiny face detector, a CNN whose weights ship in the engine (no download); its score gives the
     * detection confidence; the eyes come from OpenCV's eye cascade or the landmark network.
     */
    TINY("tiny");

    private final String m_setting;

    FaceDetectorKind(final String setting) {
        m_setting = setting;
    }

    /** @return the value stored in node settings */
    public String settingValue() {
        return m_setting;
    }

    /** Parses a setting value; names the allowed values when it is unknown. */
    public static FaceDetectorKind fromSetting(final String value) {
        final String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (FaceDetectorKind k : values()) {
            if (k.m_setting.equals(v)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown face detector '" + value + "': use 'haar', 'yunet' or 'tiny'.");
    }
}
