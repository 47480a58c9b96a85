package org.vavl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vavl.core.labels.LabelFiles;
import org.vavl.core.train.Vocabulary.Output;

/** The names the Predictor writes are the names the Evaluator and the Label Joiner read: one place, both ways. */
class VocabularyTest {

    @Test
    void namesAsThePredictorWritesThem() {
        assertEquals(List.of("audiovisual", "audio-only", "visual-only"), Output.labels());
        assertEquals("Predicted class (audio-only)", Vocabulary.predictedClass(Output.AUDIO_ONLY));
        assertEquals("P(angry) (visual-only)", Vocabulary.probability("angry", Output.VISUAL_ONLY));
        assertEquals("Confidence (audiovisual)", Vocabulary.confidence(Output.AUDIOVISUAL));
        assertEquals("arousal (audiovisual)", Vocabulary.attribute("arousal", Output.AUDIOVISUAL));
        assertEquals("P(sad) (annotators)", LabelFiles.annotatorShareColumn("sad"));
        // the Input used column and the emotion-over-time modalities use the outputs' names
        assertEquals("audio-only", AuxFormerPredictor.InputUsed.AUDIO_ONLY.label());
        assertEquals(Output.labels(), EmotionTimeline.MODALITIES);
        assertEquals("Temperature (visual-only)", Calibration.KEYS.get(2));
    }

    @Test
    void andReadBack() {
        final String[] columns = {"Clip", "Predicted class (audiovisual)", "P(happy) (audiovisual)",
            "P(angry) (audiovisual)", "Confidence (audiovisual)", "P(happy) (audio-only)", "P(x (y)) (audiovisual)",
            "valence (1-7) (audiovisual)", "P(sad) (annotators)"};
        assertEquals(List.of("happy", "angry", "x (y)"), Vocabulary.classesOf(columns, "audiovisual"));
        assertEquals(List.of("sad"), Vocabulary.classesOf(columns, Vocabulary.ANNOTATORS));
        assertEquals(Optional.of("valence (1-7)"), Vocabulary.attributeOf(columns[7], Output.AUDIOVISUAL));
        for (int i = 0; i < 7; i++) {
            assertTrue(Vocabulary.attributeOf(columns[i], Output.AUDIOVISUAL).isEmpty(), columns[i]);
        }
        assertEquals(Optional.of("angry"), Vocabulary.classOfProbability("P(angry)"));
        assertEquals(Optional.of(Output.VISUAL_ONLY), Output.of("visual-only"));
        assertTrue(Output.of("visual only").isEmpty());
        assertEquals(List.of("angry", "disgust", "neutral"), Vocabulary.classOrder(List.of("neutral", "angry",
            "disgust", "angry")));
    }
}
