package org.vavl.core.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One clip as AuxFormer sees it: where its audio and visual feature sequences are ({@code .npy}, frames x
 * dim; either may be absent), its label and its split. Labels are a class index (categorical task) or one
 * value per attribute (dimensional task); clips to predict carry no label.
 */
public final class FeatureClip {

    private final String m_id;

    private final Path m_audio;

    private final Path m_visual;

    private final int m_classIndex;

    private final float[] m_attributes;

    private final String m_split;

    private FeatureClip(final String id, final Path audio, final Path visual, final int classIndex,
        final float[] attributes, final String split) {
        m_id = Objects.requireNonNull(id, "clip id");
        m_audio = audio;
        m_visual = visual;
        m_classIndex = classIndex;
        m_attributes = attributes == null ? null : attributes.clone();
        m_split = split;
    }

    /**
     * A clip with a class label.
     *
     * @param audio the audio feature file, or null when the clip has none
     * @param visual the visual feature file, or null when the clip has none
     * @param classIndex index into the class names, 0-based
     * @param split the clip's split value (for example "Train"), or null
     */
    public static FeatureClip categorical(final String id, final Path audio, final Path visual,
        final int classIndex, final String split) {
        if (classIndex < 0) {
            throw new IllegalArgumentException("Clip '" + id + "': class index " + classIndex + " is negative.");
        }
        return new FeatureClip(id, audio, visual, classIndex, null, split);
    }

    /** A clip with one value per attribute (for example arousal, dominance, valence). */
    public static FeatureClip dimensional(final String id, final Path audio, final Path visual,
        final float[] attributes, final String split) {
        Objects.requireNonNull(attributes, "attributes");
        return new FeatureClip(id, audio, visual, -1, attributes, split);
    }

    /** A clip without a label, to predict. */
    public static FeatureClip unlabelled(final String id, final Path audio, final Path visual) {
        return new FeatureClip(id, audio, visual, -1, null, null);
    }

    /** @return the clip id */
    public String id() {
        return m_id;
    }

    /** @return the feature file of a modality, or null when the clip has none */
    public Path path(final Modality modality) {
        return modality == Modality.AUDIO ? m_audio : m_visual;
    }

    /** @return the audio feature file or null */
    public Path audio() {
        return m_audio;
    }

    /** @return the visual feature file or null */
    public Path visual() {
        return m_visual;
    }

    /** @return the class index, or -1 when the clip has no class label */
    public int classIndex() {
        return m_classIndex;
    }

    /** @return a copy of the attribute values, or null when the clip has none */
    public float[] attributes() {
        return m_attributes == null ? null : m_attributes.clone();
    }

    /** @return the split value or null */
    public String split() {
        return m_split;
    }

    @Override
    public String toString() {
        return m_id;
    }
}
