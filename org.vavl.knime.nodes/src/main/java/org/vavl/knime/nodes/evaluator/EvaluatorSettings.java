package org.vavl.knime.nodes.evaluator;

import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

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

    static SettingsModelBoolean bootstrap() {
        return new SettingsModelBoolean("bootstrap", true);
    }

    static SettingsModelIntegerBounded resamples() {
        return new SettingsModelIntegerBounded("resamples", 1000, 10, 1_000_000);
    }

    static SettingsModelIntegerBounded seed() {
        return new SettingsModelIntegerBounded("seed", 0, 0, Integer.MAX_VALUE);
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
