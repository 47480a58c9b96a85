package org.vavl.core.util;

/**
 * A problem with one clip: the message names the clip and says what is wrong and what to do. Nodes show
 * it as is (on error = fail) or put it into the clip's error column (on error = skip).
 */
public class ClipException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String m_clipId;

    public ClipException(final String clipId, final String message) {
        super(message);
        m_clipId = clipId;
    }

    public ClipException(final String clipId, final String message, final Throwable cause) {
        super(message, cause);
        m_clipId = clipId;
    }

    /** @return the clip this problem is about */
    public String getClipId() {
        return m_clipId;
    }
}
