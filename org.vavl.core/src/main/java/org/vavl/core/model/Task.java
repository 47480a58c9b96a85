package org.vavl.core.model;

/** What the model predicts. */
public enum Task {
    /** Emotion classes: the outputs are class logits. */
    CATEGORICAL,
    /** Emotion attributes (for example arousal, dominance, valence): the outputs are the attribute values. */
    DIMENSIONAL
}
