package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * An int setting within [min, max]; values outside fail with "Value (=v) must be within the range [min...max].".
 * <p>
 * Mirrors knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelIntegerBounded.java
 */
public class SettingsModelIntegerBounded extends SettingsModelInteger {

    private final int m_minValue;

    private final int m_maxValue;

    /** @param configName key @param defaultValue initial value @param minValue lower bound @param maxValue upper */
    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
        final int maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Specified min value must be smaller than the max value.");
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
        checkBounds(defaultValue);
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelIntegerBounded createClone() {
        return new SettingsModelIntegerBounded(getConfigName(), getIntValue(), m_minValue, m_maxValue);
    }

    /** @return the lower bound */
    public int getLowerBound() {
        return m_minValue;
    }

    /** @return the upper bound */
    public int getUpperBound() {
        return m_maxValue;
    }

    private void checkBounds(final int val) {
        if (val < m_minValue || val > m_maxValue) {
            throw new IllegalArgumentException(
                "Value (=" + val + ") must be within the range [" + m_minValue + "..." + m_maxValue + "].");
        }
    }

    @Override
    protected void validateValue(final int value) throws InvalidSettingsException {
        super.validateValue(value);
        try {
            checkBounds(value);
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    public void setIntValue(final int newValue) {
        checkBounds(newValue);
        super.setIntValue(newValue);
    }
}
