package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.workflow.FlowVariable;

/**
 * A settings model that a flow variable can control.
 * <p>
 * Mirrors knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelFlowVariableCompatible.java
 */
public interface SettingsModelFlowVariableCompatible {

    /** @return the settings key */
    String getKey();

    /** @return the variable type that fits */
    FlowVariable.Type getFlowVariableType();
}
