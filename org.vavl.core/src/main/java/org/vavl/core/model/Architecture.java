package org.vavl.core.model;

/**
 * Which network the AuxFormer Learner trains.
 *
 * <ul>
 * <li>{@link #VAVL}: the 2023 paper's model (docs/model.md, Architectures): per-modality Conformer branches, a shared
 * Conformer, unimodal and reconstruction heads, and a fusion head. The default.</li>
 * <li>{@link #AUXFORMER_2022}: the earlier AuxFormer (ICASSP 2022; docs/model.md, Architectures): cross-modal
 * transformer encoders both ways with self-attention memory encoders, auxiliary unimodal networks.</li>
 * </ul>
 */
public enum Architecture {
    /** The VAVL model of the 2023 paper (default). */
    VAVL("VAVL (2023)"),
    /** The AuxFormer model of the 2022 paper. */
    AUXFORMER_2022("AuxFormer (2022)");

    private final String m_label;

    Architecture(final String label) {
        m_label = label;
    }

    /** @return the name shown to users and saved in the Learner's settings */
    public String label() {
        return m_label;
    }
}
