package org.vavl.core.metrics;

/**
 * One figure of an evaluation: a metric of one modality's predictions, for all classes (target null), one
 * class, or one attribute; with the bootstrap 95% interval when asked (else NaN).
 *
 * @param modality audiovisual, audio-only, visual-only, or a user column's name
 * @param metric e.g. "F1 macro", "CCC"
 * @param target the class or attribute the figure is about, or null for an overall figure
 * @param value the figure (NaN when undefined)
 * @param lower lower end of the 95% bootstrap interval, or NaN
 * @param upper upper end of the 95% bootstrap interval, or NaN
 */
public record MetricRow(String modality, String metric, String target, double value, double lower,
    double upper) {
}
