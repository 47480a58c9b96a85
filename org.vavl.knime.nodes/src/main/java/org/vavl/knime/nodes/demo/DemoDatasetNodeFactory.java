package org.vavl.knime.nodes.demo;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vavl.knime.nodes.common.ClassicNodeFactory;
import org.vavl.knime.nodes.common.CommonSettings;

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
        p.addDialogComponent(new DialogComponentNumber(DemoDatasetNodeModel.speakers(), "Speakers", 1));
        p.addDialogComponent(new DialogComponentNumber(DemoDatasetNodeModel.clipsPerEmotion(), "Clips per emotion and speaker", 1));
        p.addDialogComponent(new DialogComponentNumber(DemoDatasetNodeModel.seed(), "Seed", 1));
        p.addDialogComponent(new DialogComponentStringSelection(DemoDatasetNodeModel.format(), "Format",
            DemoDatasetNodeModel.FORMAT_MP4, DemoDatasetNodeModel.FORMAT_FLV));
        p.addDialogComponent(new DialogComponentNumber(CommonSettings.threads(), "Threads (0 = one per processor)", 1));
        return p;
    }
}
