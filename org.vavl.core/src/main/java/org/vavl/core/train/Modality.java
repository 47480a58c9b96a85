package org.vavl.core.train;

import java.util.Locale;

/** The two input modalities of AuxFormer. */
public enum Modality {
    /** Audio feature sequences (the reference: wav2vec2 features, 50 frames per second, 1024-d). */
    AUDIO,
    /** Visual feature sequences (the reference: EfficientNet-B2 face features per video frame, 1408-d). */
    VISUAL;

    /** @return "audio" or "visual", for messages */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
