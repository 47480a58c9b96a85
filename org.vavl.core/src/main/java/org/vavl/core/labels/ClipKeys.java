package org.vavl.core.labels;

/**
 * How label rows are matched to clips: by clip id, the file's base name without its extension. A label
 * file's {@code 1026_IEO_ANG_HI.wav} matches the clip {@code 1026_IEO_ANG_HI} of
 * {@code .../1026_IEO_ANG_HI.flv}; folders in either are ignored.
 */
public final class ClipKeys {

    private ClipKeys() {
    }

    /** @return the name without folders ({@code /} or {@code \}), trimmed */
    public static String baseName(final String id) {
        final String s = id == null ? "" : id.trim();
        final int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /**
     * @return the base name without its last extension (a dot followed by 1 to 5 letters or digits, at
     *         least one a letter, as in {@code .wav}, {@code .flv}, {@code .mp4}, {@code .mp3})
     */
    public static String key(final String id) {
        final String b = baseName(id);
        final int dot = b.lastIndexOf('.');
        if (dot > 0) {
            final String ext = b.substring(dot + 1);
            if (ext.length() >= 1 && ext.length() <= 5 && ext.chars().allMatch(Character::isLetterOrDigit)
                && ext.chars().anyMatch(Character::isLetter)) {
                return b.substring(0, dot);
            }
        }
        return b;
    }
}
