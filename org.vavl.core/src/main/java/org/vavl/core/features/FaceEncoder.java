package org.vavl.core.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.CancelToken;

/**
 * Base of the face encoders: streams a face track's frames ({@link FaceTrackReader}), hands them to
 * {@link #encodeFrames} in batches of {@link #framesPerBatch()}, and stacks the per-frame rows into a
 * {@link FeatureSequence} of {@code frames x dim}. At most one batch of frames is in memory.
 */
public abstract class FaceEncoder implements ClipEncoder {

    private final int m_framesPerBatch;

    /** @param framesPerBatch frames handed to {@link #encodeFrames} at once (at least 1) */
    protected FaceEncoder(final int framesPerBatch) {
        if (framesPerBatch < 1) {
            throw new IllegalArgumentException("Frames per batch must be at least 1, got " + framesPerBatch + ".");
        }
        m_framesPerBatch = framesPerBatch;
    }

    /** @return frames encoded together */
    public int framesPerBatch() {
        return m_framesPerBatch;
    }

    /**
     * Encodes a batch of face images.
     *
     * @param bgrFrames 8-bit BGR images (any square size; usually the face track's 224x224)
     * @param source names the face track in messages
     * @return one row of {@link #dim()} values per frame
     */
    protected abstract float[][] encodeFrames(List<Mat> bgrFrames, String source) throws IOException;

    @Override
    public FeatureSequence encode(final Path faceTrack, final CancelToken cancel)
        throws IOException, CancelledException {
        final FrameBuffer rows = new FrameBuffer(dim());
        final List<Mat> batch = new ArrayList<>(m_framesPerBatch);
        try (FaceTrackReader reader = FaceTrackReader.open(faceTrack)) {
            for (Mat m = reader.next(); m != null; m = reader.next()) {
                cancel.check();
                // the reader reuses its buffer: keep a copy while the batch fills
                batch.add(m_framesPerBatch == 1 ? m : m.clone());
                if (batch.size() == m_framesPerBatch) {
                    flush(batch, rows, faceTrack.toString());
                }
            }
            flush(batch, rows, faceTrack.toString());
        }
        if (rows.frames() == 0) {
            throw new IOException("Face track '" + faceTrack + "' has no frames: no face was found in this clip."
                + " Check the Face Aligner's output for it, or skip such clips (on error = skip).");
        }
        return rows.toSequence();
    }

    /**
     * Encodes in-memory face images (8-bit BGR), e.g. for callers that already hold frames.
     *
     * @return {@code images.size() x dim}
     */
    public FeatureSequence encodeImages(final List<Mat> bgrImages) throws IOException {
        final FrameBuffer rows = new FrameBuffer(dim());
        for (int i = 0; i < bgrImages.size(); i += m_framesPerBatch) {
            final List<Mat> batch = new ArrayList<>(bgrImages.subList(i, Math.min(bgrImages.size(), i + m_framesPerBatch)));
            for (float[] r : encodeFrames(batch, "in-memory images")) {
                rows.add(r);
            }
        }
        return rows.toSequence();
    }

    private void flush(final List<Mat> batch, final FrameBuffer rows, final String source) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            for (float[] r : encodeFrames(batch, source)) {
                rows.add(r);
            }
        } finally {
            if (m_framesPerBatch > 1) {
                batch.forEach(Mat::close);
            }
            batch.clear();
        }
    }
}
