package org.vavl.knime.nodes.common;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;

/**
 * Settings every VAVL node that works clip by clip shares, with the same keys, defaults and allowed values
 * everywhere. Each method creates a new settings model (one for the node model, one for the dialog).
 * <p>
 * Settings keys are what users see in flow-variable dialogs and in {@code -option=} of KNIME's batch executor: every
 * node uses lower-case words with spaces ("clip id column", "batch size", "on error"), the same key for the same
 * meaning, and output folders under {@code vavl-data/} by default.
 */
public final class CommonSettings {

    /** Allowed values of "on error". */
    public static final List<String> ON_ERROR_VALUES = List.of(OnError.FAIL.settingValue(), OnError.SKIP.settingValue());

    /** Allowed values of "overwrite". */
    public static final List<String> OVERWRITE_VALUES =
        Arrays.stream(Overwrite.values()).map(Overwrite::settingValue).toList();

    /** Allowed values of "device". */
    public static final List<String> DEVICE_VALUES = List.of("auto", "cpu", "gpu");

    private CommonSettings() {
    }

    /**
     * Worker threads; 0 (the default) = one per processor of the machine that executes the node, so that a
     * saved workflow uses a bigger machine fully (see {@link #threads(SettingsModelIntegerBounded)}).
     */
    public static SettingsModelIntegerBounded threads() {
        return new SettingsModelIntegerBounded("threads", 0, 0, 256);
    }

    /** @return the number of threads a threads setting asks for: its value, or the processors for 0 */
    public static int threads(final SettingsModelIntegerBounded model) {
        final int v = model.getIntValue();
        return v > 0 ? v : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** "fail" (default) or "skip". */
    public static SettingsModelString onError() {
        return new SettingsModelString("on error", OnError.FAIL.settingValue());
    }

    /** "never", "if changed" (default) or "always". */
    public static SettingsModelString overwrite() {
        return new SettingsModelString("overwrite", Overwrite.IF_CHANGED.settingValue());
    }

    /** "auto" (default), "cpu" or "gpu". */
    public static SettingsModelString device() {
        return new SettingsModelString("device", "auto");
    }

    /** The column with the clip id (names the per-clip files), default {@code Clip}. */
    public static SettingsModelString clipIdColumn() {
        return new SettingsModelString("clip id column", "Clip");
    }

    /** The column with each clip's video path, default {@code Path} (the Video Reader's column). */
    public static SettingsModelString pathColumn() {
        return new SettingsModelString("path column", "Path");
    }

    /** An output folder, absolute or relative to the workflow folder. */
    public static SettingsModelString outputFolder(final String defaultFolder) {
        return new SettingsModelString("output folder", defaultFolder);
    }

    /**
     * @return a setting's value read by {@code fromSetting}, whose IllegalArgumentException (naming the allowed values)
     *         becomes an InvalidSettingsException with the same message
     */
    public static <T> T parse(final SettingsModelString model, final Function<String, T> fromSetting)
        throws InvalidSettingsException {
        try {
            return fromSetting.apply(model.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** @return the on-error policy of a setting, or an error naming the setting and the allowed values */
    public static OnError onError(final SettingsModelString model) throws InvalidSettingsException {
        return parse(model, OnError::fromSetting);
    }

    /** @return the overwrite policy of a setting, or an error naming the setting and the allowed values */
    public static Overwrite overwrite(final SettingsModelString model) throws InvalidSettingsException {
        return parse(model, Overwrite::fromSetting);
    }

    /** @return the device setting checked against the allowed values */
    public static String device(final SettingsModelString model) throws InvalidSettingsException {
        final String v = model.getStringValue();
        if (!DEVICE_VALUES.contains(v)) {
            throw new InvalidSettingsException("Unknown device setting '" + v + "': use auto, cpu or gpu.");
        }
        return v;
    }
}
