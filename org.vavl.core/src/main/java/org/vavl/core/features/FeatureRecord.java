package org.vavl.core.features;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

import org.vavl.core.util.ClipOutputStore;

/**
 * What a feature file ({@code <clip>.npy}) records about the encoder that made it: the settings record that the
 * Audio and Face Encoders write beside it ({@code <clip>.npy.settings}, see {@link ClipOutputStore}). Features made
 * elsewhere (the reference's scripts) have no record: then the encoder and the frame rate are unknown.
 *
 * @param encoder the encoder's name ({@code built-in log-mel v1}, {@code audio model (wav2vec2.pt)}, ...), or
 *            {@code null} when the file has no record
 * @param framesPerSecond feature frames per second of audio, {@code NaN} when the record does not say (face
 *            encoders: one frame per video frame, so the video's frame rate)
 * @param settings the whole record, empty when there is none
 */
public record FeatureRecord(String encoder, double framesPerSecond, Map<String, String> settings) {

    /** Key of the frame rate in the record of encoders that know it (model audio encoders). */
    public static final String FRAMES_PER_SECOND = "frames per second";

    /** Key of the log-mel hop in milliseconds (the built-in log-mel: 10 ms, 100 frames per second). */
    static final String HOP_MS = "hop ms";

    /** The record of a file without one. */
    public static final FeatureRecord NONE = new FeatureRecord(null, Double.NaN, Map.of());

    /**
     * @param featureFile a {@code .npy} feature file
     * @return its record, {@link #NONE} when there is none or it cannot be read
     */
    public static FeatureRecord of(final Path featureFile) {
        if (featureFile == null) {
            return NONE;
        }
        final Path record = featureFile.resolveSibling(featureFile.getFileName() + ClipOutputStore.SETTINGS_SUFFIX);
        if (!Files.isRegularFile(record)) {
            return NONE;
        }
        final Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return NONE;
        }
        final Map<String, String> s = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> s.put(k, p.getProperty(k)));
        return of(s);
    }

    /** @return the record of these settings (as an encoder's {@link ClipEncoder#settings()}) */
    public static FeatureRecord of(final Map<String, String> settings) {
        String encoder = settings.get("encoder");
        if (encoder != null && settings.containsKey("model file")) {
            encoder += " (" + settings.get("model file") + ")";
        }
        double rate = parse(settings.get(FRAMES_PER_SECOND));
        final double hop = parse(settings.get(HOP_MS));
        if (Double.isNaN(rate) && hop > 0) {
            rate = 1000.0 / hop;
        }
        return new FeatureRecord(encoder, rate, Map.copyOf(settings));
    }

    private static double parse(final String v) {
        if (v == null) {
            return Double.NaN;
        }
        try {
            final double d = Double.parseDouble(v.trim());
            return Double.isFinite(d) && d > 0 ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** @return true when the record says how many frames a second of audio gives */
    public boolean knowsRate() {
        return !Double.isNaN(framesPerSecond);
    }

    /** @return the frame rate, when known */
    public OptionalDouble rate() {
        return knowsRate() ? OptionalDouble.of(framesPerSecond) : OptionalDouble.empty();
    }

    /**
     * @param dim the features' values per frame
     * @return e.g. "built-in log-mel v1, 80 values per frame, 100 frames/s", or "80 values per frame (encoder not
     *         recorded)" for features made elsewhere
     */
    public String describe(final int dim) {
        final StringBuilder b = new StringBuilder();
        b.append(encoder == null ? "encoder not recorded" : encoder).append(", ").append(dim)
            .append(" values per frame");
        if (knowsRate()) {
            b.append(", ").append(rateText(framesPerSecond)).append(" frames/s");
        }
        return b.toString();
    }

    /** @return 100 as "100", 62.5 as "62.5", 33.333 as "33.33" */
    public static String rateText(final double rate) {
        if (rate == Math.rint(rate) && Math.abs(rate) < 1e9) {
            return Long.toString((long)rate);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", rate)).stripTrailingZeros().toPlainString();
    }
}
