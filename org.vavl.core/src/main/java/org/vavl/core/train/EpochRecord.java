package org.vavl.core.train;

/**
 * One epoch of training: the mean loss of each optimisation step over the epoch's batches (NaN where the
 * architecture has no such step), the development criterion used for model selection (cross-entropy, or
 * number of attributes minus the sum of CCC; lower is better), a readable development metric (accuracy, or
 * mean CCC), the seconds the epoch took, and whether its weights were kept.
 */
public final class EpochRecord {

    private final int m_epoch;

    private final double m_visualLoss;

    private final double m_audioLoss;

    private final double m_fusionLoss;

    private final double m_jointLoss;

    private final double m_devCriterion;

    private final double m_devMetric;

    private final double m_seconds;

    private final boolean m_selected;

    EpochRecord(final int epoch, final double visualLoss, final double audioLoss, final double fusionLoss,
        final double jointLoss, final double devCriterion, final double devMetric, final double seconds,
        final boolean selected) {
        m_epoch = epoch;
        m_visualLoss = visualLoss;
        m_audioLoss = audioLoss;
        m_fusionLoss = fusionLoss;
        m_jointLoss = jointLoss;
        m_devCriterion = devCriterion;
        m_devMetric = devMetric;
        m_seconds = seconds;
        m_selected = selected;
    }

    EpochRecord withSelected(final boolean selected) {
        return new EpochRecord(m_epoch, m_visualLoss, m_audioLoss, m_fusionLoss, m_jointLoss, m_devCriterion,
            m_devMetric, m_seconds, selected);
    }

    /** @return the epoch, 1-based */
    public int epoch() {
        return m_epoch;
    }

    /** @return mean loss of the visual step (VAVL), NaN otherwise */
    public double visualLoss() {
        return m_visualLoss;
    }

    /** @return mean loss of the acoustic step (VAVL), NaN otherwise */
    public double audioLoss() {
        return m_audioLoss;
    }

    /** @return mean loss of the fusion step (VAVL), NaN otherwise */
    public double fusionLoss() {
        return m_fusionLoss;
    }

    /** @return mean joint loss (AuxFormer 2022), NaN otherwise */
    public double jointLoss() {
        return m_jointLoss;
    }

    /** @return the development criterion (lower is better) */
    public double devCriterion() {
        return m_devCriterion;
    }

    /** @return development accuracy (categorical) or mean CCC (dimensional) of the audiovisual output */
    public double devMetric() {
        return m_devMetric;
    }

    /** @return wall-clock seconds of the epoch, development evaluation included */
    public double seconds() {
        return m_seconds;
    }

    /** @return true for the epoch whose weights the model holds */
    public boolean selected() {
        return m_selected;
    }

    /** @return exact equality of all figures except the seconds (for reproducibility checks) */
    public boolean sameFigures(final EpochRecord o) {
        return m_epoch == o.m_epoch && eq(m_visualLoss, o.m_visualLoss) && eq(m_audioLoss, o.m_audioLoss)
            && eq(m_fusionLoss, o.m_fusionLoss) && eq(m_jointLoss, o.m_jointLoss)
            && eq(m_devCriterion, o.m_devCriterion) && eq(m_devMetric, o.m_devMetric) && m_selected == o.m_selected;
    }

    private static boolean eq(final double a, final double b) {
        return Double.compare(a, b) == 0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
            "epoch %d: visual %.6f audio %.6f fusion %.6f joint %.6f dev %.6f metric %.4f %.1fs%s", m_epoch,
            m_visualLoss, m_audioLoss, m_fusionLoss, m_jointLoss, m_devCriterion, m_devMetric, m_seconds,
            m_selected ? " *" : "");
    }
}
