package org.knime.core.node.defaultnodesettings;

/**
 * Base of numeric settings models.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelNumber.java
 */
public abstract class SettingsModelNumber extends SettingsModel {

    SettingsModelNumber() {
    }

    /** Sets the value parsed from a string (used by the number dialog component). */
    abstract void setNumberValueStr(String newValueStr);

    /** @return the value as string */
    abstract String getNumberValueStr();
}
