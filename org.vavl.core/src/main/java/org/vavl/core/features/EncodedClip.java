package org.vavl.core.features;

import java.nio.file.Path;

/**
 * The outcome of encoding (or attaching) one clip's features: the {@code <clip>.npy} file and its shape, or
 * the reason it failed (with on error = skip).
 */
public final class EncodedClip {

    private final String m_clipId;

    private final Path m_features;

    private final int m_frames;

    private final int m_dim;

    private final boolean m_reused;

    private final String m_error;

    private EncodedClip(final String clipId, final Path features, final int frames, final int dim,
        final boolean reused, final String error) {
        m_clipId = clipId;
        m_features = features;
        m_frames = frames;
        m_dim = dim;
        m_reused = reused;
        m_error = error;
    }

    /** A clip whose features were written or found. */
    public static EncodedClip ok(final String clipId, final Path features, final int frames, final int dim,
        final boolean reused) {
        return new EncodedClip(clipId, features, frames, dim, reused, null);
    }

    /** A clip that failed. */
    public static EncodedClip failed(final String clipId, final String error) {
        return new EncodedClip(clipId, null, 0, 0, false, error);
    }

    /** @return the clip id */
    public String clipId() {
        return m_clipId;
    }

    /** @return the feature file, or null when the clip failed */
    public Path features() {
        return m_features;
    }

    /** @return frames in the feature file */
    public int frames() {
        return m_frames;
    }

    /** @return values per frame */
    public int dim() {
        return m_dim;
    }

    /** @return true when an up-to-date file from an earlier run (or an existing feature file) was used */
    public boolean reused() {
        return m_reused;
    }

    /** @return why the clip failed, or null */
    public String error() {
        return m_error;
    }

    /** @return true when the clip has features */
    public boolean ok() {
        return m_error == null;
    }

    @Override
    public String toString() {
        return ok() ? m_clipId + ": " + m_features + " (" + m_frames + " x " + m_dim + (m_reused ? ", reused" : "") + ")"
            : m_clipId + ": " + m_error;
    }
}
