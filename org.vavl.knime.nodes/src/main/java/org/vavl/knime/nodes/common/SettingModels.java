package org.vavl.knime.nodes.common;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.settings.Setting;

/**
 * KNIME's side of an engine {@link Setting}: the settings model that saves it in a node (under the setting's key,
 * with its default and bounds), the value read back from that model, and the dialog component that edits it (with
 * the setting's label and its description as tool tip). Nothing here states a default or a bound of its own.
 */
public final class SettingModels {

    private SettingModels() {
    }

    /**
     * @return a new settings model for {@code setting}: bounded integer or double (a float setting is edited as a
     *         double), boolean, or string (text, path: empty = none, choice: the constant's label)
     */
    public static SettingsModel create(final Setting<?> setting) {
        return switch (setting.kind()) {
            case INTEGER -> new SettingsModelIntegerBounded(setting.key(), (Integer)setting.defaultValue(),
                (Integer)setting.min(), (Integer)setting.max());
            case FLOAT -> new SettingsModelDoubleBounded(setting.key(), shortest(setting.defaultValue()),
                shortest(setting.min()), shortest(setting.max()));
            case DOUBLE -> new SettingsModelDoubleBounded(setting.key(), (Double)setting.defaultValue(),
                (Double)setting.min(), (Double)setting.max());
            case BOOLEAN -> new SettingsModelBoolean(setting.key(), (Boolean)setting.defaultValue());
            case TEXT -> new SettingsModelString(setting.key(), (String)setting.defaultValue());
            case PATH -> new SettingsModelString(setting.key(), "");
            case CHOICE -> new SettingsModelString(setting.key(), label(setting, setting.defaultValue()));
        };
    }

    /** @return the bounded integer model of a whole-number setting */
    public static SettingsModelIntegerBounded integer(final Setting<Integer> setting) {
        return (SettingsModelIntegerBounded)create(setting);
    }

    /** @return the bounded double model of a number setting (single or double precision) */
    public static SettingsModelDoubleBounded decimal(final Setting<? extends Number> setting) {
        return (SettingsModelDoubleBounded)create(setting);
    }

    /** @return the boolean model of an on/off setting */
    public static SettingsModelBoolean flag(final Setting<Boolean> setting) {
        return (SettingsModelBoolean)create(setting);
    }

    /** @return the string model of a text, path or choice setting */
    public static SettingsModelString string(final Setting<?> setting) {
        return (SettingsModelString)create(setting);
    }

    /** @return the float as the double with the same shortest decimal form (0.1f as 0.1, not 0.10000000149) */
    private static double shortest(final Object f) {
        return Double.parseDouble(f.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> String label(final Setting<T> setting, final Object value) {
        return setting.choiceLabel((T)value);
    }

    /**
     * @param model a model made by {@link #create(Setting)} for {@code setting} (or for a setting of the same key and
     *            kind)
     * @return the model's value as the engine's type, checked against the setting
     * @throws InvalidSettingsException naming the setting when the value is not allowed (an unknown choice, a path
     *             that is not a path)
     */
    public static <T> T value(final Setting<T> setting, final SettingsModel model) throws InvalidSettingsException {
        try {
            final Object v = switch (setting.kind()) {
                case INTEGER -> ((SettingsModelIntegerBounded)model).getIntValue();
                case FLOAT -> (float)((SettingsModelDoubleBounded)model).getDoubleValue();
                case DOUBLE -> ((SettingsModelDoubleBounded)model).getDoubleValue();
                case BOOLEAN -> ((SettingsModelBoolean)model).getBooleanValue();
                case TEXT -> ((SettingsModelString)model).getStringValue();
                case PATH -> path(((SettingsModelString)model).getStringValue());
                case CHOICE -> setting.fromChoiceLabel(((SettingsModelString)model).getStringValue());
            };
            return setting.check(setting.type().cast(v));
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private static Path path(final String text) {
        return text == null || text.isBlank() ? null : Path.of(text.trim());
    }

    /**
     * @param model a model made by {@link #create(Setting)} for {@code setting}
     * @return the dialog component editing it: a spinner, a check box, a text field or a list of the choices'
     *         labels; the description is its tool tip
     * @throws IllegalArgumentException for a path: a file chooser needs a history id and a title, which its node
     *             states
     */
    public static DialogComponent component(final Setting<?> setting, final SettingsModel model) {
        final DialogComponent c = switch (setting.kind()) {
            case INTEGER -> new DialogComponentNumber((SettingsModelNumber)model, setting.label(), 1);
            case FLOAT, DOUBLE -> new DialogComponentNumber((SettingsModelNumber)model, setting.label(), 0.01);
            case BOOLEAN -> new DialogComponentBoolean((SettingsModelBoolean)model, setting.label());
            case TEXT -> new DialogComponentString((SettingsModelString)model, setting.label());
            case CHOICE -> new DialogComponentStringSelection((SettingsModelString)model, setting.label(),
                labels(setting));
            case PATH -> throw new IllegalArgumentException(
                setting.label() + " is a path: make its file chooser with its title and history id.");
        };
        if (!setting.description().isEmpty()) {
            c.setToolTipText(setting.description());
        }
        return c;
    }

    private static <T> List<String> labels(final Setting<T> setting) {
        return setting.choices().stream().map(setting::choiceLabel).toList();
    }
}
