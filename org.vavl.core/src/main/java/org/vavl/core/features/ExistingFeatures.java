package org.vavl.core.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;

/**
 * Attaches feature files that already exist ({@code <clip>.npy} in a folder, for example made by the
 * reference's scripts, {@code Face_features/<clip>.npy}) to clips by clip id, instead of running an encoder.
 * Only the headers are read; every clip must have the same feature dimension.
 */
public final class ExistingFeatures {

    private ExistingFeatures() {
    }

    /** @return where the feature file of a clip is expected in a folder ({@code <clip>.npy}) */
    public static Path pathFor(final Path folder, final String clipId) {
        return new ClipOutputStore(folder, "npy", Map.of(), Overwrite.NEVER).pathFor(clipId);
    }

    /**
     * @return the clip's existing feature file and its shape
     * @throws IOException naming the clip and the expected file when it is missing or not a float .npy
     */
    public static EncodedClip attach(final Path folder, final String clipId) throws IOException {
        final Path f = pathFor(folder, clipId);
        if (!Files.isRegularFile(f)) {
            throw new IOException("No feature file for clip '" + clipId + "': '" + f + "' does not exist. Check the"
                + " feature folder, or skip such clips (on error = skip).");
        }
        final int[] shape = Npy.readShape(f);
        if (shape[0] == 0) {
            throw new IOException("Feature file '" + f + "' of clip '" + clipId + "' has no frames.");
        }
        return EncodedClip.ok(clipId, f, shape[0], shape[1], true);
    }

    /**
     * Attaches the feature files of several clips; all must have the same dimension (that of the first clip
     * found).
     *
     * @throws ClipException the first bad clip with {@link OnError#FAIL}
     */
    public static List<EncodedClip> attachAll(final Path folder, final List<String> clipIds, final OnError onError,
        final Progress progress) throws ClipException, CancelledException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Feature folder '" + folder + "' does not exist.");
        }
        final List<EncodedClip> out = new ArrayList<>(clipIds.size());
        int dim = -1;
        for (int i = 0; i < clipIds.size(); i++) {
            progress.checkCancelled();
            final String id = clipIds.get(i);
            EncodedClip r;
            try {
                if (id == null) {
                    throw new IOException("A row has no clip id (missing value); clip ids name the feature files.");
                }
                r = attach(folder, id);
                if (dim < 0) {
                    dim = r.dim();
                } else if (r.dim() != dim) {
                    throw new IOException("Feature file '" + r.features() + "' of clip '" + id + "' has " + r.dim()
                        + " values per frame, the other clips " + dim + ". All clips need features of one kind.");
                }
            } catch (IOException e) {
                if (onError == OnError.FAIL) {
                    throw new ClipException(id == null ? "?" : id, e.getMessage(), e);
                }
                r = EncodedClip.failed(id, e.getMessage());
            }
            out.add(r);
            progress.update((double)(i + 1) / clipIds.size(), "Clip " + (i + 1) + " of " + clipIds.size() + ": " + id);
        }
        return out;
    }
}
