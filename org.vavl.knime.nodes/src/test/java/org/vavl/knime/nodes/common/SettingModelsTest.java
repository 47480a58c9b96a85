package org.vavl.knime.nodes.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.model.Architecture;
import org.vavl.core.model.AuxFormerConfig;
import org.vavl.core.settings.Setting;

/** The node side of an engine setting: key, default and bounds come from the setting, values go back unchanged. */
class SettingModelsTest {

    @Test
    void everyAuxFormerSettingSavesAndLoadsItsDefault() throws InvalidSettingsException {
        final NodeSettings saved = new NodeSettings("model");
        for (Setting<?> s : AuxFormerConfig.SETTINGS.settings()) {
            SettingModels.create(s).saveSettingsTo(saved);
        }
        for (Setting<?> s : AuxFormerConfig.SETTINGS.settings()) {
            final SettingsModel m = SettingModels.create(s);
            m.loadSettingsFrom(saved);
            assertEquals(s.defaultValue(), SettingModels.value(s, m), s.key());
        }
        assertEquals("VAVL (2023)", saved.getString("architecture"));
        assertEquals(8, saved.getInt("attention heads"));
        assertEquals(0.1, saved.getDouble("dropout"));
    }

    @Test
    void boundsAndChoicesComeFromTheSetting() throws InvalidSettingsException {
        final SettingsModelIntegerBounded heads = SettingModels.integer(AuxFormerConfig.HEADS);
        assertEquals(1, heads.getLowerBound());
        assertEquals(1024, heads.getUpperBound());
        final SettingsModelDoubleBounded dropout = SettingModels.decimal(AuxFormerConfig.HEAD_DROPOUT);
        assertEquals(0.99f, (float)dropout.getUpperBound());
        final SettingsModelString arch = SettingModels.string(AuxFormerConfig.ARCHITECTURE);
        arch.setStringValue("AuxFormer (2022)");
        assertEquals(Architecture.AUXFORMER_2022, SettingModels.value(AuxFormerConfig.ARCHITECTURE, arch));
        arch.setStringValue("Transformer");
        assertEquals("Architecture: 'Transformer' is not one of [VAVL (2023), AuxFormer (2022)].",
            assertThrows(InvalidSettingsException.class, () -> SettingModels.value(AuxFormerConfig.ARCHITECTURE, arch))
                .getMessage());
    }
}
