package org.vavl.knime.nodes.demo;

import java.util.List;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.ClassicNodeFactory;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.core.demo.DemoSettings;
import org.vavl.core.settings.Setting;

/** Factory of the Demo Dataset node (description in DemoDatasetNodeFactory.xml). */
public final class DemoDatasetNodeFactory extends ClassicNodeFactory<DemoDatasetNodeModel> {

    @Override
    public DemoDatasetNodeModel createNodeModel() {
        return new DemoDatasetNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    protected NodeDialogPane createDialog() {
        final DefaultNodeSettingsPane p = new DefaultNodeSettingsPane();
        p.addDialogComponent(new DialogComponentString(DemoDatasetNodeModel.folder(),
            "Folder (absolute or relative to the workflow)", true, 30));
        for (Setting<?> setting : List.of(DemoSettings.SPEAKERS, DemoSettings.CLIPS_PER_EMOTION, DemoSettings.SEED,
            DemoSettings.FORMAT)) {
            p.addDialogComponent(SettingModels.component(setting, SettingModels.create(setting)));
        }
        p.addDialogComponent(new DialogComponentNumber(CommonSettings.threads(), "Threads (0 = one per processor)", 1));
        return p;
    }
}
