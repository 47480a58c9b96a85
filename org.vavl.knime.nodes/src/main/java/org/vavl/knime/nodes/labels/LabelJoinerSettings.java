package org.vavl.knime.nodes.labels;

import java.util.List;

import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.labels.LabelFiles;
import org.vavl.core.labels.LabelFormat;
import org.vavl.core.labels.MspOptions;
import org.vavl.core.labels.SpeakerSplitSettings;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.RecordModels;

/** The Emotion Label Joiner's settings, created by static methods shared by the model and the dialog. */
final class LabelJoinerSettings {

    static final String SOURCE_SHIPPED = "shipped partition";

    static final String SOURCE_FILE = "label file";

    static final List<String> SOURCES = List.of(SOURCE_SHIPPED, SOURCE_FILE);

    static final List<String> CORPORA = List.of(LabelFormat.CREMA_D.settingValue(),
        LabelFormat.MSP_IMPROV.settingValue());

    static final List<String> FORMATS = List.of(LabelFormat.CREMA_D.settingValue(),
        LabelFormat.MSP_IMPROV.settingValue(), LabelFormat.GENERIC.settingValue());

    private LabelJoinerSettings() {
    }

    /** The clip table's column with the clip ids (default {@code Clip}); folders and extensions are ignored. */
    static SettingsModelString clipColumn() {
        return CommonSettings.clipIdColumn();
    }

    /** "shipped partition" (default) or "label file". */
    static SettingsModelString source() {
        return new SettingsModelString("label source", SOURCE_SHIPPED);
    }

    /** The corpus of a shipped partition: CREMA-D (default) or MSP-IMPROV. */
    static SettingsModelString corpus() {
        return new SettingsModelString("corpus", LabelFormat.CREMA_D.settingValue());
    }

    /** The shipped partition, 1..5. */
    static SettingsModelIntegerBounded partition() {
        return new SettingsModelIntegerBounded("partition", 1, 1, LabelFiles.PARTITIONS);
    }

    /** The label file, absolute or relative to the workflow. */
    static SettingsModelString labelFile() {
        return new SettingsModelString("label file", "");
    }

    /** The label file's format: CREMA-D (default), MSP-IMPROV or generic. */
    static SettingsModelString fileFormat() {
        return new SettingsModelString("file format", LabelFormat.CREMA_D.settingValue());
    }

    /** Generic format: the id column. */
    static SettingsModelString idColumn() {
        return new SettingsModelString("id column", "FileName");
    }

    /** Generic format: the label column(s), comma separated. */
    static SettingsModelString labelColumns() {
        return new SettingsModelString("label columns", "Emotion");
    }

    /** Generic format: the split column; empty = none. */
    static SettingsModelString splitColumn() {
        return new SettingsModelString("split column", "Split_Set");
    }

    /** Generic format: the speaker column; empty = none. */
    static SettingsModelString speakerColumn() {
        return new SettingsModelString("speaker column", "");
    }

    /** Generic format: the gender column; empty = none. */
    static SettingsModelString genderColumn() {
        return new SettingsModelString("gender column", "");
    }

    /** MSP-IMPROV: the engine's {@link MspOptions} (flip arousal, scale to 0..1; the reference's by default). */
    static RecordModels<MspOptions> msp() {
        return RecordModels.of(MspOptions.SETTINGS);
    }

    /** Leave out the clips that have no label row (default off: they keep missing labels). */
    static SettingsModelBoolean dropUnlabelled() {
        return new SettingsModelBoolean("drop unlabelled clips", false);
    }

    /** Speaker-independent splits (added in 1.1): the engine's {@link SpeakerSplitSettings}, off by default. */
    static RecordModels<SpeakerSplitSettings> speakerSplits() {
        return RecordModels.of(SpeakerSplitSettings.SETTINGS);
    }
}
