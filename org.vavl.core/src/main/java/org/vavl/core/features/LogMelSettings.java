package org.vavl.core.features;

import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * The built-in log-mel filterbank's settings ({@link LogMelEncoder}), each stated once (the Audio Encoder node's
 * settings models and dialog are derived from the same objects). The rules joining them (the hop within the window,
 * the mel filters within the FFT's bins) are checked by {@link LogMelEncoder}.
 *
 * @param mels number of mel filters
 * @param windowMs window length in milliseconds
 * @param hopMs hop in milliseconds
 * @param logFloor energies below it are raised to it before the log
 */
public record LogMelSettings(int mels, double windowMs, double hopMs, double logFloor) {

    /** Number of mel filters (80, as the reference's filterbank features). */
    public static final Setting<Integer> MELS = Setting.integer("mels", 80, 1, 256).withKey("mel filters")
        .withLabel("Mel filters");

    /** Window length in ms. */
    public static final Setting<Double> WINDOW_MS = Setting.decimal("windowMs", 25, 1, 200).withKey("window (ms)")
        .withLabel("Window (ms)");

    /** Hop in ms. */
    public static final Setting<Double> HOP_MS = Setting.decimal("hopMs", 10, 1, 200).withKey("hop (ms)")
        .withLabel("Hop (ms)");

    /** Floor of the energies before the log. */
    public static final Setting<Double> LOG_FLOOR = Setting.decimal("logFloor", 1e-6, 1e-20, 1).withKey("log floor")
        .withLabel("Log floor");

    /** All settings, in the record's order. */
    public static final RecordSettings<LogMelSettings> SETTINGS =
        RecordSettings.of(LogMelSettings.class, MELS, WINDOW_MS, HOP_MS, LOG_FLOOR);

    /** @return 80 mels, 25 ms window, 10 ms hop, floor 1e-6 */
    public static LogMelSettings defaults() {
        return SETTINGS.defaults();
    }
}
