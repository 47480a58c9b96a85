package org.vavl.core.model;

/** What the model predicts. */
public enum Task {
    /** Emotion classes: the outputs are class logits. */
    CATEGORICAL("categorical"),
    /** Emotion attributes (for example arousal, dominance, valence): the outputs are the attribute values. */
    DIMENSIONAL("dimensional");

    private final String m_label;

    Task(final String label) {
        m_label = label;
    }

    /** @return the name shown to users and saved in the Learner's settings */
    public String label() {
        return m_label;
    }
}
