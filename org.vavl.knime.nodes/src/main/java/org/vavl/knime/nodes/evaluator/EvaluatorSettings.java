package org.vavl.knime.nodes.evaluator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.metrics.BootstrapSettings;
import org.vavl.knime.nodes.common.SettingModels;

/** The Evaluator's settings, created by static methods shared by the model and the dialog. */
final class EvaluatorSettings {

    static final String TASK_AUTO = "auto";

    static final String TASK_CATEGORICAL = "categorical";

    static final String TASK_DIMENSIONAL = "dimensional";

    static final String MISSING_FAIL = "fail";

    static final String MISSING_SKIP = "skip rows";

    private EvaluatorSettings() {
    }

    /** auto (from the Predictor's columns) | categorical | dimensional */
    static SettingsModelString task() {
        return new SettingsModelString("task", TASK_AUTO);
    }

    /** Truth column(s), comma separated; empty = found automatically. */
    static SettingsModelString truthColumns() {
        return new SettingsModelString("truth columns", "");
    }

    /** Prediction column(s), comma separated; empty = the AuxFormer Predictor's columns. */
    static SettingsModelString predictionColumns() {
        return new SettingsModelString("prediction columns", "");
    }

    /** fail | skip rows */
    static SettingsModelString missingValues() {
        return new SettingsModelString("missing values", MISSING_FAIL);
    }

    /** Column holding each clip's split; when the table has no such column every row is evaluated. */
    static SettingsModelString splitColumn() {
        return new SettingsModelString("split column", "Split");
    }

    /** Which split to evaluate (e.g. Test); empty = every row. */
    static SettingsModelString evaluatedSplit() {
        return new SettingsModelString("evaluated split", "Test");
    }

    /** Bootstrap on or off: the engine's {@link BootstrapSettings#BOOTSTRAP} (on by default). */
    static SettingsModelBoolean bootstrap() {
        return SettingModels.flag(BootstrapSettings.BOOTSTRAP);
    }

    /** The engine's {@link BootstrapSettings#RESAMPLES} (1,000 by default). */
    static SettingsModelIntegerBounded resamples() {
        return SettingModels.integer(BootstrapSettings.RESAMPLES);
    }

    /** The engine's {@link BootstrapSettings#SEED}. */
    static SettingsModelIntegerBounded seed() {
        return SettingModels.integer(BootstrapSettings.SEED);
    }

    /** @return the engine's bootstrap settings from the node's models */
    static BootstrapSettings bootstrap(final SettingsModelBoolean on, final SettingsModelIntegerBounded resamples,
        final SettingsModelIntegerBounded seed) throws InvalidSettingsException {
        try {
            return new BootstrapSettings(SettingModels.value(BootstrapSettings.BOOTSTRAP, on),
                SettingModels.value(BootstrapSettings.RESAMPLES, resamples),
                SettingModels.value(BootstrapSettings.SEED, seed));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** Folder for the PNG charts and report.html; absolute or relative to the workflow; empty = none. */
    static SettingsModelString reportFolder() {
        return new SettingsModelString("report folder", "knime://knime.workflow/vavl-data/evaluation-report");
    }

    /** Title of the report. */
    static SettingsModelString reportTitle() {
        return new SettingsModelString("report title", "Emotion recognition: evaluation");
    }
}
