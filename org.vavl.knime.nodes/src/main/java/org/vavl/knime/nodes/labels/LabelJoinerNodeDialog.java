package org.vavl.knime.nodes.labels;

import static org.vavl.core.labels.SpeakerSplitSettings.ASSIGN;
import static org.vavl.core.labels.SpeakerSplitSettings.DEVELOPMENT_SHARE;
import static org.vavl.core.labels.SpeakerSplitSettings.SEED;
import static org.vavl.core.labels.SpeakerSplitSettings.TRAIN_SHARE;

import java.util.List;

import javax.swing.JFileChooser;

import org.knime.core.data.StringValue;

import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

import org.vavl.core.labels.LabelFormat;
import org.vavl.core.labels.MspOptions;
import org.vavl.core.labels.SpeakerSplitSettings;
import org.vavl.core.settings.Setting;
import org.vavl.knime.nodes.common.EnablingSettingsPane;
import org.vavl.knime.nodes.common.RecordModels;
import org.vavl.knime.nodes.common.SettingModels;

/**
 * The Emotion Label Joiner's dialog: tabs Options, Generic file: columns and Speaker-independent splits; fields
 * enable themselves for the chosen source and format, also when the dialog opens.
 */
final class LabelJoinerNodeDialog extends EnablingSettingsPane {

    private final SettingsModelString m_source = LabelJoinerSettings.source();

    private final SettingsModelString m_corpus = LabelJoinerSettings.corpus();

    private final SettingsModelIntegerBounded m_partition = LabelJoinerSettings.partition();

    private final SettingsModelString m_file = LabelJoinerSettings.labelFile();

    private final SettingsModelString m_format = LabelJoinerSettings.fileFormat();

    private final SettingsModelString m_id = LabelJoinerSettings.idColumn();

    private final SettingsModelString m_labels = LabelJoinerSettings.labelColumns();

    private final SettingsModelString m_split = LabelJoinerSettings.splitColumn();

    private final SettingsModelString m_speaker = LabelJoinerSettings.speakerColumn();

    private final SettingsModelString m_gender = LabelJoinerSettings.genderColumn();

    private final RecordModels<MspOptions> m_msp = LabelJoinerSettings.msp();

    private final RecordModels<SpeakerSplitSettings> m_splits = LabelJoinerSettings.speakerSplits();

    @SuppressWarnings("unchecked")
    LabelJoinerNodeDialog() {
        createNewGroup("Clips");
        addDialogComponent(new DialogComponentColumnNameSelection(LabelJoinerSettings.clipColumn(),
            "Clip id column", 0, StringValue.class));
        addDialogComponent(new DialogComponentBoolean(LabelJoinerSettings.dropUnlabelled(),
            "Drop clips without labels"));
        closeCurrentGroup();
        createNewGroup("Labels and splits");
        final String[] sources = LabelJoinerSettings.SOURCES.toArray(String[]::new);
        addDialogComponent(new DialogComponentButtonGroup(m_source, "Source", false, sources, sources));
        addDialogComponent(new DialogComponentStringSelection(m_corpus, "Corpus", LabelJoinerSettings.CORPORA));
        addDialogComponent(new DialogComponentNumber(m_partition, "Partition", 1));
        final DialogComponentFileChooser file = new DialogComponentFileChooser(m_file, "vavl-label-file",
            JFileChooser.OPEN_DIALOG, ".csv", ".txt", ".tsv");
        file.setBorderTitle("Label file (.csv, .txt or .tsv, for a label file source)");
        addDialogComponent(file);
        addDialogComponent(new DialogComponentStringSelection(m_format, "File format", LabelJoinerSettings.FORMATS));
        closeCurrentGroup();
        createNewGroup("MSP-IMPROV attributes");
        for (Setting<?> m : MspOptions.SETTINGS.settings()) {
            addDialogComponent(SettingModels.component(m, m_msp.model(m)));
        }
        closeCurrentGroup();
        createNewTab("Generic file: columns");
        addDialogComponent(new DialogComponentString(m_id, "Id column", false, 20));
        addDialogComponent(new DialogComponentString(m_labels, "Label column(s), comma separated", false, 30));
        addDialogComponent(new DialogComponentString(m_split, "Split column (empty: none)", false, 20));
        addDialogComponent(new DialogComponentString(m_speaker, "Speaker column (empty: none)", false, 20));
        addDialogComponent(new DialogComponentString(m_gender, "Gender column (empty: none)", false, 20));
        createNewTab("Speaker-independent splits");
        addDialogComponent(SettingModels.component(ASSIGN, m_splits.model(ASSIGN)));
        number(TRAIN_SHARE, 0.05);
        number(DEVELOPMENT_SHARE, 0.05);
        number(SEED, 1);
        m_splits.model(ASSIGN).addChangeListener(e -> updateEnabled());
        m_source.addChangeListener(e -> updateEnabled());
        m_corpus.addChangeListener(e -> updateEnabled());
        m_format.addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    private void number(final Setting<?> setting, final double step) {
        addDialogComponent(new DialogComponentNumber((SettingsModelNumber)m_splits.model(setting), setting.label(),
            step));
    }

    @Override
    protected void updateEnabled() {
        final boolean shipped = LabelJoinerSettings.SOURCE_SHIPPED.equals(m_source.getStringValue());
        final String format = shipped ? m_corpus.getStringValue() : m_format.getStringValue();
        final boolean generic = !shipped && LabelFormat.GENERIC.settingValue().equals(format);
        final boolean msp = LabelFormat.MSP_IMPROV.settingValue().equals(format);
        m_corpus.setEnabled(shipped);
        m_partition.setEnabled(shipped);
        m_file.setEnabled(!shipped);
        m_format.setEnabled(!shipped);
        for (SettingsModelString s : new SettingsModelString[] {m_id, m_labels, m_split, m_speaker, m_gender}) {
            s.setEnabled(generic);
        }
        m_msp.models().forEach(m -> m.setEnabled(msp));
        final boolean assign = ((SettingsModelBoolean)m_splits.model(ASSIGN)).getBooleanValue();
        for (Setting<?> m : List.of(TRAIN_SHARE, DEVELOPMENT_SHARE, SEED)) {
            m_splits.model(m).setEnabled(assign);
        }
    }
}
