package org.vavl.core.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vavl.core.util.CancelledException;
import org.vavl.core.util.CancelToken;

/**
 * Turns one clip's input file (a face track or a 16 kHz mono WAV) into a {@link FeatureSequence}
 * ({@code frames x dim}). Implementations are thread safe: {@link ClipEncoding} calls them from several
 * worker threads at once.
 *
 * <p>Built-ins: {@link HogFaceEncoder} and {@link LogMelEncoder} (no weights needed); user models:
 * {@link ModelFaceEncoder} and {@link ModelAudioEncoder} (TorchScript or ONNX).
 */
public interface ClipEncoder extends AutoCloseable {

    /**
     * @return everything that determines the output (encoder kind and parameters, model file checksum);
     *         recorded beside each {@code <clip>.npy} so re-runs skip clips made with the same settings
     */
    Map<String, String> settings();

    /** @return the feature dimension per frame */
    int dim();

    /**
     * Encodes one clip.
     *
     * @param input the clip's face track or WAV file
     * @param cancel polled per frame or per batch
     * @throws IOException with a message naming the file and the problem
     * @throws CancelledException when cancelled
     */
    FeatureSequence encode(Path input, CancelToken cancel) throws IOException, CancelledException;

    /**
     * @return how many clips to encode together; 1 (the default) encodes clip by clip, so that a clip's
     *         features never depend on the other clips
     */
    default int clipsPerBatch() {
        return 1;
    }

    /** @return a cheap length of the input (samples, frames) to group clips of similar length; 0 if unknown */
    default long inputLength(final Path input) {
        return 0;
    }

    /**
     * Encodes several clips of similar length at once (when {@link #clipsPerBatch()} &gt; 1). The default
     * encodes them one by one.
     */
    default List<FeatureSequence> encodeBatch(final List<Path> inputs, final CancelToken cancel)
        throws IOException, CancelledException {
        final List<FeatureSequence> out = new ArrayList<>(inputs.size());
        for (Path p : inputs) {
            cancel.check();
            out.add(encode(p, cancel));
        }
        return out;
    }

    @Override
    default void close() {
        // nothing by default
    }
}
