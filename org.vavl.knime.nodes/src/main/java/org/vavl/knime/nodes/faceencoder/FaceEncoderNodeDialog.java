package org.vavl.knime.nodes.faceencoder;

import static org.vavl.core.features.FaceModelSettings.CHANNEL_ORDER;
import static org.vavl.core.features.FaceModelSettings.FRAMES_PER_BATCH;
import static org.vavl.core.features.FaceModelSettings.INPUT_SIZE;
import static org.vavl.core.features.FaceModelSettings.MEAN;
import static org.vavl.core.features.FaceModelSettings.STD;

import java.util.List;

import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.features.ExpressionFaceEncoder;
import org.vavl.core.features.FaceModelSettings;
import org.vavl.core.settings.Setting;
import org.vavl.knime.nodes.common.ClipEncoderNodeDialog;
import org.vavl.knime.nodes.common.RecordModels;
import org.vavl.knime.nodes.common.SettingModels;

/**
 * The Face Encoder's dialog; the Model file tab applies to the model-file encoder, the Expression network tab to the
 * built-in expression network.
 */
final class FaceEncoderNodeDialog extends ClipEncoderNodeDialog {

    private final SettingsModelString m_expressionOutput = FaceEncoderSettings.expressionOutput();

    FaceEncoderNodeDialog() {
        super("vavl.faceencoder", FaceEncoderSettings.faceTrackColumn(), "Face track column",
            FaceEncoderSettings.BUILT_INS, List.of("Built-in HOG (no weights)",
                "Built-in expression network (face-api: 7 expression probabilities + 256-value embedding)"),
            "knime://knime.workflow/vavl-data/face-features");

        createNewTab("Model file");
        final RecordModels<FaceModelSettings> m = FaceEncoderSettings.imageModel();
        forModelFile(m.models().toArray(new SettingsModel[0]));
        addDialogComponent(new DialogComponentNumber((SettingsModelNumber)m.model(INPUT_SIZE), INPUT_SIZE.label(), 4));
        addDialogComponent(SettingModels.component(CHANNEL_ORDER, m.model(CHANNEL_ORDER)));
        for (Setting<String> s : List.of(MEAN, STD)) {
            addDialogComponent(new DialogComponentString((SettingsModelString)m.model(s), s.label(), true, 20));
        }
        addDialogComponent(SettingModels.component(FRAMES_PER_BATCH, m.model(FRAMES_PER_BATCH)));
        addDevice();

        createNewTab("Expression network");
        addDialogComponent(new DialogComponentButtonGroup(m_expressionOutput, ExpressionFaceEncoder.PART.label(), true,
            new String[] {"7 expression probabilities + 256-value embedding (263)", "7 expression probabilities",
                "256-value embedding"}, ExpressionFaceEncoder.PART.choices().stream()
                    .map(ExpressionFaceEncoder.Part::settingValue).toArray(String[]::new)));

        addExecutionTab();
        followEncoder();
    }

    @Override
    protected void updateEnabled() {
        super.updateEnabled();
        if (m_expressionOutput != null) { // null while the superclass constructs
            m_expressionOutput.setEnabled(FaceEncoderSettings.EXPRESSION.equals(chosenEncoder()));
        }
    }
}
