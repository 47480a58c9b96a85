package org.vavl.knime.nodes.common;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.node.NodeLogger;
import org.vavl.core.features.ClipEncoder;
import org.vavl.core.features.ClipEncoding;
import org.vavl.core.features.ClipEncoding.ClipInput;
import org.vavl.core.features.EncodedClip;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;
import org.vavl.knime.nodes.common.PerClipNodeModel.Clip;

/** An encoder node's engine call ({@link ClipEncoderNodeModel}): the clips' feature files, made or attached. */
final class FeatureFiles {

    private FeatureFiles() {
    }

    /** @return each clip's outcome: its feature file made by {@code encoder} ({@link ClipEncoding#run}) */
    static List<Outcome<EncodedClip>> encode(final ClipEncoder encoder, final List<Clip> clips, final Path folder,
        final Overwrite overwrite, final int threads, final OnError onError, final Progress progress,
        final NodeLogger logger) throws Exception {
        final List<EncodedClip> results = ClipEncoding.run(clips.stream().map(c -> new ClipInput(c.id(), c.input()))
            .toList(), encoder, ClipEncoding.storeFor(folder, encoder, overwrite), threads, onError, progress);
        final long reused = results.stream().filter(r -> r.ok() && r.reused()).count();
        if (reused > 0) {
            logger.info(reused + " clip(s) were up to date and not encoded again.");
        }
        return outcomes(results);
    }

    /** @return the outcomes of the engine's results (a failed clip's error) */
    static List<Outcome<EncodedClip>> outcomes(final List<EncodedClip> results) {
        return results.stream().map(r -> r.ok() ? Outcome.ok(r) : Outcome.<EncodedClip> failed(r.error())).toList();
    }
}
