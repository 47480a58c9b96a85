package org.vavl.knime.nodes.labels;

import java.util.List;

import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.labels.LabelFiles;
import org.vavl.core.labels.LabelFormat;
import org.vavl.knime.nodes.common.CommonSettings;

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

    /** MSP-IMPROV: arousal = 6 - EmoAct (the reference's choice; default on). */
    static SettingsModelBoolean flipArousal() {
        return new SettingsModelBoolean("flip arousal", true);
    }

    /** MSP-IMPROV: scale 1..5 to 0..1 by (x - 1) / 4 (the reference's choice; default on). */
    static SettingsModelBoolean scaleToUnit() {
        return new SettingsModelBoolean("scale to 0..1", true);
    }

    /** Leave out the clips that have no label row (default off: they keep missing labels). */
    static SettingsModelBoolean dropUnlabelled() {
        return new SettingsModelBoolean("drop unlabelled clips", false);
    }

    /** Assign speaker-independent Train / Development / Test splits (replacing the file's own); default off. */
    static SettingsModelBoolean speakerSplits() {
        return new SettingsModelBoolean(KEY_SPEAKER_SPLITS, false);
    }

    static final String KEY_SPEAKER_SPLITS = "speaker-independent splits";

    /** Share of clips for Train when splits are assigned by speaker. */
    static SettingsModelDoubleBounded trainShare() {
        return new SettingsModelDoubleBounded(KEY_TRAIN_SHARE, 0.7, 0.05, 0.95);
    }

    static final String KEY_TRAIN_SHARE = "train share";

    /** Share of clips for Development when splits are assigned by speaker; Test gets the rest. */
    static SettingsModelDoubleBounded developmentShare() {
        return new SettingsModelDoubleBounded(KEY_DEVELOPMENT_SHARE, 0.15, 0, 0.9);
    }

    static final String KEY_DEVELOPMENT_SHARE = "development share";

    /** Seed of the speakers' shuffle: the same seed gives the same splits. */
    static SettingsModelIntegerBounded splitSeed() {
        return new SettingsModelIntegerBounded(KEY_SPLIT_SEED, 1, 0, Integer.MAX_VALUE);
    }

    static final String KEY_SPLIT_SEED = "split seed";
}
