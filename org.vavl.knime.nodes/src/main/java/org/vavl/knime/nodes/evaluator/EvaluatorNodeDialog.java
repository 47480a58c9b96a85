package org.vavl.knime.nodes.evaluator;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

/** The Evaluator's dialog. */
final class EvaluatorNodeDialog extends DefaultNodeSettingsPane {

    EvaluatorNodeDialog() {
        createNewGroup("What to compare");
        addDialogComponent(new DialogComponentStringSelection(EvaluatorSettings.task(), "Task",
            EvaluatorSettings.TASK_AUTO, EvaluatorSettings.TASK_CATEGORICAL, EvaluatorSettings.TASK_DIMENSIONAL));
        addDialogComponent(new DialogComponentString(EvaluatorSettings.truthColumns(),
            "Truth column(s), comma separated (empty: found automatically)", false, 30));
        addDialogComponent(new DialogComponentString(EvaluatorSettings.predictionColumns(),
            "Prediction column(s), comma separated (empty: the AuxFormer Predictor's)", false, 30));
        addDialogComponent(new DialogComponentStringSelection(EvaluatorSettings.missingValues(),
            "Rows with missing values", EvaluatorSettings.MISSING_FAIL, EvaluatorSettings.MISSING_SKIP));
        addDialogComponent(new DialogComponentString(EvaluatorSettings.splitColumn(), "Split column", false, 20));
        addDialogComponent(new DialogComponentString(EvaluatorSettings.evaluatedSplit(),
            "Evaluated split (empty: every row)", false, 20));
        closeCurrentGroup();
        createNewGroup("Confidence intervals");
        final SettingsModelBoolean bootstrap = EvaluatorSettings.bootstrap();
        final SettingsModelIntegerBounded resamples = EvaluatorSettings.resamples();
        final SettingsModelIntegerBounded seed = EvaluatorSettings.seed();
        bootstrap.addChangeListener(e -> {
            resamples.setEnabled(bootstrap.getBooleanValue());
            seed.setEnabled(bootstrap.getBooleanValue());
        });
        addDialogComponent(new DialogComponentBoolean(bootstrap, "Bootstrap 95% confidence intervals"));
        addDialogComponent(new DialogComponentNumber(resamples, "Resamples", 100));
        addDialogComponent(new DialogComponentNumber(seed, "Seed", 1));
        closeCurrentGroup();
        createNewGroup("Report files");
        addDialogComponent(new DialogComponentString(EvaluatorSettings.reportFolder(),
            "Folder for PNG charts and report.html (absolute or relative to the workflow; empty: none)", false, 30));
        addDialogComponent(new DialogComponentString(EvaluatorSettings.reportTitle(), "Report title", false, 30));
        closeCurrentGroup();
    }
}
