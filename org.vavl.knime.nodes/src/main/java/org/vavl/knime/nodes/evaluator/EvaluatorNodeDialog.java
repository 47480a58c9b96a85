package org.vavl.knime.nodes.evaluator;

import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

import org.vavl.core.metrics.BootstrapSettings;
import org.vavl.knime.nodes.common.SettingModels;
import org.vavl.knime.nodes.common.EnablingSettingsPane;

/**
 * The Evaluator's dialog: tabs Options (what to compare, confidence intervals) and Report files. Resamples and seed
 * are enabled while bootstrap is on, also when the dialog opens.
 */
final class EvaluatorNodeDialog extends EnablingSettingsPane {

    private final SettingsModelBoolean m_bootstrap = EvaluatorSettings.bootstrap();

    private final SettingsModelIntegerBounded m_resamples = EvaluatorSettings.resamples();

    private final SettingsModelIntegerBounded m_seed = EvaluatorSettings.seed();

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
        m_bootstrap.addChangeListener(e -> updateEnabled());
        addDialogComponent(SettingModels.component(BootstrapSettings.BOOTSTRAP, m_bootstrap));
        final DialogComponentNumber resamples = new DialogComponentNumber(m_resamples,
            BootstrapSettings.RESAMPLES.label(), 100);
        resamples.setToolTipText(BootstrapSettings.RESAMPLES.description());
        addDialogComponent(resamples);
        addDialogComponent(SettingModels.component(BootstrapSettings.SEED, m_seed));
        closeCurrentGroup();
        createNewTab("Report files");
        addDialogComponent(new DialogComponentString(EvaluatorSettings.reportFolder(),
            "Folder for PNG charts and report.html (absolute or relative to the workflow; empty: none)", false, 30));
        addDialogComponent(new DialogComponentString(EvaluatorSettings.reportTitle(), "Report title", false, 30));
        updateEnabled();
    }

    @Override
    protected void updateEnabled() {
        m_resamples.setEnabled(m_bootstrap.getBooleanValue());
        m_seed.setEnabled(m_bootstrap.getBooleanValue());
    }
}
