package org.vavl.core.media;

import javax.sound.sampled.AudioFormat;

/** The sample format of the WAV files the {@link AudioExtractor} writes. */
public enum AudioSampleFormat {
    /** 16-bit signed PCM, little endian (the reference's format and the default). */
    PCM_16("16-bit PCM"),
    /** 32-bit IEEE float, little endian (no quantisation, values above full scale are kept). */
    FLOAT_32("32-bit float");

    private final String m_settingValue;

    AudioSampleFormat(final String settingValue) {
        m_settingValue = settingValue;
    }

    /** @return the value stored in node settings and shown to users ("16-bit PCM" / "32-bit float") */
    public String settingValue() {
        return m_settingValue;
    }

    /** @return bytes per (mono) sample */
    public int bytesPerSample() {
        return this == PCM_16 ? 2 : 4;
    }

    /** @return the {@code javax.sound.sampled} format of a mono stream at the given rate */
    public AudioFormat audioFormat(final int sampleRate) {
        if (this == PCM_16) {
            return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, sampleRate, 16, 1, 2, sampleRate, false);
        }
        return new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, sampleRate, 32, 1, 4, sampleRate, false);
    }

    /** Parses a setting value ("16-bit PCM", "32-bit float", or the enum name); names the allowed values. */
    public static AudioSampleFormat fromSetting(final String value) {
        final String v = value == null ? "" : value.trim();
        for (AudioSampleFormat f : values()) {
            if (f.m_settingValue.equalsIgnoreCase(v) || f.name().equalsIgnoreCase(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown sample format '" + value + "': use '" + PCM_16.m_settingValue
            + "' or '" + FLOAT_32.m_settingValue + "'.");
    }
}
